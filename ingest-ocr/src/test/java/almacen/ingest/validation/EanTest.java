package almacen.ingest.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EanTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "7790070410122, true", // EAN-13
    "4006381333931, true",
    "7790070410120, false", // wrong check digit
    "96385074, true", // EAN-8
    "96385075, false",
    "779007041012, false", // 12 digits
    "77900704101200, false", // 14 digits
    "779007041012A, false",
    "'', false"
  })
  void shouldValidateCheckDigitWhenGivenEan8OrEan13(String code, boolean valid) {
    // given / when
    boolean result = Ean.isValid(code);

    // then
    assertThat(result).isEqualTo(valid);
  }
}
