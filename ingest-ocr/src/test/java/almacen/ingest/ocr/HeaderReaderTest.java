package almacen.ingest.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import almacen.events.InvoiceKind;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeaderReaderTest {

  private static InvoiceHeader header(String text, ParseIssues issues) {
    PrintedLines lines = new PrintedLines(text);
    return new HeaderReader(lines, issues, lines.size()).read();
  }

  @Test
  void shouldReadEveryHeaderFieldWhenLayoutIsAfips() {
    // given the header of an AFIP-layout Factura A
    String text =
        """
        DISTRIBUIDORA DEL PLATA S.A.
        A | FACTURA
        COD. 01      Punto de Venta: 00003    Comp. Nro: 00012345
        Razón Social: DISTRIBUIDORA DEL PLATA S.A.
        Fecha de Emisión: 15/10/2025
        CUIT: 30-71234567-1
        Ingresos Brutos: 901-234567-1
        CUIT: 20-12345678-6   Apellido y Nombre / Razón Social: ALMACEN DON PEPE
        CAE N°: 75412345678901
        Fecha de Vto. de CAE: 25/10/2025
        """;
    ParseIssues issues = new ParseIssues();
    // when
    InvoiceHeader h = header(text, issues);
    // then
    assertThat(h)
        .isEqualTo(
            new InvoiceHeader(
                InvoiceType.A,
                1,
                3,
                12345L,
                LocalDate.of(2025, 10, 15),
                "30-71234567-1",
                "DISTRIBUIDORA DEL PLATA S.A.",
                "20-12345678-6",
                "75412345678901",
                LocalDate.of(2025, 10, 25),
                InvoiceKind.INVOICE));
    assertThat(issues.list()).isEmpty();
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "A | FACTURA;A",
        "B;B",
        "FACTURA C;C",
        "[ M ];M",
        "ORIGINAL  FACTURA  ( B )  Nro 0001-00000001;B",
        "FACTURA  COD. 11;C",
        "A | FACTURA  COD. 06;B"
      })
  void shouldTakeTypeFromCodeOverLetterWhenBothArePrinted(String line, InvoiceType expected) {
    // given one header line with a letter, a code, or both
    // when
    InvoiceHeader h = header(line, new ParseIssues());
    // then
    assertThat(h.type()).isEqualTo(expected);
  }

  @Test
  void shouldSayLetterAndCodeDisagreeWhenTheyDo() {
    // given a letter A next to the code of a Factura B
    ParseIssues issues = new ParseIssues();
    // when
    header("A | FACTURA  COD. 06", issues);
    // then
    assertThat(issues.list())
        .contains("La letra impresa (A) no coincide con el código 06 (B); se usa el código.");
  }

  @ParameterizedTest(name = "{0} → {1} {2}")
  @CsvSource(
      delimiter = ';',
      value = {
        "A | FACTURA  COD. 01;A;INVOICE",
        "NOTA DE CRÉDITO  Código 03;A;CREDIT_NOTE",
        "B | NOTA DE CREDITO  COD. 08;B;CREDIT_NOTE",
        "Nota de Crédito C;C;CREDIT_NOTE",
        "nota de debito  COD. 52;M;DEBIT_NOTE",
        "A | NOTA DE DÉBITO;A;DEBIT_NOTE",
        "COD. 13;C;CREDIT_NOTE",
        "COD. 07;B;DEBIT_NOTE"
      })
  void shouldTellNotesFromInvoicesWhenTheCodeOrTheTitleSaysSo(
      String line, InvoiceType type, InvoiceKind kind) {
    // given a header line with a note's title, its AFIP code, or both
    ParseIssues issues = new ParseIssues();
    // when
    InvoiceHeader h = header(line, issues);
    // then
    assertThat(h.type()).isEqualTo(type);
    assertThat(h.kind()).isEqualTo(kind);
    assertThat(issues.list()).noneMatch(i -> i.contains("no es una factura"));
  }

  @Test
  void shouldTakeTheCodeAndSaySoWhenTheTitleSaysAnotherKind() {
    // given a debit note's title next to a credit note's code
    ParseIssues issues = new ParseIssues();
    // when
    InvoiceHeader h = header("NOTA DE DEBITO  COD. 03", issues);
    // then
    assertThat(h.kind()).isEqualTo(InvoiceKind.CREDIT_NOTE);
    assertThat(issues.list())
        .contains(
            "El título impreso (nota de débito) no coincide con el código 03 (nota de crédito); se"
                + " usa el código.");
  }

  @Test
  void shouldSayItIsNotAnInvoiceWhenTheCodeIsAReceipt() {
    // given a recibo A (code 04)
    ParseIssues issues = new ParseIssues();
    // when
    header("RECIBO  COD. 04", issues);
    // then
    assertThat(issues.list())
        .contains(
            "El comprobante tiene código 04: no es una factura ni una nota de crédito o débito"
                + " (recibo o nota de venta).");
  }

  @ParameterizedTest(name = "{0} → {1}-{2}")
  @CsvSource(
      delimiter = ';',
      value = {
        "Punto de Venta: 00003    Comp. Nro: 00012345;3;12345",
        "Nro. 0007-00000451;7;451",
        "Pto. Vta: 0O012  N° 0000l234;12;1234",
        "P.V. 00002  Número: 00000077;2;77"
      })
  void shouldReadPointOfSaleAndNumberWhenPrintedInAnyUsualWay(
      String line, int pointOfSale, long number) {
    // given one header line
    // when
    InvoiceHeader h = header(line, new ParseIssues());
    // then
    assertThat(h.pointOfSale()).isEqualTo(pointOfSale);
    assertThat(h.number()).isEqualTo(number);
  }

  @Test
  void shouldNotTakeTheCaeForTheNumberWhenOnlyTheCaeHasANro() {
    // given an 8-digit run after "CAE Nro:" and no invoice number
    ParseIssues issues = new ParseIssues();
    // when
    InvoiceHeader h = header("CAE Nro: 12345678", issues);
    // then
    assertThat(h.number()).isNull();
    assertThat(issues.list()).contains("No se encontró el número de comprobante.");
  }

  @Test
  void shouldTakeFirstWordyLineAsSupplierWhenNoRazonSocialIsPrinted() {
    // given a name on top, above the letter
    // when
    InvoiceHeader h =
        header(
            "ORIGINAL\nMAYORISTA EL SOL S.R.L.   Av. Siempre Viva 742\nFACTURA B",
            new ParseIssues());
    // then the address after two spaces is not part of the name
    assertThat(h.supplierName()).isEqualTo("MAYORISTA EL SOL S.R.L.");
  }

  @Test
  void shouldDropSpecksAroundTheNameWhenAPhotoLeftThemAtTheLineEnds() {
    // given a photo's first line with a speck of the sheet's edge before the name
    // when
    InvoiceHeader h =
        header(
            "* HNOS. FERRARI S.H. —\n2 C.U.I.T. Nro.: 30-21398156-7\nFACTURA C", new ParseIssues());
    // then no name starts or ends with bare punctuation
    assertThat(h.supplierName()).isEqualTo("HNOS. FERRARI S.H.");
  }

  @Test
  void shouldNotCutTheNameAtTheSpeckWhenAColumnGapFollowsIt() {
    // given a line rebuilt from word positions: a speck, a column gap, the name, another column
    // when
    InvoiceHeader h =
        header("=   LACTEOS PAMPEANOS S.A.   Av. Rivadavia 5120\nFACTURA B", new ParseIssues());
    // then
    assertThat(h.supplierName()).isEqualTo("LACTEOS PAMPEANOS S.A.");
  }

  @Test
  void shouldDropASpeckWithADigitBeforeTheNameButKeepANumberThatStartsIt() {
    // given a till photo's first line "==2 MAYORISTA…", and a company named with a number
    // when
    InvoiceHeader speck = header("==2 MAYORISTA EL SOL S.R.L.\nFACTURA C", new ParseIssues());
    InvoiceHeader number = header("3 HERMANOS S.A.\nFACTURA C", new ParseIssues());
    InvoiceHeader markAndLetter =
        header("=Ñ MAYORISTA EL SOL S.R.L.\nFACTURA C", new ParseIssues());
    InvoiceHeader initials = header("DISTRIBUIDORA DEL SUR S. A.\nFACTURA C", new ParseIssues());
    // then
    assertThat(speck.supplierName()).isEqualTo("MAYORISTA EL SOL S.R.L.");
    assertThat(number.supplierName()).isEqualTo("3 HERMANOS S.A.");
    assertThat(markAndLetter.supplierName()).isEqualTo("MAYORISTA EL SOL S.R.L.");
    assertThat(initials.supplierName()).isEqualTo("DISTRIBUIDORA DEL SUR S. A.");
  }

  @Test
  void shouldTakeTheLabelledNameWhenTheVoucherIsReadBeforeIt() {
    // given a scan read column by column: the voucher's data and the IVA condition first, the
    // issuer's "Razón Social:" tenth, then the buyer's block
    String text =
        """
        COD. 01
        Punto de Venta: 00007
        Comp. Nro: 00085829
        Fecha de Emisión: 17/07/2026
        IVA Responsable Inscripto
        A         FACTURA
        Domicilio: Ruta 8 Km 52, Pilar, Bs. As.
        IIBB: 901-134375-1
        C.U.I.T.: 33-13437536-7
        Inicio de Actividades: 01/03/2015
        Razón Social: LACTEOS PAMPEANOS S.A.
        CUIT: 27-60387035-8
        Apellido y Nombre / Razón Social: ALMACEN DON PEPE
        """;
    // when
    InvoiceHeader h = header(text, new ParseIssues());
    // then neither the IVA condition nor the buyer
    assertThat(h.supplierName()).isEqualTo("LACTEOS PAMPEANOS S.A.");
  }

  @Test
  void shouldNotTakeTheBuyerForTheIssuerWhenOnlyTheBuyerIsLabelled() {
    // given no issuer label, an IVA condition line first, and AFIP's receptor box
    String text =
        """
        IVA Responsable Inscripto
        LACTEOS PAMPEANOS S.A.
        FACTURA A
        Apellido y Nombre / Razón Social: ALMACEN DON PEPE
        """;
    // when
    InvoiceHeader h = header(text, new ParseIssues());
    // then
    assertThat(h.supplierName()).isEqualTo("LACTEOS PAMPEANOS S.A.");
  }

  @Test
  void shouldTakeTheNameBesideTheLetterBoxWhenTheLabelledLineIsGarbled() {
    // given a photo whose "Razón Social:" line OCR merged with the voucher's: only the big name on
    // top is left, with the letter box and "FACTURA" beside it past a column gap
    String text =
        """
        ORIGINAL
        LACTEOS PAMPEANOS S.A.           B        FACTURA
        e aliaemos Ra MpRANOS 5            COD. 06 Punto de Venta: 00005 Comp. Nro: 00098672
        Domicilio Comercial: Av. Corrientes 1234 - CABA
        CUIT: 27-39536603-9     Apellido y Nombre / Razón Social: ALMACEN DON PEPE
        """;
    // when
    InvoiceHeader h = header(text, new ParseIssues());
    // then
    assertThat(h.supplierName()).isEqualTo("LACTEOS PAMPEANOS S.A.");
  }

  @Test
  void shouldDropAQuoteGluedToTheNameWhenNoneClosesIt() {
    // given a till photo's first line with a speck read as a quote, and a name in quotes
    // when
    InvoiceHeader speck = header("\"HNOS. FERRARI S.H.\nFACTURA B", new ParseIssues());
    InvoiceHeader quoted = header("\"LA ESQUINA\" S.R.L.\nFACTURA B", new ParseIssues());
    // then
    assertThat(speck.supplierName()).isEqualTo("HNOS. FERRARI S.H.");
    assertThat(quoted.supplierName()).isEqualTo("\"LA ESQUINA\" S.R.L.");
  }

  @Test
  void shouldSayTheNameIsMissingWhenNoLineReadsAsOne() {
    // given a header whose name line OCR lost
    ParseIssues issues = new ParseIssues();
    // when
    InvoiceHeader h = header("ORIGINAL\nFACTURA B\nDomicilio Comercial: San Martín 455", issues);
    // then
    assertThat(h.supplierName()).isNull();
    assertThat(issues.list()).contains("No se encontró la razón social del emisor.");
  }

  @Test
  void shouldTakeTheLabelledNameWhenOneLetterOfTheLabelIsMisread() {
    // given a scan whose big name lost its ".A." and whose label reads "Rezón Social:"
    String text =
        """
        ORIGINAL
        DISTRIBUIDORA DEL PLATA S  AA        FACTURA
        Rezón Social: DISTRIBUIDORA DEL PLATA S.A. |] PuntodeVenta: 00009 Comp. Nro: 00043599
        Domicilio Comercial: Av. Corrientes 1234 - CABA
        """;
    // when
    InvoiceHeader h = header(text, new ParseIssues());
    // then
    assertThat(h.supplierName()).isEqualTo("DISTRIBUIDORA DEL PLATA S.A.");
  }
}
