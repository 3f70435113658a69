package almacen.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BoundsTest {

  @ParameterizedTest(name = "qty {0} -> {1}")
  @CsvSource({
    "1000000, OK",
    "-1000000, OK",
    "0.001, OK",
    "1000000.000, OK",
    "12.500, OK",
    "1000000.001, OUT_OF_RANGE",
    "-1000001, OUT_OF_RANGE",
    "1e30, OUT_OF_RANGE",
    "1e1000000, OUT_OF_RANGE",
    "-1e1000000, OUT_OF_RANGE",
    "0.0001, INVALID_QTY",
    "1e-1000000, INVALID_QTY"
  })
  void shouldCheckQuantityRangeAndDecimalsWhenGivenAQuantity(String value, String expected) {
    assertThat(code(Bounds.qty(new BigDecimal(value)))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "money {0} -> {1}")
  @CsvSource({
    "0, OK",
    "1000000000000.00, OK",
    "850.5, OK",
    "1000000000000.01, OUT_OF_RANGE",
    "1e13, OUT_OF_RANGE",
    "1e1000000, OUT_OF_RANGE",
    "-0.01, INVALID_MONEY",
    "-1e1000000, INVALID_MONEY",
    "0.001, INVALID_MONEY"
  })
  void shouldCheckMoneyRangeAndCentavosWhenGivenAnAmount(String value, String expected) {
    assertThat(code(Bounds.money(new BigDecimal(value)))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "iva {0} -> {1}")
  @CsvSource({
    "0, OK",
    "2.5, OK",
    "5, OK",
    "10.50, OK",
    "21, OK",
    "27, OK",
    "19, INVALID_IVA_RATE",
    "1e1000000, INVALID_IVA_RATE"
  })
  void shouldAcceptOnlyArgentineRatesWhenGivenAnIvaRate(String value, String expected) {
    assertThat(code(Bounds.ivaRate(new BigDecimal(value)))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "inflation {0} -> {1}")
  @CsvSource({
    "-50, OK",
    "1000, OK",
    "2.15, OK",
    "-50.01, OUT_OF_RANGE",
    "1000.01, OUT_OF_RANGE",
    "1e1000000, OUT_OF_RANGE",
    "2.155, INVALID_RATE"
  })
  void shouldCheckInflationRangeWhenGivenAMonthlyRate(String value, String expected) {
    assertThat(code(Bounds.inflationPct(new BigDecimal(value)))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "markup {0} -> {1}")
  @CsvSource({"0, OK", "1000, OK", "-0.01, OUT_OF_RANGE", "1000.01, OUT_OF_RANGE"})
  void shouldCheckMarkupRangeWhenGivenAMarkup(String value, String expected) {
    assertThat(code(Bounds.markupPct(new BigDecimal(value)))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "discount {0} -> {1}")
  @CsvSource({
    "0, OK",
    "12.5, OK",
    "99.99, OK",
    "100, OUT_OF_RANGE",
    "-0.01, OUT_OF_RANGE",
    "10.125, INVALID_RATE"
  })
  void shouldKeepDiscountBelowAHundredWhenGivenABonificacion(String value, String expected) {
    assertThat(code(Bounds.discountPct(new BigDecimal(value)))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "id of {0} chars -> {1}")
  @CsvSource({"1, OK", "64, OK", "65, INVALID_ID", "100000, INVALID_ID"})
  void shouldLimitIdLengthWhenGivenAnId(int length, String expected) {
    assertThat(code(Bounds.id("x".repeat(length)))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} lines of at most {1} -> {2}")
  @CsvSource({"500, 500, OK", "501, 500, TOO_MANY", "10000, 10000, OK", "10001, 10000, TOO_MANY"})
  void shouldLimitCountsWhenGivenASize(int size, int max, String expected) {
    assertThat(code(Bounds.count(size, max, "lines"))).isEqualTo(expected);
  }

  private static String code(Optional<Bounds.Violation> violation) {
    violation.ifPresent(v -> assertThat(v.message()).hasSizeLessThan(120));
    return violation.map(Bounds.Violation::code).orElse("OK");
  }
}
