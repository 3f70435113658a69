package almacen.ingest.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RowNumbersTest {

  @ParameterizedTest(name = "{0} → {1} × {2} = {3} (penalty {4})")
  @CsvSource(
      delimiter = ';',
      value = {
        "12  850,00  10.200,00;12;850.00;10200.00;0",
        "LAC-3102  Queso  2,350  8.950,00  21.032,50;2.350;8950.00;21032.50;0",
        "20  unidades  1.04500  20.900,00;20;1045.00;20900.00;1",
        "Ayudin 11  11  unidades  1.270,75  13.978,25;11;1270.75;13978.25;0"
      })
  void shouldPickQuantityPriceAndTotalWhenTheyClose(
      String row, BigDecimal qty, BigDecimal price, BigDecimal total, int penalty) {
    // given an item row as OCR read it
    // when
    RowNumbers.Pick pick = RowNumbers.bestTriple(RowNumbers.numbers(row), true);
    // then
    assertThat(pick.q().value()).isEqualByComparingTo(qty);
    assertThat(pick.p().value()).isEqualByComparingTo(price);
    assertThat(pick.t().value()).isEqualByComparingTo(total);
    assertThat(pick.penalty()).isEqualTo(penalty);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {"9  1.395,90  12.199,50", "3  1.980,00  7.777,00", "Importe Total: $ 220.741,29"})
  void shouldFindNoClosingTripleWhenQuantityTimesPriceIsNotTheTotal(String row) {
    // given a row whose numbers do not close
    // when / then
    assertThat(RowNumbers.bestTriple(RowNumbers.numbers(row), true)).isNull();
    assertThat(RowNumbers.closes(RowNumbers.numbers(row))).isFalse();
  }

  @Test
  void shouldComputeQuantityWhenOnlyPriceAndTotalWereRead() {
    // given price and total, quantity lost
    // when
    RowNumbers.Pick pick =
        RowNumbers.recoverQuantity(RowNumbers.numbers("Galletitas  2.286,90  29.729,70"));
    // then
    assertThat(pick.q().value()).isEqualTo(new BigDecimal("13"));
    assertThat(pick.q().fix()).isEqualTo("cantidad ilegible, calculada como importe ÷ precio = 13");
    assertThat(pick.penalty()).isEqualTo(RowNumbers.RECOVERED_QTY_PENALTY);
  }

  @Test
  void shouldMendPriceWhenTwoDigitsAreOffAndTotalDividesExactly() {
    // given a price with two misread digits (1.355,50 read as 1.395,90)
    // when
    RowNumbers.Pick pick =
        RowNumbers.nearestClosing(RowNumbers.numbers("9  1.395,90  12.199,50"), true);
    // then
    assertThat(pick.p().value()).isEqualTo(new BigDecimal("1355.50"));
    assertThat(pick.penalty()).isEqualTo(RowNumbers.DERIVED_PENALTY + 2);
  }

  @Test
  void shouldMendNothingWhenThirdNumberIsFarFromWhatTheOthersImply() {
    // when / then
    assertThat(RowNumbers.nearestClosing(RowNumbers.numbers("3  1.980,00  7.777,00"), true))
        .isNull();
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "12  850,00  10.200,00  21;21",
        "20  1.045,00  20.900,00  23.094,50;10.5",
        "12  850,00  10.200,00  12.342,00;21",
        "12  850,00  10.200,00;"
      })
  void shouldReadLineRateWhenPrintedOrImpliedByTotalWithIva(String row, BigDecimal rate) {
    // given an A/M row with a rate or an IVA-included total after the net total
    var nums = RowNumbers.numbers(row);
    RowNumbers.Pick pick = RowNumbers.bestTriple(nums, true);
    // when
    BigDecimal read = RowNumbers.lineRate(nums, pick);
    // then
    assertThat(read).isEqualTo(rate);
  }

  @Test
  void shouldTakeTheQuantityFromTotalAndPriceWhenOneOfItsDigitsWasMisread() {
    // given price before quantity, a kg quantity 2,773 read "2,173"
    // when
    RowNumbers.Pick pick =
        RowNumbers.nearestClosing(RowNumbers.numbers("Papa Negra  983,45  2,173  2.727,11"), false);
    // then
    assertThat(pick.q().value()).isEqualByComparingTo("2.773");
    assertThat(pick.p().value()).isEqualByComparingTo("983.45");
    assertThat(pick.t().value()).isEqualByComparingTo("2727.11");
    assertThat(pick.q().fix())
        .isEqualTo(
            "cantidad '2,173' no cierra con precio e importe: se toma importe ÷ precio = 2,773");
  }
}
