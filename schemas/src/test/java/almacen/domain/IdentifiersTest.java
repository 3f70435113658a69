package almacen.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdentifiersTest {

  @ParameterizedTest(name = "sku {0} branch {1} -> {2}")
  @CsvSource({
    "ALM000001, central, true",
    "alm1, central, false",
    "A1, Central, false",
    "-A1, norte-2, false",
    "A_1-B, n, true"
  })
  void shouldAcceptSkuAndBranchWhenTheyHaveTheContractShapes(
      String sku, String branch, boolean both) {
    // when / then
    assertThat(Identifiers.isSku(sku) && Identifiers.isBranch(branch)).isEqualTo(both);
  }
}
