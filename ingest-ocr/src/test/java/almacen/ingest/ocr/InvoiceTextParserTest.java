package almacen.ingest.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import almacen.ingest.invoice.Cuit;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InvoiceTextParserTest {

  @Test
  void shouldReadHeaderOfFacturaAWhenOcrHasTypicalErrors() {
    // given OCR text of an AFIP-layout Factura A
    // when
    InvoiceTextParser.Parsed p = InvoiceTextParser.parse(ParserSamples.FACTURA_A);
    // then
    assertThat(p.type()).isEqualTo(InvoiceType.A);
    assertThat(p.afipCode()).isEqualTo(1);
    assertThat(p.pointOfSale()).isEqualTo(3);
    assertThat(p.number()).isEqualTo(12345L);
    assertThat(p.issueDate()).isEqualTo(LocalDate.of(2025, 10, 15));
    assertThat(p.supplierCuit()).isEqualTo("30-71234567-1");
    assertThat(p.buyerCuit()).isEqualTo("20-12345678-6");
    assertThat(p.supplierName()).isEqualTo("DISTRIBUIDORA DEL PLATA S.A.");
    assertThat(p.cae()).isEqualTo("75412345678901");
    assertThat(p.caeDueDate()).isEqualTo(LocalDate.of(2025, 10, 25));
  }

  @Test
  void shouldReadLinesOfFacturaAAndRecordEveryFixWhenOcrConfusedCharacters() {
    // when
    InvoiceTextParser.Parsed p = InvoiceTextParser.parse(ParserSamples.FACTURA_A);
    // then
    assertThat(p.lines())
        .containsExactly(
            new ReadLine(
                "ALI-2001",
                "Yerba Mate Playadito 500g",
                new BigDecimal("12"),
                new BigDecimal("850.00"),
                new BigDecimal("21"),
                new BigDecimal("10200.00")),
            new ReadLine(
                "LAC-3102",
                "Queso Cremoso Punta del Agua",
                new BigDecimal("2.35"),
                new BigDecimal("8950.00"),
                new BigDecimal("21"),
                new BigDecimal("21032.50")),
            new ReadLine(
                "HAR-8001",
                "Harina 000 Blancaflor 1kg",
                new BigDecimal("20"),
                new BigDecimal("1045.00"),
                new BigDecimal("10.5"),
                new BigDecimal("20900.00")));
    assertThat(p.consistentLines()).isEqualTo(3);
    assertThat(p.issues())
        .anySatisfy(i -> assertThat(i).contains("'AL!-2001' leído como 'ALI-2001'"));
    assertThat(p.corrections())
        .anySatisfy(i -> assertThat(i).contains("'5009' leído como '500g'"))
        .anySatisfy(i -> assertThat(i).contains("'1.04500' sin coma decimal leído como 1.045,00"));
  }

  @Test
  void shouldReadTotalsOfFacturaAWhenIvaHasSeveralRates() {
    InvoiceTextParser.Parsed p = InvoiceTextParser.parse(ParserSamples.FACTURA_A);
    assertThat(p.netTotal()).isEqualByComparingTo("52132.50");
    assertThat(p.ivaByRate()).containsOnlyKeys(new BigDecimal("10.5"), new BigDecimal("21"));
    assertThat(p.ivaByRate().get(new BigDecimal("21"))).isEqualByComparingTo("6558.83");
    assertThat(p.ivaByRate().get(new BigDecimal("10.5"))).isEqualByComparingTo("2194.50");
    assertThat(p.otherTaxes()).isEqualByComparingTo("0");
    assertThat(p.total()).isEqualByComparingTo("60885.83");
  }

  @Test
  void shouldTellIssuerFromBuyerWhenBuyerCuitIsPrintedFirst() {
    // given a Factura B whose buyer CUIT (under "Señor(es)") comes before the issuer's ("Curr" for
    // CUIT)
    InvoiceTextParser.Parsed p = InvoiceTextParser.parse(ParserSamples.FACTURA_B);
    // then
    assertThat(p.supplierCuit()).isEqualTo("33-70000001-5");
    assertThat(p.buyerCuit()).isEqualTo("27-23456789-1");
    assertThat(p.type()).isEqualTo(InvoiceType.B);
    assertThat(p.pointOfSale()).isEqualTo(7);
    assertThat(p.number()).isEqualTo(451L);
    assertThat(p.issueDate()).isEqualTo(LocalDate.of(2025, 9, 2));
    assertThat(p.cae()).isEqualTo("75498765432109");
    assertThat(p.caeDueDate()).isEqualTo(LocalDate.of(2025, 9, 12));
  }

  @Test
  void shouldReadQuantityFirstLinesWhenQuantityHasLetterO() {
    InvoiceTextParser.Parsed p = InvoiceTextParser.parse(ParserSamples.FACTURA_B);
    assertThat(p.lines())
        .containsExactly(
            new ReadLine(
                "BEB-6001",
                "Gaseosa Coca-Cola 2,25L",
                new BigDecimal("6"),
                new BigDecimal("3327.50"),
                null,
                new BigDecimal("19965.00")),
            new ReadLine(
                "GAL-5001",
                "Galletitas Terrabusi Variedad 400g",
                new BigDecimal("10"),
                new BigDecimal("2286.90"),
                null,
                new BigDecimal("22869.00")));
    assertThat(p.corrections()).anySatisfy(i -> assertThat(i).contains("'1O' leído como '10'"));
    assertThat(p.netTotal()).isEqualByComparingTo("42834.00");
    assertThat(p.total()).isEqualByComparingTo("42834.00");
  }

  @Test
  void shouldReadDescriptionFirstLayoutWhenCodeFollowsDescription() {
    InvoiceTextParser.Parsed p = InvoiceTextParser.parse(ParserSamples.FACTURA_C);
    assertThat(p.type()).isEqualTo(InvoiceType.C);
    assertThat(p.issueDate()).isEqualTo(LocalDate.of(2025, 6, 30));
    assertThat(p.supplierCuit()).isEqualTo("20-30405060-9");
    assertThat(p.buyerCuit()).isNull();
    assertThat(p.lines())
        .containsExactly(
            new ReadLine(
                "CAF-9001",
                "Cafe La Virginia Molido 250g",
                new BigDecimal("3"),
                new BigDecimal("4380.00"),
                null,
                new BigDecimal("13140.00")),
            new ReadLine(
                "FIA-4001",
                "Jamon Cocido Paladini",
                new BigDecimal("1.25"),
                new BigDecimal("12400.00"),
                null,
                new BigDecimal("15500.00")));
    assertThat(p.corrections())
        .anySatisfy(i -> assertThat(i).contains("'13.l40,00' leído como '13.140,00'"))
        .anySatisfy(i -> assertThat(i).contains("'1,2SO' leído como '1,250'"));
  }

  @Test
  void shouldRecoverQuantityWhenOcrDroppedIt() {
    // given a line whose quantity column was lost by the OCR
    String text =
        """
                FACTURA B  Cód. 06
                Cant.  Código  Descripción  P. Unitario  Importe
                GAL-5001  Galletitas Terrabusi Variedad 4009  2.286,90  29.729,70
                Importe Total: $ 29.729,70
                """;
    // when
    InvoiceTextParser.Parsed p = InvoiceTextParser.parse(text);
    // then
    assertThat(p.lines())
        .containsExactly(
            new ReadLine(
                "GAL-5001",
                "Galletitas Terrabusi Variedad 400g",
                new BigDecimal("13"),
                new BigDecimal("2286.90"),
                null,
                new BigDecimal("29729.70")));
    assertThat(p.issues())
        .anySatisfy(
            i -> assertThat(i).contains("cantidad ilegible, calculada como importe ÷ precio = 13"));
  }

  @Test
  void shouldFlagLineWhenNothingMakesQuantityTimesPriceMatchTotal() {
    String text =
        """
                Cant.  Descripción  Precio  Total
                3  Arroz Gallo Oro 1kg  1.980,00  7.777,00
                TOTAL $ 7.777,00
                """;
    InvoiceTextParser.Parsed p = InvoiceTextParser.parse(text);
    assertThat(p.lines()).hasSize(1);
    assertThat(p.consistentLines()).isZero();
    assertThat(p.issues())
        .anySatisfy(i -> assertThat(i).contains("Renglón 1: cantidad × precio no coincide"));
  }

  private static final String CODE_FIRST =
      "Código  Producto / Servicio  Cantidad  U. Medida  Precio Unit.  Subtotal";
  private static final String QTY_FIRST = "Cant.  Código  Descripción  P. Unitario  Importe";
  private static final String DESC_FIRST = "Descripción  Código  Cantidad  Precio  Total";

  private static InvoiceTextParser.Parsed table(String header, String row) {
    return InvoiceTextParser.parse(
        "FACTURA B  Cód. 06\n" + header + "\n" + row + "\nImporte Total: $ 1,00\n");
  }

  @Test
  void shouldComputeQuantityWhenOcrLeftASpeckWhereItWas() {
    // given a row whose quantity came out as "A" (code-first layout) and one where it came out as
    // "a" (code after the description)
    // when
    InvoiceTextParser.Parsed codeFirst =
        table(CODE_FIRST, "BEB-6002  Agua Villavicencio 1,5L  A  unidades  1.185,80  4.743,20");
    InvoiceTextParser.Parsed descFirst =
        table(DESC_FIRST, "Leche La Serenisima Entera 1L  LAC-3101  a  1.270,75  5.083,00");
    // then the speck is neither description nor code, and both changes are reported
    assertThat(codeFirst.lines())
        .containsExactly(
            new ReadLine(
                "BEB-6002",
                "Agua Villavicencio 1,5L",
                new BigDecimal("4"),
                new BigDecimal("1185.80"),
                null,
                new BigDecimal("4743.20")));
    assertThat(descFirst.lines())
        .containsExactly(
            new ReadLine(
                "LAC-3101",
                "Leche La Serenisima Entera 1L",
                new BigDecimal("4"),
                new BigDecimal("1270.75"),
                null,
                new BigDecimal("5083.00")));
    assertThat(codeFirst.issues())
        .anySatisfy(i -> assertThat(i).contains("'A' en el lugar de la cantidad, descartado"))
        .anySatisfy(
            i -> assertThat(i).contains("cantidad ilegible, calculada como importe ÷ precio = 4"));
  }

  @Test
  void shouldLeaveASpeckOutOfTheDescriptionWhenItIsGluedToTheUnit() {
    // given a row-number layout whose unit came out as "«unidades"
    // when
    InvoiceTextParser.Parsed p =
        table(
            "Item  Cód. Prov.  Cant.  Unidad  Descripción  P. Unit.  Importe",
            "4  ALM-2005  9 «unidades Arroz Gallo Oro 1kg  1.980,00  17.820,00");
    // then the row closes and the description is the product's
    assertThat(p.lines())
        .containsExactly(
            new ReadLine(
                "ALM-2005",
                "Arroz Gallo Oro 1kg",
                new BigDecimal("9"),
                new BigDecimal("1980.00"),
                null,
                new BigDecimal("17820.00")));
    assertThat(p.issues()).noneSatisfy(i -> assertThat(i).contains("Renglón 1"));
  }

  @Test
  void shouldComputeQuantityWhenOcrGarbledItBetweenPriceAndTotal() {
    // given price before quantity, and the quantity 11 read as "d:1"
    // when
    InvoiceTextParser.Parsed p =
        table(
            "Descripción  Precio Unit.  Cant.  Importe",
            "Galletitas Terrabusi Variedad 400g  2.286,90  d:1  25.155,90");
    // then the row is read, its quantity computed and both said
    assertThat(p.lines())
        .containsExactly(
            new ReadLine(
                null,
                "Galletitas Terrabusi Variedad 400g",
                new BigDecimal("11"),
                new BigDecimal("2286.90"),
                null,
                new BigDecimal("25155.90")));
    assertThat(p.issues())
        .anySatisfy(i -> assertThat(i).contains("'d:1' en el lugar de la cantidad, descartado"))
        .anySatisfy(
            i -> assertThat(i).contains("cantidad ilegible, calculada como importe ÷ precio = 11"));
  }

  @Test
  void shouldTakeThePriceNotTheRateWhenTheQuantityIsUnreadable() {
    // given an IVA rate printed between price and total, and the quantity 7 read as "E"
    // when
    InvoiceTextParser.Parsed p =
        InvoiceTextParser.parse(
            "FACTURA A  Cód. 01\n"
                + "EAN  Código  Descripción  Cant.  P. Unit.  IVA %  Importe\n"
                + "7790400317992  ALM-2005  Arroz Gallo Oro 1kg  E  1.980,00  21  13.860,00\n"
                + "Importe Total: $ 16.770,60\n");
    // then 13.860,00 ÷ 1.980,00 = 7 at 21 %, not 13.860,00 ÷ 21 = 660
    assertThat(p.lines())
        .containsExactly(
            new ReadLine(
                "ALM-2005",
                "Arroz Gallo Oro 1kg",
                new BigDecimal("7"),
                new BigDecimal("1980.00"),
                new BigDecimal("21"),
                new BigDecimal("13860.00")));
    assertThat(p.issues())
        .anySatisfy(
            i -> assertThat(i).contains("cantidad ilegible, calculada como importe ÷ precio = 7"));
  }

  @Test
  void shouldReadLitresWhenOcrTookTheLForAOne() {
    // given "1L" read as "11" right before the quantity 11
    // when
    InvoiceTextParser.Parsed p =
        table(CODE_FIRST, "LIM-7001  Lavandina Ayudin 11  11  unidades  1.120,25  12.322,75");
    // then the quantity is the number next to the unit and the size is mended, with a note
    assertThat(p.lines())
        .containsExactly(
            new ReadLine(
                "LIM-7001",
                "Lavandina Ayudin 1L",
                new BigDecimal("11"),
                new BigDecimal("1120.25"),
                null,
                new BigDecimal("12322.75")));
    assertThat(p.issues()).anySatisfy(i -> assertThat(i).contains("'11' leído como '1L'"));
  }

  @Test
  void shouldKeepSizeInDescriptionWhenQuantityIsPrintedFirst() {
    // given a quantity-first row whose "400g" was read as "4009" and a description-first one with
    // "250y"
    // when
    InvoiceTextParser.Parsed qtyFirst =
        table(QTY_FIRST, "14  GAL-5001  Galletitas Terrabusi Variedad 4009  2.286,90  32.016,60");
    InvoiceTextParser.Parsed descFirst =
        table(DESC_FIRST, "Cafe La Virginia Molido 250y  CAF-9001  3  4.380,00  13.140,00");
    // then
    assertThat(qtyFirst.lines())
        .extracting(ReadLine::description)
        .containsExactly("Galletitas Terrabusi Variedad 400g");
    assertThat(descFirst.lines())
        .extracting(ReadLine::description)
        .containsExactly("Cafe La Virginia Molido 250g");
    assertThat(descFirst.corrections())
        .anySatisfy(i -> assertThat(i).contains("'250y' leído como '250g'"));
  }

  @Test
  void shouldDropPunctuationWhenItStartsTheDescription() {
    InvoiceTextParser.Parsed p =
        table(CODE_FIRST, "ALM-2005  —  Arroz Gallo Oro 1kg  3  unidades  2.395,80  7.187,40");
    assertThat(p.lines()).extracting(ReadLine::description).containsExactly("Arroz Gallo Oro 1kg");
  }

  @Test
  void shouldTakePriceFromTotalWhenPriceIsTwoDigitsOffAndTotalDividesExactly() {
    // given 3.327,50 read as "3,3927:90" (3→9 and a separator seen as a colon)
    // when
    InvoiceTextParser.Parsed p =
        table(CODE_FIRST, "BEB-6001  Gaseosa Coca-Cola 2,25L  12  unidades  3,3927:90  39.930,00");
    // then
    assertThat(p.lines())
        .containsExactly(
            new ReadLine(
                "BEB-6001",
                "Gaseosa Coca-Cola 2,25L",
                new BigDecimal("12"),
                new BigDecimal("3327.50"),
                null,
                new BigDecimal("39930.00")));
    assertThat(p.issues())
        .anySatisfy(
            i ->
                assertThat(i)
                    .contains(
                        "precio '3,3927:90' no cierra con cantidad e importe: se toma importe ÷ cantidad = 3.327,50"));
  }

  @Test
  void shouldTakeTotalFromQuantityAndPriceWhenTotalIsADigitOff() {
    InvoiceTextParser.Parsed p =
        table(QTY_FIRST, "3  ALM-2005  Arroz Gallo Oro 1kg  1.980,00  5.945,00");
    assertThat(p.lines())
        .extracting(ReadLine::lineTotal)
        .containsExactly(new BigDecimal("5940.00"));
    assertThat(p.issues())
        .anySatisfy(
            i ->
                assertThat(i)
                    .contains(
                        "importe '5.945,00' no cierra con cantidad y precio: se toma cantidad × precio = 5.940,00"));
  }

  @Test
  void shouldFlagRowWhenPriceAndTotalAreEquallyNearToClosing() {
    // given 5.946,00 / 3 = 1.982,00 (one digit from the price) and 3 × 1.980,00 = 5.940,00 (one
    // digit from the total)
    InvoiceTextParser.Parsed p =
        table(QTY_FIRST, "3  ALM-2005  Arroz Gallo Oro 1kg  1.980,00  5.946,00");
    assertThat(p.consistentLines()).isZero();
    assertThat(p.issues())
        .anySatisfy(i -> assertThat(i).contains("cantidad × precio no coincide con el importe"));
  }

  @Test
  void shouldReportRowWhenOnlyItsTotalIsReadable() {
    // given a row whose quantity and price are unreadable letters
    // when
    InvoiceTextParser.Parsed p =
        table(
            CODE_FIRST, "LAC-3103  Dulce de Leche La Salamandra 400g  unidades  LITIO  29.775,10");
    // then it is not dropped silently
    assertThat(p.lines()).isEmpty();
    assertThat(p.issues()).anySatisfy(i -> assertThat(i).contains("Renglón 1 ilegible"));
  }

  @Test
  void shouldTakeFacturaAWhenLetterIsUnreadableButIvaIsDiscriminated() {
    // given Factura A whose letter box was dropped and whose code came out as "p1"
    String text =
        ParserSamples.FACTURA_A.replace("A | FACTURA", "FACTURA").replace("COD. 01", "COD. p1");
    // when
    InvoiceTextParser.Parsed p = InvoiceTextParser.parse(text);
    // then only an A discriminates IVA without the M's legend: proven, so a correction
    assertThat(p.type()).isEqualTo(InvoiceType.A);
    assertThat(p.corrections())
        .contains(
            "No se encontró el tipo de factura (letra A/B/C/M ni código).",
            "Sin letra ni código legibles: es factura A porque discrimina IVA y no lleva la leyenda"
                + " «operación sujeta a retención» de la M.");
    assertThat(p.issues()).noneSatisfy(i -> assertThat(i).contains("tipo de factura"));
  }

  @Test
  void shouldLeaveTheTypeToAPersonWhenTheLetterIsUnreadableAndTheMsLegendIsPrinted() {
    // given the same invoice with «operación sujeta a retención» printed: an A or an M
    String text =
        ParserSamples.FACTURA_A
            .replace("A | FACTURA", "FACTURA")
            .replace("COD. 01", "COD. p1")
            .replace("CAE N*:", "OPERACIÓN SUJETA A RETENCIÓN\nCAE N*:");
    // when
    InvoiceTextParser.Parsed p = InvoiceTextParser.parse(text);
    // then
    assertThat(p.type()).isEqualTo(InvoiceType.A);
    assertThat(p.issues())
        .contains("No se encontró el tipo de factura (letra A/B/C/M ni código).")
        .anySatisfy(i -> assertThat(i).contains("pero lleva la leyenda de la M; revisar"));
  }

  @Test
  void shouldLeaveTypeUnknownWhenLetterIsUnreadableAndIvaIsNotDiscriminated() {
    String text = ParserSamples.FACTURA_B.replace("FACTURA B", "FACTURA").replace("Cód. 06", "");
    assertThat(InvoiceTextParser.parse(text).type()).isNull();
  }

  @Test
  void shouldAskForSecondReadingWhenRowDoesNotClose() {
    OcrEngine.LineReview review = InvoiceTextParser.ROW_REVIEW;
    assertThat(review.suspect("LIM-7001  Lavandina Ayudin 1L  9  unidades  1.395,90  12.199,50"))
        .isTrue();
    assertThat(
            review.suspect("HAR-8001  Harina 000 Blancaflor 1kg  £  unidades  1.154,73  8.083,11"))
        .isTrue();
    assertThat(review.suspect("LIM-7001  Lavandina Ayudin 1L  9  unidades  1.355,50  12.199,50"))
        .isFalse();
    assertThat(review.suspect("Importe Total: $ 220.741,29")).isFalse();
    assertThat(review.suspect("Punto de Venta: 00004 Comp. Nro: 00012525")).isFalse();
  }

  @Test
  void shouldTakeOnlyNumbersFromSecondReadingWhenBothSplitAlike() {
    // given a first reading with a lost quantity and a second one that found it but misread a
    // letter
    String first = "HAR-8001  Harina 000 Blancaflor 1kg  £  unidades  1.154,73  8.083,11";
    String second = "HAR-8001  Harina 000 Blancatflor 1kg  7  unidades  1.154,73  8.083,11";
    // when
    String kept = InvoiceTextParser.ROW_REVIEW.keep(first, second);
    // then
    assertThat(kept).contains("Blancaflor").contains(" 7 ").doesNotContain("£");
  }

  @Test
  void shouldKeepFirstReadingWhenSecondOnlyClosesWithNumbersTheFirstNeverShowed() {
    // given a garbled second reading that happens to close as 1 × 3,32 = 3,32
    String first = "BEB-6001  Gaseosa Coca-Cola 2,25L  ]:  unidades  3.327,50  3.327,50";
    String second = "BEB-6001  Gaseosa Coca-Cola 2,25L  1  unidades  3:32 130  3,32 1,90";
    // when / then
    assertThat(InvoiceTextParser.ROW_REVIEW.keep(first, second)).isNull();
  }

  @ParameterizedTest(name = "{0} vs {1} → {2}")
  @CsvSource(
      delimiter = ';',
      value = {
        "1355.50;1.395,90;2",
        "1270.75;1.2705,75;1",
        "3327.50;3.327,50;0",
        "3.32;3.327,50;3"
      })
  void shouldCountDigitEditsWhenComparingAmountWithToken(String amount, String token, int edits) {
    assertThat(Numbers.digitDistance(new BigDecimal(amount), token)).isEqualTo(edits);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "12,400,00;12400.00",
        "195.,370,12;195370.12",
        "2:977,51;2977.51",
        "1.234,56;1234.56",
        "$1.234,56;1234.56",
        "850,00;850.00",
        "1.23456;1234.56",
        "1.234.56;1234.56",
        "1O.500,00;10500.00",
        "S00,00;500.00",
        "l.250,00;1250.00"
      })
  void shouldReadMoneyWhenOcrMangledSeparatorsOrDigits(String token, String expected) {
    List<Numbers.Cand> c = Numbers.money(token);
    assertThat(c)
        .extracting(Numbers.Cand::value)
        .anySatisfy(v -> assertThat(v).isEqualByComparingTo(expected));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = ';',
      value = {"12;12", "2,350;2.350", "1,2SO;1.250", "O,5;0.5", "2350;2.350"})
  void shouldReadQuantityWhenDecimalKgOrMangled(String token, String expected) {
    assertThat(Numbers.qty(token))
        .extracting(Numbers.Cand::value)
        .anySatisfy(v -> assertThat(v).isEqualByComparingTo(expected));
  }

  @ParameterizedTest(name = "{0} valid={1}")
  @CsvSource({
    "30712345671,true",
    "20123456786,true",
    "30712345672,false",
    "3071234567,false",
    "27234567891,true",
    "2012345678X,false"
  })
  void shouldCheckCuitDigitWhenValidating(String cuit, boolean valid) {
    assertThat(Cuit.isValid(cuit)).isEqualTo(valid);
  }
}
