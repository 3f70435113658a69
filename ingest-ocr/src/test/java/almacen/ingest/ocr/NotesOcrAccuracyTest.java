package almacen.ingest.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Credit and debit notes and bonificaciones from phone photos (fixed seed): real Tesseract, real
 * zxing, on the four samples of {@link PhotoSet#notesAndDiscounts}. Floors a little under what was
 * measured (18/18 lines exact, 6 of them discounted).
 */
@Tag("slow")
class NotesOcrAccuracyTest {

  static final int LINES = 18;
  static final int DISCOUNTED_LINES = 6;
  static final int EXACT_FLOOR = 17;

  private static final TesseractOcrEngine ENGINE = new TesseractOcrEngine("", "spa");

  @AfterAll
  static void close() {
    ENGINE.close();
  }

  @Test
  void shouldReadTheKindAndEachBonificacionWhenPhotosAreNotesOrDiscounted() throws Exception {
    // given a credit note B (QR), a discounted credit note A (no QR), a discounted invoice B (QR)
    // and a debit note C (no QR)
    OcrInvoiceReader reader =
        new OcrInvoiceReader(ENGINE, new ZxingQrDecoder(), OcrSettings.defaults());
    List<InvoiceImageGenerator.Sample> samples = PhotoSet.notesAndDiscounts(PhotoSet.NOTES_SEED);

    // when
    OcrAccuracy accuracy = OcrAccuracy.measure(reader, samples);

    // then every document is read as the kind it is
    assertThat(accuracy.photos())
        .extracting(p -> p.read().kind())
        .containsExactlyElementsOf(accuracy.photos().stream().map(p -> p.truth().kind()).toList());
    int discounted = 0;
    int exact = 0;
    for (OcrAccuracy.Photo p : accuracy.photos()) {
      discounted += (int) p.truth().lines().stream().filter(l -> l.discountPct() != null).count();
      exact += PhotoSet.exactWithDiscount(p.truth(), p.read().lines());
    }
    assertThat(accuracy.lines()).as("lines on the 4 photos").isEqualTo(LINES);
    assertThat(discounted).as("lines with a bonificación").isEqualTo(DISCOUNTED_LINES);
    assertThat(exact)
        .as("lines with qty, price, bonificación and total exact")
        .isGreaterThanOrEqualTo(EXACT_FLOOR); // measured 18/18
  }
}
