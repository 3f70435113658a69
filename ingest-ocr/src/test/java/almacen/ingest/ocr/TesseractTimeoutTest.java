package almacen.ingest.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Real Tesseract: the deadline monitor stops native recognition and the engine stays usable. */
@Tag("slow")
class TesseractTimeoutTest {

  private static final TesseractOcrEngine ENGINE = new TesseractOcrEngine("", "spa");

  @AfterAll
  static void close() {
    ENGINE.close();
  }

  @Test
  void shouldAnswer504AndFreeTheThreadWhenOcrExceedsATinyTimeout() throws Exception {
    // given a dense 300 dpi page (several seconds of OCR without a deadline)
    InvoiceImageGenerator.Sample s =
        new InvoiceImageGenerator(11).clean(InvoiceType.A, 0, "DejaVu Sans", 300, false);
    BufferedImage page = ImageIO.read(new ByteArrayInputStream(s.bytes()));
    // when OCR gets 50 ms
    long started = System.nanoTime();
    assertThatThrownBy(() -> ENGINE.recognize(page, 300, 50))
        .isInstanceOfSatisfying(
            InvoiceReadException.class,
            e -> {
              assertThat(e.status()).isEqualTo(504);
              assertThat(e.code()).isEqualTo("OCR_TIMEOUT");
            });
    long stoppedAfterMs = (System.nanoTime() - started) / 1_000_000;
    // then it stopped long before a full recognition, and the same thread and engine read the next
    // page
    assertThat(stoppedAfterMs).isLessThan(1500);
    OcrEngine.OcrText text = ENGINE.recognize(page, 300, 30_000);
    assertThat(text.text()).contains("FACTURA");
  }
}
