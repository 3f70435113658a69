package almacen.ingest.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Real Tesseract on a scan whose two-column letterhead the page pass reads as one table, joining
 * "Fecha de Emisión" to the "Domicilio" line beside it and losing it (development seed 7).
 */
@Tag("slow")
class DateRereaderScanTest {

  private static final TesseractOcrEngine ENGINE = new TesseractOcrEngine("", "spa");

  @AfterAll
  static void close() {
    ENGINE.close();
  }

  @Test
  void shouldReadTheIssueDateWhenThePagePassJoinedItsLineToTheOtherHalfOfTheLetterhead()
      throws Exception {
    // given seed 7's scan of a Factura A with the code after the description, no QR
    OcrInvoiceReader reader =
        new OcrInvoiceReader(ENGINE, new ZxingQrDecoder(), OcrSettings.defaults());
    EvalSet.Sample scan = new EvalSet(7).sample(EvalSet.LAYOUTS.get(2), EvalSet.Capture.SCAN, 1);

    // when
    ReadInvoice read = reader.read(scan.files().get(0), "central");

    // then
    assertThat(read.qrPresent()).isFalse();
    assertThat(read.issueDate()).isEqualTo(LocalDate.of(2026, 2, 12));
    assertThat(read.issues()).doesNotContain("No se encontró la fecha de emisión.");
  }
}
