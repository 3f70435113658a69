package almacen.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import almacen.domain.Barcodes.Gtin;
import almacen.domain.Barcodes.InvalidCodeException;
import almacen.domain.Barcodes.ScaleLabel;
import almacen.domain.Barcodes.Sku;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BarcodesTest {

  @ParameterizedTest(name = "{0} -> key {1}")
  @CsvSource({
    "7790070410122, 7790070410122", // EAN-13, Argentina (779)
    "4006381333931, 4006381333931", // EAN-13
    "96385074, 0000096385074", // EAN-8
    "036000291452, 0036000291452", // UPC-A
  })
  void shouldReadAProductCodeWhenItsCheckDigitIsRight(String code, String key) {
    // when
    Barcodes.Scan scan = Barcodes.parse(code);

    // then
    assertThat(scan).isEqualTo(new Gtin(code, key));
  }

  @ParameterizedTest(name = "{0} -> BAD_CHECK_DIGIT")
  @CsvSource({"7790070410123", "96385075", "036000291453", "2012345012508"})
  void shouldRefuseWithBadCheckDigitWhenTheLastDigitIsWrong(String code) {
    // when / then
    assertThatThrownBy(() -> Barcodes.parse(code))
        .isInstanceOf(InvalidCodeException.class)
        .extracting(e -> ((InvalidCodeException) e).code())
        .isEqualTo("BAD_CHECK_DIGIT");
  }

  @ParameterizedTest(name = "{0} -> plu {1}, value {2}")
  @CsvSource({
    "2012345012509, 12345, 1250", // prefix 20, 1.250 kg
    "2112345008509, 12345, 850", // prefix 21, 850 g or $ 850
    "2243210009991, 43210, 999",
  })
  void shouldReadPluAndValueWhenTheCodeIsAnInStoreScaleLabel(String code, String plu, int value) {
    // when
    Barcodes.Scan scan = Barcodes.parse(code);

    // then
    assertThat(scan).isEqualTo(new ScaleLabel(code, plu, value));
  }

  @ParameterizedTest(name = "{0} -> sku {1}")
  @CsvSource({"ALM000001, ALM000001", "alm000001, ALM000001", " yerba-1 , YERBA-1"})
  void shouldReadASkuWhenTheCodeIsNotABarcode(String code, String sku) {
    // when / then
    assertThat(Barcodes.parse(code)).isEqualTo(new Sku(sku));
  }

  @ParameterizedTest(name = "[{0}] -> INVALID_CODE")
  @CsvSource({"'café con leche'", "''", "'#12'"})
  void shouldRefuseAsInvalidCodeWhenItIsNeitherBarcodeNorSku(String code) {
    // when / then
    assertThatThrownBy(() -> Barcodes.parse(code))
        .isInstanceOf(InvalidCodeException.class)
        .extracting(e -> ((InvalidCodeException) e).code())
        .isEqualTo("INVALID_CODE");
  }
}
