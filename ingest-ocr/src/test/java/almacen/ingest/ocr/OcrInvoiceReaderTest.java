package almacen.ingest.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OcrInvoiceReaderTest {

  private static final byte[] PAGE =
      InvoiceImageGenerator.png(new BufferedImage(200, 280, BufferedImage.TYPE_BYTE_GRAY));

  @Test
  void shouldTakeHeaderAndTotalFromQrWhenOcrDisagrees() throws Exception {
    // given OCR text of Factura A and a QR saying the total is 60.885,83 but the number is 12346
    AfipQr qr =
        new AfipQr(
            1,
            java.time.LocalDate.of(2025, 10, 15),
            30712345671L,
            3,
            1,
            12346L,
            new BigDecimal("60885.83"),
            "PES",
            BigDecimal.ONE,
            80,
            20123456786L,
            "E",
            "75412345678901");
    String url =
        "https://www.afip.gob.ar/fe/qr/?p="
            + java.util.Base64.getEncoder()
                .encodeToString(
                    ("{\"ver\":1,\"fecha\":\"2025-10-15\",\"cuit\":30712345671,\"ptoVta\":3,\"tipoCmp\":1,\"nroCmp\":12346,"
                            + "\"importe\":60885.83,\"moneda\":\"PES\",\"ctz\":1,\"tipoDocRec\":80,\"nroDocRec\":20123456786,"
                            + "\"tipoCodAut\":\"E\",\"codAut\":75412345678901}")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    OcrInvoiceReader reader =
        new OcrInvoiceReader(
            new FakeOcrEngine(ParserSamples.FACTURA_A),
            page -> Optional.of(url),
            OcrSettings.defaults());
    // when
    ReadInvoice read = reader.read(PAGE, "central");
    // then
    assertThat(read.qrPresent()).isTrue();
    assertThat(read.qr()).isEqualTo(qr);
    assertThat(read.number()).isEqualTo(12346L);
    assertThat(read.issues())
        .anySatisfy(
            i ->
                assertThat(i)
                    .contains("número impreso (12345) no coincide con el QR de AFIP (12346)"));
    assertThat(read.total()).isEqualByComparingTo("60885.83");
    assertThat(read.supplierCuit()).isEqualTo("30-71234567-1");
    assertThat(read.buyerCuit()).isEqualTo("20-12345678-6");
    assertThat(read.ivaTotal()).isEqualByComparingTo("8753.33");
    assertThat(read.lines()).hasSize(3);
    assertThat(read.branch()).isEqualTo("central");
    assertThat(read.sourceKind()).isEqualTo(SourceKind.PHOTO);
    assertThat(read.confidence()).isBetween(0.8, 1.0);
  }

  private static AfipQr qrWithTotal(String total) {
    return new AfipQr(
        1,
        java.time.LocalDate.of(2025, 10, 15),
        30712345671L,
        3,
        1,
        12345L,
        new BigDecimal(total),
        "PES",
        BigDecimal.ONE,
        80,
        20123456786L,
        "E",
        "75412345678901");
  }

  private static ReadInvoice merged(String text, AfipQr qr) {
    return OcrInvoiceReader.merge(
        InvoiceTextParser.parse(text), qr, List.of(), 0.9, SourceKind.PHOTO, "sha", "central");
  }

  @Test
  void shouldNoteAFixedTotalWhenTheQrOrTheSumsProveIt() {
    // given the total's thousands point read as a comma, with the QR's total, and without a QR
    // but with net + IVA + other taxes adding up to it exactly
    String text =
        ParserSamples.FACTURA_A.replace("Importe Total: $ 60.885,83", "Importe Total: $ 60,885,83");
    // when
    ReadInvoice withQr = merged(text, qrWithTotal("60885.83"));
    ReadInvoice bySums = merged(text, null);
    // then
    assertThat(withQr.total()).isEqualByComparingTo("60885.83");
    assertThat(withQr.issues()).noneSatisfy(i -> assertThat(i).contains("Totales"));
    assertThat(bySums.issues()).noneSatisfy(i -> assertThat(i).contains("Totales"));
    assertThat(bySums.notes())
        .contains(
            "Totales: '60,885,83' con punto de miles leído como coma en 'Importe Total: $"
                + " 60,885,83'.");
  }

  /** FACTURA_A's fixes with one reading: its first row's size, its third row's price. */
  private static final String SIZE_FIXED = "Renglón 1: '5009' leído como '500g' en la descripción.";

  private static final String PRICE_FIXED =
      "Renglón 3: '1.04500' sin coma decimal leído como 1.045,00 (cantidad × precio = importe).";

  @Test
  void shouldConfirmWithNotesWhenEveryFixHasOneReadingAndEverySumCloses() {
    // given a row whose price lost its decimal comma and a description whose "g" read as "9",
    // on an invoice whose lines, net, IVA and total all close
    String text = ParserSamples.FACTURA_A.replace("AL!-2001", "ALM-2001");
    // when
    ReadInvoice read = merged(text, null);
    // then nothing is left for a person, and both fixes are said
    assertThat(read.issues()).isEmpty();
    assertThat(read.notes()).containsExactly(SIZE_FIXED, PRICE_FIXED);
    assertThat(read.lines().get(0).description()).isEqualTo("Yerba Mate Playadito 500g");
  }

  @Test
  void shouldDoubtTheFixesWhenASumOfTheInvoiceDoesNotClose() {
    // given the same fixes on an invoice whose IVA at 10,5 % was misread
    String text =
        ParserSamples.FACTURA_A
            .replace("AL!-2001", "ALM-2001")
            .replace("IVA 10,5%: $ 2.194,50", "IVA 10,5%: $ 2.149,50");
    // when
    ReadInvoice read = merged(text, null);
    // then the fixes are issues, beside the sum that does not close
    assertThat(read.notes()).isEmpty();
    assertThat(read.issues()).contains(SIZE_FIXED, PRICE_FIXED);
  }

  @Test
  void shouldSayAFixedTotalWhenNeitherTheQrNorTheSumsProveIt() {
    // given the fixed total 60.885,83 but a QR saying 60.885,38, and sums that do not reach it
    String text =
        ParserSamples.FACTURA_A.replace("Importe Total: $ 60.885,83", "Importe Total: $ 60,885,83");
    String unsummed = text.replace("IVA 10,5%: $ 2.194,50", "IVA 10,5%: $ 2.149,50");
    // when
    ReadInvoice otherQr = merged(unsummed, qrWithTotal("60885.38"));
    ReadInvoice noQr = merged(unsummed, null);
    // then
    assertThat(otherQr.issues())
        .anySatisfy(i -> assertThat(i).contains("Totales: '60,885,83' con punto de miles"));
    assertThat(noQr.issues())
        .anySatisfy(i -> assertThat(i).contains("Totales: '60,885,83' con punto de miles"));
  }

  @Test
  void shouldLowerConfidenceWhenTotalsDoNotAddUp() throws Exception {
    // given the same invoice with its total misread
    String broken =
        ParserSamples.FACTURA_A.replace("Importe Total: $ 60.885,83", "Importe Total: $ 66.885,83");
    OcrInvoiceReader good =
        new OcrInvoiceReader(
            new FakeOcrEngine(ParserSamples.FACTURA_A),
            p -> Optional.empty(),
            OcrSettings.defaults());
    OcrInvoiceReader bad =
        new OcrInvoiceReader(
            new FakeOcrEngine(broken), p -> Optional.empty(), OcrSettings.defaults());
    // when
    ReadInvoice ok = good.read(PAGE, "central");
    ReadInvoice ko = bad.read(PAGE, "central");
    // then
    assertThat(ko.confidence()).isLessThan(ok.confidence());
    assertThat(ko.issues())
        .anySatisfy(i -> assertThat(i).contains("no coincide con el total (66.885,83)"));
    assertThat(ok.issues()).noneSatisfy(i -> assertThat(i).contains("no coincide con el total"));
  }

  @Test
  void shouldReadTheTableByColumnWhenOcrTextPutTheAmountsInABlockOfTheirOwn() throws Exception {
    // given Tesseract's text with the amount column split off below the table, and its words
    // where they are on the page (pixels: 10 per glyph, 20 per line)
    String text =
        """
        DISTRIBUIDORA DEL PLATA S.A.
        FACTURA B   COD. 06
        Punto de Venta: 00003   Comp. Nro: 00012345
        Fecha de Emisión: 15/10/2025
        CUIT: 30-71234567-1
        Código   Descripción   Cantidad   Precio Unit.
        ALM-2001   Yerba Mate 500g   2   3.448,50
        ALM-2002   Arroz Gallo Oro 1kg   3   1.200,00
        Importe
        6.897,00
        3.600,00
        Importe Total: $ 10.497,00
        """;
    List<PdfWords.Word> words = new ArrayList<>();
    String[][] rows = {
      {"DISTRIBUIDORA DEL PLATA S.A.@10"},
      {"FACTURA B@10", "COD. 06@400"},
      {"Punto de Venta: 00003@10", "Comp. Nro: 00012345@400"},
      {"Fecha de Emisión: 15/10/2025@10"},
      {"CUIT: 30-71234567-1@10"},
      {"Código@10", "Descripción@150", "Cantidad@500", "Precio Unit.@650", "Importe@850"},
      {"ALM-2001@10", "Yerba Mate 500g@150", "2@500", "3.448,50@650", "6.897,00@850"},
      {"ALM-2002@10", "Arroz Gallo Oro 1kg@150", "3@500", "1.200,00@650", "3.600,00@850"},
      {"Importe Total: $@10", "10.497,00@850"}
    };
    for (int r = 0; r < rows.length; r++) {
      for (String cell : rows[r]) {
        int x = Integer.parseInt(cell.substring(cell.indexOf('@') + 1));
        for (String w : cell.substring(0, cell.indexOf('@')).split(" ")) {
          words.add(new PdfWords.Word(w, x, x + 10 * w.length(), 40 * (r + 1), 20, 10));
          x += 10 * (w.length() + 1);
        }
      }
    }
    OcrEngine engine = (page, dpi, timeoutMillis) -> new OcrEngine.OcrText(text, 0.9, words);
    OcrInvoiceReader reader =
        new OcrInvoiceReader(engine, p -> Optional.empty(), OcrSettings.defaults());

    // when
    ReadInvoice read = reader.read(PAGE, "central");

    // then each row has its amount, and the lines add up to the total
    assertThat(read.lines())
        .containsExactly(
            new ReadLine(
                "ALM-2001",
                "Yerba Mate 500g",
                new BigDecimal("2"),
                new BigDecimal("3448.50"),
                null,
                new BigDecimal("6897.00")),
            new ReadLine(
                "ALM-2002",
                "Arroz Gallo Oro 1kg",
                new BigDecimal("3"),
                new BigDecimal("1200.00"),
                null,
                new BigDecimal("3600.00")));
    assertThat(read.total()).isEqualByComparingTo("10497.00");
    assertThat(read.issues()).noneMatch(i -> i.startsWith("Renglón") || i.contains("no coincide"));
  }

  @ParameterizedTest
  @CsvSource({
    // confidence by lines, issues by lines, confidence by position, issues by position, kept
    "0.9, 0, 0.95, 2, position",
    "0.95, 2, 0.9, 0, lines",
    "0.95, 2, 0.95, 1, position",
    "0.95, 1, 0.95, 1, lines"
  })
  void shouldKeepTheReadingTheCrossChecksTrustMoreWhenOcrWasReadTwoWays(
      double linesConfidence,
      int linesIssues,
      double positionConfidence,
      int positionIssues,
      String expected) {
    // given the same page read line by line and by word position
    ReadInvoice byLines = scored(linesConfidence, linesIssues);
    ReadInvoice byPosition = scored(positionConfidence, positionIssues);

    // when
    ReadInvoice kept = OcrInvoiceReader.better(byLines, byPosition);

    // then higher confidence wins, then fewer issues, and a tie keeps the line-by-line reading
    assertThat(kept).isSameAs(expected.equals("lines") ? byLines : byPosition);
  }

  private static ReadInvoice scored(double confidence, int issues) {
    return new ReadInvoice(
        InvoiceType.B,
        3,
        12345L,
        null,
        null,
        null,
        null,
        null,
        null,
        List.of(),
        null,
        java.util.Map.of(),
        BigDecimal.ZERO,
        BigDecimal.ZERO,
        null,
        false,
        null,
        confidence,
        java.util.Collections.nCopies(issues, "revisar"),
        SourceKind.PHOTO,
        "sha",
        "central",
        null,
        List.of());
  }

  @Test
  void shouldAnswer422WhenPhotoShowsNoInvoice() {
    OcrInvoiceReader reader =
        new OcrInvoiceReader(
            new FakeOcrEngine("un gato durmiendo al sol"),
            p -> Optional.empty(),
            OcrSettings.defaults());
    assertThatThrownBy(() -> reader.read(PAGE, "central"))
        .isInstanceOfSatisfying(
            InvoiceReadException.class,
            e -> {
              assertThat(e.status()).isEqualTo(422);
              assertThat(e.code()).isEqualTo("NO_INVOICE_FOUND");
            });
  }

  @Test
  void shouldAnswer504AndNeverStartOcrWhenQrSearchUsesUpTheDeadline() {
    // given a QR search that takes longer than the whole read may: it returns once the 100 ms are
    // spent
    FakeOcrEngine engine = new FakeOcrEngine(ParserSamples.FACTURA_B);
    ReadDeadline deadline = ReadDeadline.startingNow(Duration.ofMillis(100));
    OcrInvoiceReader reader =
        new OcrInvoiceReader(
            engine,
            page -> {
              await().atMost(Duration.ofSeconds(5)).until(deadline::isOver);
              return Optional.empty();
            },
            OcrSettings.defaults());
    // when read with that deadline
    assertThatThrownBy(() -> reader.read(PAGE, "central", deadline))
        .isInstanceOfSatisfying(
            InvoiceReadException.class,
            e -> {
              assertThat(e.status()).isEqualTo(504);
              assertThat(e.code()).isEqualTo("OCR_TIMEOUT");
            });
    // then the stage after the QR never ran
    assertThat(engine.calls()).isZero();
  }

  @Test
  void shouldAnswer504BeforeDecodingWhenTheReadWasCancelled() {
    // given a read its caller already gave up on
    FakeOcrEngine engine = new FakeOcrEngine(ParserSamples.FACTURA_B);
    OcrInvoiceReader reader =
        new OcrInvoiceReader(engine, page -> Optional.empty(), OcrSettings.defaults());
    ReadDeadline deadline = ReadDeadline.startingNow(Duration.ofSeconds(30));
    deadline.cancel();
    // when / then
    assertThatThrownBy(() -> reader.read(PAGE, "central", deadline))
        .isInstanceOfSatisfying(
            InvoiceReadException.class, e -> assertThat(e.status()).isEqualTo(504));
    assertThat(engine.calls()).isZero();
  }
}
