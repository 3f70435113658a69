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
}
