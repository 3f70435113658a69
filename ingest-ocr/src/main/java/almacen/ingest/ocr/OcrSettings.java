package almacen.ingest.ocr;

import java.time.Duration;

/**
 * @param timeout the whole read: rendering, image preparation, QR and OCR ({@code
 *     almacen.ocr.timeout}, env {@code ALMACEN_OCR_TIMEOUT}, default 30 s) → 504 beyond
 * @param maxConcurrent reads running at once, one worker thread each ({@code
 *     almacen.ocr.max-concurrent}, default = cores)
 * @param queueSize reads allowed to wait for a worker ({@code almacen.ocr.queue-size}, default 2 ×
 *     workers); beyond → 503 before the body is read
 * @param queueWait how long a queued read waits for a worker ({@code almacen.ocr.queue-wait}) → 503
 *     beyond
 */
public record OcrSettings(Duration timeout, int maxConcurrent, int queueSize, Duration queueWait) {

  public OcrSettings {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("almacen.ocr.timeout must be positive");
    }
    if (maxConcurrent < 1 || queueSize < 0) {
      throw new IllegalArgumentException(
          "almacen.ocr.max-concurrent must be >= 1 and queue-size >= 0");
    }
    if (queueWait == null || queueWait.isNegative()) {
      throw new IllegalArgumentException("almacen.ocr.queue-wait must not be negative");
    }
  }

  public static OcrSettings defaults() {
    return of(Duration.ofSeconds(30), 0, -1, Duration.ofSeconds(20));
  }

  /**
   * {@code maxConcurrent} ≤ 0 means one per core; {@code queueSize} < 0 means twice the workers.
   */
  public static OcrSettings of(
      Duration timeout, int maxConcurrent, int queueSize, Duration queueWait) {
    int workers = maxConcurrent > 0 ? maxConcurrent : Runtime.getRuntime().availableProcessors();
    return new OcrSettings(timeout, workers, queueSize >= 0 ? queueSize : 2 * workers, queueWait);
  }

  /** Reads admitted at once: running plus queued. */
  public int admitted() {
    return maxConcurrent + queueSize;
  }
}
