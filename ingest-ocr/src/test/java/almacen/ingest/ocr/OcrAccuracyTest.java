package almacen.ingest.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * End-to-end accuracy on 12 generated phone photos (fixed seed): real Tesseract, real zxing.
 * Asserts floors a little under what was measured; the figures themselves go to docs/ocr.md through
 * {@code scripts/ocr-report}.
 */
@Tag("slow")
class OcrAccuracyTest {

  static final int QR_FLOOR = 5;
  private static final TesseractOcrEngine ENGINE = new TesseractOcrEngine("", "spa");

  @AfterAll
  static void close() {
    ENGINE.close();
  }

  @Test
  void shouldReadMostFieldsAndLinesWhenInvoicesArePhonePhotos() throws Exception {
    // given 12 photos: types A/B/C, 3 layouts, 4 fonts, 150–300 dpi, half with the AFIP QR
    OcrInvoiceReader reader =
        new OcrInvoiceReader(ENGINE, new ZxingQrDecoder(), OcrSettings.defaults());

    // when
    OcrAccuracy accuracy = OcrAccuracy.measure(reader, PhotoSet.photos(PhotoSet.SEED));

    // then
    assertThat(accuracy.lines()).as("lines on the 12 photos").isEqualTo(65);
    assertThat(accuracy.numbersExact())
        .as("lines with qty, price and total exact")
        .isGreaterThanOrEqualTo(59); // measured 65/65
    assertThat(accuracy.linesExact())
        .as("lines exact incl. code and description")
        .isGreaterThanOrEqualTo(59); // measured 65/65
    assertThat(accuracy.exact("total"))
        .as("totals exact")
        .isGreaterThanOrEqualTo(11); // measured 12/12
    assertThat(accuracy.exact("supplierCuit"))
        .as("issuer CUIT exact")
        .isGreaterThanOrEqualTo(11); // measured 12/12
    assertThat(accuracy.qrFound())
        .as("AFIP QR decoded")
        .isGreaterThanOrEqualTo(QR_FLOOR); // measured 6/6
    assertThat(accuracy.secondsPerPage()).as("seconds per page").isLessThan(6.0);
  }
}
