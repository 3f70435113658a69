package almacen.inventory;

import java.time.Duration;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/**
 * Asks Streams to commit right after a live event, i.e. one whose record time is within the live window
 * of the wall clock: the sale the till just sent reaches stock-levels in one transaction commit instead
 * of waiting for the commit interval. The request only sets a flag; the stream thread commits once after
 * the records of its current loop, so a burst of live events still shares one commit. Events older than
 * the window (a restart or a replay catching up) are left to the commit interval, which keeps bulk
 * throughput.
 */
final class LiveCommit {

  private final long windowMs;

  LiveCommit(Duration window) {
    this.windowMs = window.toMillis();
  }

  /** Requests a commit when the record at {@code recordTimestamp} is live; returns whether it did. */
  boolean afterRecord(ProcessorContext<?, ?> context, long recordTimestamp) {
    if (windowMs <= 0 || context.currentSystemTimeMs() - recordTimestamp > windowMs) {
      return false;
    }
    context.commit();
    return true;
  }
}
