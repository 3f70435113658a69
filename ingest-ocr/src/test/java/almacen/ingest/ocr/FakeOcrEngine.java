package almacen.ingest.ocr;

import java.awt.image.BufferedImage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** OCR engine that returns a fixed text; can block until released to test the concurrency bound. */
final class FakeOcrEngine implements OcrEngine {

  private final String text;
  private final AtomicInteger calls = new AtomicInteger();
  private volatile String lastPageSize;
  private volatile CountDownLatch gate;
  final CountDownLatch entered = new CountDownLatch(1);

  FakeOcrEngine(String text) {
    this.text = text;
  }

  FakeOcrEngine blockUntil(CountDownLatch gate) {
    this.gate = gate;
    return this;
  }

  @Override
  public OcrText recognize(BufferedImage page, int sourceDpi, long timeoutMillis) {
    calls.incrementAndGet();
    lastPageSize = page.getWidth() + "x" + page.getHeight();
    entered.countDown();
    if (gate != null) {
      try {
        gate.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return new OcrText(text, 0.9);
  }

  int calls() {
    return calls.get();
  }

  String lastPageSize() {
    return lastPageSize;
  }
}
