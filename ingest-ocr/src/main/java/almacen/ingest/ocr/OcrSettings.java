package almacen.ingest.ocr;

import java.time.Duration;

/**
 * Settings of one read. How many reads run or wait at once is the web edge's business ({@code
 * almacen.ingest.upload.AdmissionSettings}), not the reader's.
 *
 * @param timeout the whole read: rendering, image preparation, QR and OCR ({@code
 *     almacen.ocr.timeout}, env {@code ALMACEN_OCR_TIMEOUT}, default 30 s) → 504 beyond
 */
public record OcrSettings(Duration timeout) {

  public OcrSettings {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("almacen.ocr.timeout must be positive");
    }
  }

  public static OcrSettings defaults() {
    return new OcrSettings(Duration.ofSeconds(30));
  }
}
