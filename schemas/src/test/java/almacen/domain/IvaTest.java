package almacen.domain;

import static org.assertj.core.api.Assertions.assertThat;

import almacen.events.InvoiceType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IvaTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"A, false", "B, true", "C, true", "M, false"})
  void shouldIncludeIvaInPricesWhenInvoiceIsBOrC(InvoiceType type, boolean included) {
    // when / then
    assertThat(Iva.pricesIncludeIva(type)).isEqualTo(included);
  }
}
