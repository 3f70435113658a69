package almacen.ingest.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class LineTableReaderTest {

  private static LineTableReader.LineTable read(String text, ParseIssues issues) {
    PrintedLines lines = new PrintedLines(text);
    return new LineTableReader(lines, issues, TableLayout.of(lines)).read();
  }

  @Test
  void shouldDropSpeckAndComputeQuantityWhenSpeckSitsWhereQuantityWas() {
    // given a quantity-first table whose quantity OCR read as a speck
    String text =
        """
        Cant.  Código  Descripción  P. Unitario  Importe
        »  BEB-6001  Gaseosa Coca-Cola 2,25L  3.327,50  19.965,00
        TOTAL $ 19.965,00
        """;
    ParseIssues issues = new ParseIssues();
    // when
    LineTableReader.LineTable table = read(text, issues);
    // then
    assertThat(table.lines())
        .containsExactly(
            new ReadLine(
                "BEB-6001",
                "Gaseosa Coca-Cola 2,25L",
                new BigDecimal("6"),
                new BigDecimal("3327.50"),
                null,
                new BigDecimal("19965.00")));
    assertThat(table.consistentLines()).isEqualTo(1);
    assertThat(issues.list())
        .containsExactly(
            "Renglón 1: '»' en el lugar de la cantidad, descartado.",
            "Renglón 1: cantidad ilegible, calculada como importe ÷ precio = 6"
                + " (cantidad × precio = importe).");
  }

  @Test
  void shouldReadCodeAfterDescriptionWhenHeaderSaysSo() {
    // given a description-first table with the code after the description
    String text =
        """
        Descripción  Código  Cantidad  Precio  Total
        Cafe La Virginia Molido 250g  CAF-9001  3  4.380,00  13.140,00
        Subtotal: $ 13.140,00
        """;
    // when
    LineTableReader.LineTable table = read(text, new ParseIssues());
    // then
    assertThat(table.lines())
        .containsExactly(
            new ReadLine(
                "CAF-9001",
                "Cafe La Virginia Molido 250g",
                new BigDecimal("3"),
                new BigDecimal("4380.00"),
                null,
                new BigDecimal("13140.00")));
  }

  @Test
  void shouldReportRowNotDropItWhenItHasAPriceButTooFewNumbers() {
    // given a table row with only one readable amount
    String text =
        """
        Cant.  Descripción  Precio  Importe
        Arroz Gallo Oro  1.980,00
        TOTAL $ 1.980,00
        """;
    ParseIssues issues = new ParseIssues();
    // when
    LineTableReader.LineTable table = read(text, issues);
    // then
    assertThat(table.lines()).isEmpty();
    assertThat(table.consistentLines()).isZero();
    assertThat(issues.list())
        .containsExactly(
            "Renglón 1 ilegible: 'Arroz Gallo Oro  1.980,00'.",
            "No se encontraron renglones de productos.");
  }

  @Test
  void shouldMendTheQuantityNotTheDescriptionWhenPriceIsPrintedBeforeAMisreadQuantity() {
    // given a price-first table whose quantity 25 OCR read "23"
    String text =
        """
        Descripción  Precio Unit.  Cant.  Importe
        Manteca La Serenisima 200g  2.601,50  23  65.037,50
        TOTAL $ 65.037,50
        """;
    ParseIssues issues = new ParseIssues();
    // when
    LineTableReader.LineTable table = read(text, issues);
    // then the price stays the price, the quantity is total ÷ price, said so
    assertThat(table.lines())
        .containsExactly(
            new ReadLine(
                null,
                "Manteca La Serenisima 200g",
                new BigDecimal("25"),
                new BigDecimal("2601.50"),
                null,
                new BigDecimal("65037.50")));
    assertThat(issues.list())
        .containsExactly(
            "Renglón 1: cantidad '23' no cierra con precio e importe: se toma importe ÷ precio = 25"
                + " (cantidad × precio = importe).");
  }
}
