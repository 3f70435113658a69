package almacen.ingest.ocr;

import java.time.Duration;

/**
 * @param timeout       whole read, OCR included ({@code almacen.ocr.timeout}, default 30 s) → 504 beyond
 * @param maxConcurrent reads running at once ({@code almacen.ocr.max-concurrent}, default = cores)
 * @param queueSize     reads allowed to wait for a slot ({@code almacen.ocr.queue-size}); beyond → 429
 * @param queueWait     how long a queued read waits for a slot ({@code almacen.ocr.queue-wait}) → 503 beyond
 */
public record OcrSettings(Duration timeout, int maxConcurrent, int queueSize, Duration queueWait) {

    public OcrSettings {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("almacen.ocr.timeout must be positive");
        }
        if (maxConcurrent < 1 || queueSize < 0) {
            throw new IllegalArgumentException("almacen.ocr.max-concurrent must be >= 1 and queue-size >= 0");
        }
    }

    public static OcrSettings defaults() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new OcrSettings(Duration.ofSeconds(30), cores, 2 * cores, Duration.ofSeconds(20));
    }
}
