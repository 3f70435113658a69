package almacen.ingest.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import almacen.ingest.ocr.PdfWords.Word;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class PositionedTableTest {

  private static final float Y_HEADER = 100;
  private static final float Y_ROW = 115;

  private static PositionedLines.Line line(float y, Object... textAndX) {
    List<Word> words = new java.util.ArrayList<>();
    for (int k = 0; k < textAndX.length; k += 3) {
      words.add(
          new Word(
              (String) textAndX[k],
              ((Number) textAndX[k + 1]).floatValue(),
              ((Number) textAndX[k + 2]).floatValue(),
              y,
              8));
    }
    return new PositionedLines.Line(words, 0);
  }

  private static InvoiceTextParser.Parsed read(boolean ocr, PositionedLines.Line... lines) {
    PositionedTable.Joined joined = PositionedTable.join(List.of(List.of(lines)), ocr);
    return InvoiceTextParser.parse(joined.text(), joined.table());
  }

  @Test
  void shouldComputeTheQuantityWhenOcrReadItAsASpeck() {
    // given a scanned row whose quantity 7 OCR read "YA", under the quantity's own title
    PositionedLines.Line header =
        line(
            Y_HEADER,
            "Descripción",
            100,
            160,
            "Cant.",
            300,
            330,
            "Precio",
            380,
            420,
            "Importe",
            460,
            500);
    PositionedLines.Line row =
        line(
            Y_ROW,
            "Agua",
            100,
            125,
            "Villavicencio",
            128,
            185,
            "1,5L",
            188,
            205,
            "YA",
            306,
            320,
            "980,00",
            388,
            420,
            "6.860,00",
            462,
            500);

    // when
    InvoiceTextParser.Parsed parsed = read(true, header, row);

    // then
    assertThat(parsed.lines())
        .containsExactly(
            new ReadLine(
                null,
                "Agua Villavicencio 1,5L",
                new BigDecimal("7"),
                new BigDecimal("980.00"),
                null,
                new BigDecimal("6860.00")));
    assertThat(parsed.issues())
        .contains(
            "Renglón 1: cantidad ilegible, calculada como importe ÷ precio = 7 (cantidad × precio ="
                + " importe).");
  }

  @Test
  void shouldMendAQuantityWhenPriceAndTotalProveItAndOcrReadTheRow() {
    // given a photographed row whose kg quantity 2,773 OCR read "2,173"
    PositionedLines.Line header =
        line(
            Y_HEADER,
            "Descripción",
            100,
            160,
            "Cant.",
            300,
            330,
            "Precio",
            380,
            420,
            "Importe",
            460,
            500);
    PositionedLines.Line row =
        line(
            Y_ROW,
            "Papa",
            100,
            125,
            "Negra",
            128,
            160,
            "2,173",
            305,
            330,
            "983,45",
            388,
            420,
            "2.727,11",
            462,
            500);

    // when
    InvoiceTextParser.Parsed byOcr = read(true, header, row);
    InvoiceTextParser.Parsed byTextLayer = read(false, header, row);

    // then OCR's digit is mended and said so; a text layer's numbers are as printed
    assertThat(byOcr.lines().get(0).qty()).isEqualByComparingTo("2.773");
    assertThat(byOcr.issues())
        .contains(
            "Renglón 1: cantidad '2,173' no cierra con precio e importe: se toma importe ÷ precio"
                + " = 2,773 (cantidad × precio = importe).");
    assertThat(byTextLayer.lines().get(0).qty()).isEqualByComparingTo("2.173");
  }

  @Test
  void shouldTakeTheCodeStartingTheDescriptionWhenOcrMergedItsTitleIntoTheDescriptions() {
    // given a scan whose header read "Código Descripción" as one title, beside the EAN's
    PositionedLines.Line header =
        line(
            Y_HEADER,
            "EAN",
            40,
            60,
            "Código",
            120,
            150,
            "Descripción",
            153,
            200,
            "Cant.",
            300,
            330,
            "Precio",
            380,
            420,
            "Importe",
            460,
            500);
    PositionedLines.Line row =
        line(
            Y_ROW,
            "7790402060179",
            40,
            100,
            "LIM-7004",
            120,
            150,
            "Papel",
            160,
            180,
            "Higienico",
            183,
            220,
            "11",
            318,
            330,
            "2.640,00",
            388,
            420,
            "29.040,00",
            462,
            500);

    // when
    InvoiceTextParser.Parsed parsed = read(true, header, row);

    // then
    assertThat(parsed.lines())
        .containsExactly(
            new ReadLine(
                "LIM-7004",
                "Papel Higienico",
                new BigDecimal("11"),
                new BigDecimal("2640.00"),
                null,
                new BigDecimal("29040.00")));
  }

  @Test
  void shouldReadTheSecondPagesRowsWhenOcrGarbledATitleOfThatPagesHeaderRow() {
    // given a scan of two pages whose second header row OCR read "lmporte" for "Importe"
    List<PositionedLines.Line> first =
        List.of(
            onPage(0, line(Y_HEADER, headerRow("Importe"))),
            onPage(0, line(Y_ROW, row("Azucar", "3", "1.390,50", "4.171,50"))));
    List<PositionedLines.Line> second =
        List.of(
            onPage(1, line(Y_HEADER, headerRow("lmporte"))),
            onPage(1, line(Y_ROW, row("Yerba", "10", "2.850,00", "28.500,00"))));

    // when
    PositionedTable.Joined joined = PositionedTable.join(List.of(first, second), true);
    InvoiceTextParser.Parsed parsed = InvoiceTextParser.parse(joined.text(), joined.table());

    // then the second page's row is read under the first page's "Importe" column
    assertThat(parsed.lines())
        .containsExactly(
            new ReadLine(
                null,
                "Azucar",
                new BigDecimal("3"),
                new BigDecimal("1390.50"),
                null,
                new BigDecimal("4171.50")),
            new ReadLine(
                null,
                "Yerba",
                new BigDecimal("10"),
                new BigDecimal("2850.00"),
                null,
                new BigDecimal("28500.00")));
  }

  private static Object[] headerRow(String amountTitle) {
    return new Object[] {
      "Descripción", 100, 160, "Cant.", 300, 330, "Precio", 380, 420, amountTitle, 460, 500
    };
  }

  private static Object[] row(String desc, String qty, String price, String total) {
    return new Object[] {desc, 100, 140, qty, 315, 330, price, 385, 420, total, 455, 500};
  }

  private static PositionedLines.Line onPage(int page, PositionedLines.Line line) {
    return new PositionedLines.Line(line.words(), page);
  }

  @Test
  void shouldComputeTheQuantityAndSaySoWhenOcrLostTheWholeQuantityCell() {
    // given a scanned row with nothing under "Cant.": the recognizer skipped the lone "15"
    PositionedLines.Line header = line(Y_HEADER, headerRow("Importe"));
    PositionedLines.Line row =
        line(
            Y_ROW,
            "Pure",
            100,
            125,
            "de",
            128,
            140,
            "Tomate",
            143,
            180,
            "1.077,38",
            385,
            420,
            "16.160,70",
            455,
            500);

    // when
    InvoiceTextParser.Parsed byOcr = read(true, header, row);
    InvoiceTextParser.Parsed byTextLayer = read(false, header, row);

    // then OCR's row is kept with its quantity computed and flagged; a text layer's is not guessed
    assertThat(byOcr.lines())
        .containsExactly(
            new ReadLine(
                null,
                "Pure de Tomate",
                new BigDecimal("15"),
                new BigDecimal("1077.38"),
                null,
                new BigDecimal("16160.70")));
    assertThat(byOcr.issues())
        .contains(
            "Renglón 1: cantidad ilegible, calculada como importe ÷ precio = 15 (cantidad × precio ="
                + " importe).");
    assertThat(byTextLayer.lines()).isEmpty();
  }
}
