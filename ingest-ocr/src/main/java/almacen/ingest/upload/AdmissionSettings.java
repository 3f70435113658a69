package almacen.ingest.upload;

import java.time.Duration;

/**
 * How many invoice reads the web edge lets in: running on a worker plus waiting for one. Decided
 * before the body is read ({@link UploadAdmissionFilter}) and honoured by {@link ReadWorkers}.
 *
 * @param maxConcurrent reads running at once, one worker thread each ({@code
 *     almacen.ocr.max-concurrent}, default = cores)
 * @param queueSize reads allowed to wait for a worker ({@code almacen.ocr.queue-size}, default 2 ×
 *     workers); beyond → 503 before the body is read
 * @param queueWait how long a queued read waits for a worker ({@code almacen.ocr.queue-wait}) → 503
 *     beyond
 */
public record AdmissionSettings(int maxConcurrent, int queueSize, Duration queueWait) {

  public AdmissionSettings {
    if (maxConcurrent < 1 || queueSize < 0) {
      throw new IllegalArgumentException(
          "almacen.ocr.max-concurrent must be >= 1 and queue-size >= 0");
    }
    if (queueWait == null || queueWait.isNegative()) {
      throw new IllegalArgumentException("almacen.ocr.queue-wait must not be negative");
    }
  }

  public static AdmissionSettings defaults() {
    return of(0, -1, Duration.ofSeconds(20));
  }

  /**
   * {@code maxConcurrent} ≤ 0 means one per core; {@code queueSize} < 0 means twice the workers.
   */
  public static AdmissionSettings of(int maxConcurrent, int queueSize, Duration queueWait) {
    int workers = maxConcurrent > 0 ? maxConcurrent : Runtime.getRuntime().availableProcessors();
    return new AdmissionSettings(workers, queueSize >= 0 ? queueSize : 2 * workers, queueWait);
  }

  /** Reads admitted at once: running plus queued. */
  public int admitted() {
    return maxConcurrent + queueSize;
  }
}
