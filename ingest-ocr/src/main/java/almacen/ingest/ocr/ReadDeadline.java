package almacen.ingest.ocr;

import java.time.Duration;

/**
 * The one time budget of a whole read: rendering, image preparation, QR and OCR. The read checks it
 * between stages and hands what is left to each Tesseract call; whoever waits for the read cancels
 * it when the budget is spent. A cancelled read also counts its thread's interrupt flag, so loops
 * that never see this object (zxing's retry ladder) can stop by checking the flag alone.
 */
public final class ReadDeadline {

  private final Duration budget;
  private final long endNanos;
  private volatile boolean cancelled;

  private ReadDeadline(Duration budget) {
    this.budget = budget;
    this.endNanos = System.nanoTime() + budget.toNanos();
  }

  /** Starts the clock now. */
  public static ReadDeadline startingNow(Duration budget) {
    return new ReadDeadline(budget);
  }

  public Duration budget() {
    return budget;
  }

  public long millisLeft() {
    return (endNanos - System.nanoTime()) / 1_000_000;
  }

  public long endNanos() {
    return endNanos;
  }

  /** From now on every check fails: the caller stopped waiting. */
  public void cancel() {
    cancelled = true;
  }

  public boolean isOver() {
    return cancelled || Thread.currentThread().isInterrupted() || millisLeft() <= 0;
  }

  /**
   * Throws when the read must stop: called between stages.
   *
   * @param next the stage about to start, named in the 504 message
   * @throws InvoiceReadException 504 when the budget is spent or the read was cancelled
   */
  public void check(String next) throws InvoiceReadException {
    if (isOver()) {
      throw InvoiceReadException.timeout(
          "Se agotó el tiempo de lectura (" + budget.toSeconds() + " s) antes de " + next + ".");
    }
  }
}
