package almacen.domain;

import static org.assertj.core.api.Assertions.assertThat;

import almacen.events.Sale;
import almacen.events.SaleLine;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SaleValidityTest {

  static final Instant T0 = Instant.parse("2025-10-15T13:00:00Z");

  @ParameterizedTest(name = "sku ''{0}'' qty {1} price {2} -> {3}")
  @CsvSource({
    "A1, 0, 10.00, S1#1: qty must be greater than 0",
    "A1, -1, 10.00, S1#1: qty must be greater than 0",
    "A1, 1000000.001, 10.00, S1#1: qty must be between -1000000 and 1000000",
    "' ', 1, 10.00, S1#1: sku is blank",
    "A|1, 1, 10.00, S1#1: sku is blank or contains '|'",
    "A1, 1, -0.01, S1#1: unit price is required and must not be negative"
  })
  void shouldNameProblemWhenLineImpossible(String sku, String qty, String price, String message) {
    // given
    Sale sale = sale(List.of(new SaleLine(sku, new BigDecimal(qty), new BigDecimal(price))));
    // when / then
    assertThat(SaleValidity.problem(sale)).hasValueSatisfying(p -> assertThat(p).contains(message));
    assertThat(SaleValidity.isValid(sale)).isFalse();
  }

  @Test
  void shouldRefuseSaleWhenItHasNoLinesOrTooMany() {
    // given
    SaleLine one = new SaleLine("A1", new BigDecimal("1.000"), new BigDecimal("10.00"));
    // when / then
    assertThat(SaleValidity.problem(sale(List.of()))).hasValue("sale S1 has no lines");
    assertThat(SaleValidity.problem(sale(Collections.nCopies(501, one))))
        .hasValue("sale S1 has 501 lines; at most 500 are accepted");
  }

  @Test
  void shouldAcceptSaleWhenEveryLineCanBeTrue() {
    // given
    Sale sale = sale(List.of(new SaleLine("A1", new BigDecimal("2.350"), new BigDecimal("0.00"))));
    // when / then
    assertThat(SaleValidity.problem(sale)).isEmpty();
  }

  private static Sale sale(List<SaleLine> lines) {
    return new Sale("S1", "central", T0, lines, T0, null);
  }
}
