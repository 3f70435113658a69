package almacen.domain;

import static org.assertj.core.api.Assertions.assertThat;

import almacen.events.TaxRegime;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CostBasisTest {

  @ParameterizedTest(name = "{0} u={1} v={2} includesIva={3} -> {4}")
  @CsvSource({
    // regime, unit cost, invoice IVA %, prices include IVA, expected basis
    "RI,          850.00, 21,   false, 850.00", // A: net, IVA reclaimed
    "RI,          1028.50, 21,  true,  1028.50", // B: final price, nothing to reclaim
    "MONOTRIBUTO, 850.00, 21,   false, 1028.50", // A: 850 x 1.21, IVA is a cost
    "MONOTRIBUTO, 850.00, 10.5, false, 939.25", // A at 10.5 %: 850 x 1.105
    "MONOTRIBUTO, 1028.50, 21,  true,  1028.50", // C: already final
  })
  void shouldComputeCostBasisWhenRegimeAndInvoiceTypeVary(
      TaxRegime regime,
      BigDecimal unitCost,
      BigDecimal ivaRate,
      boolean includesIva,
      BigDecimal expected) {
    assertThat(CostBasis.of(regime, unitCost, ivaRate, includesIva)).isEqualByComparingTo(expected);
  }

  @ParameterizedTest(name = "qty={0} u={1} d={2} -> lineTotal {3}, unit {4}")
  @CsvSource({
    // qty, printed unit cost, bonificación %, expected line total, expected paid unit cost
    "12,    850.00,  0,    10200.00, 850.00", // no discount: the printed cost, untouched
    "12,    850.00,  10,   9180.00,  765.0000", // 10 % off: 9180 / 12
    "3,     999.99,  12.5, 2624.97,  874.9900", // 2999.97 x 0.875 = 2624.97375 -> 2624.97
    "2.350, 8950.00, 5,    19980.88, 8502.5021", // kg: 21032.50 x 0.95 = 19980.875 -> .88
  })
  void shouldNetTheBonificacionWhenALineHasADiscount(
      BigDecimal qty,
      BigDecimal unitCost,
      BigDecimal discountPct,
      BigDecimal expectedTotal,
      BigDecimal expectedUnit) {
    // given a printed line; when its total and paid unit cost are computed
    BigDecimal total = CostBasis.lineTotal(qty, unitCost, discountPct);
    BigDecimal unit = CostBasis.paidUnitCost(unitCost, qty, total, discountPct);
    // then the bonificación is off both
    assertThat(total).isEqualTo(expectedTotal);
    assertThat(unit).isEqualTo(expectedUnit);
  }
}
