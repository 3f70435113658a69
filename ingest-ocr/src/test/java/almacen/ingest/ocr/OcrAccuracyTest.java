package almacen.ingest.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * End-to-end accuracy on 12 generated phone photos (fixed seed) and on the evaluation set's text
 * PDFs and a few of its scans and photos: real Tesseract, real zxing. Asserts floors a little under
 * what was measured; the figures themselves (the whole evaluation set) go to docs/ocr.md through
 * {@code scripts/ocr-report}.
 */
@Tag("slow")
class OcrAccuracyTest {

  static final int QR_FLOOR = 5;

  /** Of the held-out subset's lines; see the measured figure beside the assertion. */
  static final int LINES_FLOOR = 40;

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

  @Test
  void shouldReadEveryLineAndHeaderExactlyWhenInvoicesAreTextPdfs() throws Exception {
    // given the evaluation set's 16 text PDFs: 8 layouts, 5 never tuned on, one of two pages
    OcrInvoiceReader reader =
        new OcrInvoiceReader(ENGINE, new ZxingQrDecoder(), OcrSettings.defaults());
    List<EvalSet.Sample> pdfs = EvalSet.some(EvalSet.SEED, c -> c == EvalSet.Capture.TEXT_PDF);

    // when
    EvalAccuracy accuracy = EvalAccuracy.measure(reader, pdfs);

    // then
    EvalAccuracy.Totals all = accuracy.totals(r -> true);
    assertThat(all.invoices()).isEqualTo(16);
    assertThat(all.linesExact()).as("lines exact").isEqualTo(all.lines());
    assertThat(all.headersExact()).as("headers exact").isEqualTo(16);
    assertThat(all.confirmed()).as("confirmed on their own").isEqualTo(16);
    assertThat(all.wrong()).as("wrongly confirmed").isZero();
  }

  @Test
  void shouldNeverConfirmAWrongReadWhenHeldOutLayoutsAreScannedOrPhotographed() throws Exception {
    // given a scan of the wholesaler's two-page invoice, photos of the EAN and row-number layouts
    // and of a till roll (held-out layouts, read by OCR)
    OcrInvoiceReader reader =
        new OcrInvoiceReader(ENGINE, new ZxingQrDecoder(), OcrSettings.defaults());
    EvalSet set = new EvalSet(EvalSet.SEED);
    List<EvalSet.Sample> samples =
        List.of(
            set.sample(EvalSet.LAYOUTS.get(4), EvalSet.Capture.SCAN, 0),
            set.sample(EvalSet.LAYOUTS.get(3), EvalSet.Capture.PHOTO, 0),
            set.sample(EvalSet.LAYOUTS.get(7), EvalSet.Capture.PHOTO, 1),
            set.sample(EvalSet.LAYOUTS.get(5), EvalSet.Capture.SCAN, 0));

    // when
    EvalAccuracy accuracy = EvalAccuracy.measure(reader, samples);

    // then
    EvalAccuracy.Totals all = accuracy.totals(r -> true);
    assertThat(all.wrong()).as("wrongly confirmed").isZero();
    assertThat(all.linesExact())
        .as("lines exact of " + all.lines())
        .isGreaterThanOrEqualTo(LINES_FLOOR); // measured 43 of 44
  }
}
