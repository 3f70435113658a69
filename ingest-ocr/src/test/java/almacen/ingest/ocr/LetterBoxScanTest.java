package almacen.ingest.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Real Tesseract on scans whose letter box the page pass cannot read: the big letter is dropped and
 * the rule running down from the box crosses «COD. 06» («P6»).
 */
@Tag("slow")
class LetterBoxScanTest {

  private static final TesseractOcrEngine ENGINE = new TesseractOcrEngine("", "spa");

  @AfterAll
  static void close() {
    ENGINE.close();
  }

  @Test
  void shouldReadTheTypeWithoutAnIssueWhenARuleCrossesTheCodeOfAScan() throws Exception {
    // given the evaluation set's scans of a Factura B and a Factura A in the AFIP letterhead, no QR
    OcrInvoiceReader reader =
        new OcrInvoiceReader(ENGINE, new ZxingQrDecoder(), OcrSettings.defaults());
    EvalSet set = new EvalSet(EvalSet.SEED);
    EvalSet.Sample b = set.sample(EvalSet.LAYOUTS.get(0), EvalSet.Capture.SCAN, 1);
    EvalSet.Sample a = set.sample(EvalSet.LAYOUTS.get(2), EvalSet.Capture.SCAN, 1);

    // when
    ReadInvoice readB = reader.read(b.files().get(0), "central");
    ReadInvoice readA = reader.read(a.files().get(0), "central");

    // then the letter in the box and the code under it were read and agree
    assertThat(readB.qrPresent()).isFalse();
    assertThat(readB.type()).isEqualTo(InvoiceType.B);
    assertThat(readB.issues()).isEmpty();
    assertThat(readA.type()).isEqualTo(InvoiceType.A);
    assertThat(readA.issues()).isEmpty();
  }
}
