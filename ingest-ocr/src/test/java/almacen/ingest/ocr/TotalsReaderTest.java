package almacen.ingest.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TotalsReaderTest {

  private static TotalsReader.PrintedTotals read(String text, ParseIssues issues) {
    return new TotalsReader(new PrintedLines(text), issues).read(0);
  }

  @Test
  void shouldReadNetIvaPerRateOthersAndTotalWhenBoxIsAfips() {
    // given an AFIP Factura A totals box, the 27 % rate printed as 0,00
    String text =
        """
        Importe Neto Gravado: $ 52.132,50
        IVA 27%: $ 0,00
        IVA 21%: $ 6.558,83
        IVA 10,5%: $ 2.194,50
        Importe Otros Tributos: $ 0,00
        Importe Total: $ 60.885,83
        CAE N*: 75412345678901
        """;
    ParseIssues issues = new ParseIssues();
    // when
    TotalsReader.PrintedTotals totals = read(text, issues);
    // then
    assertThat(totals.netTotal()).isEqualTo(new BigDecimal("52132.50"));
    assertThat(totals.ivaByRate())
        .isEqualTo(
            Map.of(
                new BigDecimal("21"), new BigDecimal("6558.83"),
                new BigDecimal("10.5"), new BigDecimal("2194.50")));
    assertThat(totals.otherTaxes()).isEqualTo(new BigDecimal("0.00"));
    assertThat(totals.total()).isEqualTo(new BigDecimal("60885.83"));
    assertThat(issues.list()).isEmpty();
  }

  @Test
  void shouldSumPerceptionsAndTakeSubtotalAsNetWhenNeitherIsLabelledAsSuch() {
    // given a subtotal instead of a net, and two perceptions instead of "Otros Tributos"
    String text =
        """
        Subtotal: $ 1.000,00
        Percepción IIBB: $ 120,00
        Percepción IVA: $ 30,00
        TOTAL $ 1.15O,00
        """;
    ParseIssues issues = new ParseIssues();
    // when
    TotalsReader.PrintedTotals totals = read(text, issues);
    // then
    assertThat(totals.netTotal()).isEqualTo(new BigDecimal("1000.00"));
    assertThat(totals.otherTaxes()).isEqualTo(new BigDecimal("150.00"));
    assertThat(totals.total()).isEqualTo(new BigDecimal("1150.00"));
    // the total's fix is left to the caller, who may prove it (the QR, the sums)
    assertThat(totals.totalFix())
        .isEqualTo("Totales: '1.15O,00' leído como '1.150,00' en 'TOTAL $ 1.15O,00'.");
    assertThat(issues.list()).isEmpty();
  }

  @Test
  void shouldSayTotalIsMissingWhenNoTotalLineIsRead() {
    // given
    ParseIssues issues = new ParseIssues();
    // when
    TotalsReader.PrintedTotals totals = read("Subtotal: $ 1.000,00", issues);
    // then
    assertThat(totals.total()).isNull();
    assertThat(issues.list()).containsExactly("No se encontró el importe total.");
  }
}
