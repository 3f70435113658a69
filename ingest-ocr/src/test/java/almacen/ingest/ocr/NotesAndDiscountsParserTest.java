package almacen.ingest.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import almacen.events.InvoiceKind;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NotesAndDiscountsParserTest {

  @Test
  void shouldReadACreditNoteAsSuchWhenItsTitleAndCodeSaySo() {
    // given the OCR text of a Nota de Crédito B
    // when
    InvoiceTextParser.Parsed p = InvoiceTextParser.parse(NoteSamples.NOTA_DE_CREDITO_B);
    // then
    assertThat(p.kind()).isEqualTo(InvoiceKind.CREDIT_NOTE);
    assertThat(p.type()).isEqualTo(InvoiceType.B);
    assertThat(p.afipCode()).isEqualTo(8);
    assertThat(p.pointOfSale()).isEqualTo(7);
    assertThat(p.number()).isEqualTo(12L);
    assertThat(p.supplierCuit()).isEqualTo("33-70000001-5");
    assertThat(p.lines())
        .containsExactly(
            new ReadLine(
                "BEB-6001",
                "Gaseosa Coca-Cola 2,25L",
                new BigDecimal("2"),
                new BigDecimal("3327.50"),
                null,
                new BigDecimal("6655.00")));
    assertThat(p.issues()).noneMatch(i -> i.contains("no es una factura"));
  }

  @Test
  void shouldReadEachLinesBonificacionWhenTheTableHasADiscountColumn() {
    // given a Factura A whose table has "% Bonif." between the unit price and the subtotal
    // when
    InvoiceTextParser.Parsed p = InvoiceTextParser.parse(NoteSamples.FACTURA_A_BONIFICADA);
    // then
    assertThat(p.kind()).isEqualTo(InvoiceKind.INVOICE);
    assertThat(p.lines())
        .containsExactly(
            new ReadLine(
                "ALM-2001",
                "Yerba Mate Playadito 500g",
                new BigDecimal("12"),
                new BigDecimal("2850.00"),
                new BigDecimal("21"),
                new BigDecimal("30780.00"),
                new BigDecimal("10.00")),
            new ReadLine(
                "LAC-3101",
                "Leche La Serenisima Entera 1L",
                new BigDecimal("24"),
                new BigDecimal("1150.00"),
                new BigDecimal("10.5"),
                new BigDecimal("27600.00"),
                null),
            new ReadLine(
                "CAF-9001",
                "Cafe La Virginia Molido 250g",
                new BigDecimal("3"),
                new BigDecimal("4380.00"),
                new BigDecimal("21"),
                new BigDecimal("11497.50"),
                new BigDecimal("12.50")));
    assertThat(p.consistentLines()).isEqualTo(3);
    assertThat(p.netTotal()).isEqualByComparingTo("69877.50");
    assertThat(p.total()).isEqualByComparingTo("81653.78");
    assertThat(p.issues()).isEmpty();
  }

  @Test
  void shouldTakeTheKindFromTheQrWhenTheReaderMergesIt() throws Exception {
    // given the credit note's text and its AFIP QR (tipoCmp 8)
    String json =
        "{\"ver\":1,\"fecha\":\"2025-09-05\",\"cuit\":33700000015,\"ptoVta\":7,\"tipoCmp\":8,"
            + "\"nroCmp\":12,\"importe\":6655.00,\"moneda\":\"PES\",\"ctz\":1,\"tipoDocRec\":80,"
            + "\"nroDocRec\":27234567891,\"tipoCodAut\":\"E\",\"codAut\":75498765432110}";
    String url =
        "https://www.afip.gob.ar/fe/qr/?p="
            + java.util.Base64.getEncoder()
                .encodeToString(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    OcrInvoiceReader reader =
        new OcrInvoiceReader(
            new FakeOcrEngine(NoteSamples.NOTA_DE_CREDITO_B),
            page -> Optional.of(url),
            OcrSettings.defaults());
    byte[] page =
        InvoiceImageGenerator.png(
            new java.awt.image.BufferedImage(
                200, 280, java.awt.image.BufferedImage.TYPE_BYTE_GRAY));
    // when
    ReadInvoice read = reader.read(page, "central");
    // then
    assertThat(read.kind()).isEqualTo(InvoiceKind.CREDIT_NOTE);
    assertThat(read.type()).isEqualTo(InvoiceType.B);
    assertThat(read.issues()).noneMatch(i -> i.contains("QR de AFIP dice"));
    assertThat(read.lines())
        .extracting(ReadLine::lineTotal)
        .containsExactly(new BigDecimal("6655.00"));
  }

  @Test
  void shouldNotReadADiscountWhenTheTableHasNoDiscountColumn() {
    // given the discounted row under a header without "% Bonif."
    String text = NoteSamples.FACTURA_A_BONIFICADA.replace("% Bonif.  ", "");
    // when
    List<ReadLine> lines = InvoiceTextParser.parse(text).lines();
    // then the 10 % row does not close as qty × price and is not given a discount
    assertThat(lines).extracting(ReadLine::discountPct).containsOnlyNulls();
  }
}
