package almacen.ingest.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CuitTest {

  @ParameterizedTest(name = "{0} → valid={1}")
  @CsvSource({
    "30-71234567-1, true",
    "30712345671, true",
    "20-00000006-0, true", // sum mod 11 = 0 → dv 11 → 0
    "20000000060, true",
    "30-71234567-2, false", // wrong check digit
    "20000000010, false", // mod-11 gives 10: no valid CUIT with this prefix
    "2000000001-0, false",
    "30-7123456-71, false", // dashes in the wrong places
    "3071234567, false", // 10 digits
    "307123456712, false", // 12 digits
    "30-7123456A-1, false",
    "'', false"
  })
  void shouldAcceptOnlyWellFormedCuitWhenCheckDigitMatches(String text, boolean valid) {
    // given / when
    boolean result = Cuit.isValid(text);

    // then
    assertThat(result).isEqualTo(valid);
  }

  @ParameterizedTest(name = "{0} → dv {1}")
  @CsvSource({"3071234567, 1", "2000000006, 0", "2012345678, 6", "3050000000, 3", "2000000001, -1"})
  void shouldComputeMod11CheckDigitWhenGivenTenDigits(String firstTen, int expected) {
    // given / when
    int dv = Cuit.checkDigit(firstTen);

    // then
    assertThat(dv).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"30712345671, 30-71234567-1", "30-71234567-1, 30-71234567-1"})
  void shouldFormatWithDashesWhenParsed(String text, String formatted) {
    // given / when
    Cuit cuit = Cuit.parse(text).orElseThrow();

    // then
    assertThat(cuit.formatted()).isEqualTo(formatted);
    assertThat(cuit.digits()).isEqualTo("30712345671");
  }
}
