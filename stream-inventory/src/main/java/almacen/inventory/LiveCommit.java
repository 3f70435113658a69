package almacen.inventory;

import java.time.Duration;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/**
 * Commits live events promptly. An event is live when its record time is within the live window of
 * the wall clock: the sale the till just sent should reach stock-levels in one transaction commit,
 * not wait for the commit interval. At most one commit is requested per {@link #MIN_SPACING}: a
 * request right after a quiet spell, otherwise a wall-clock punctuation picks up what arrived in
 * between. Asking on every record would make Streams commit after every single record (it shrinks
 * its batch after each commit) and a busy till would fall behind. Events older than the window (a
 * restart or a replay catching up) are left to the commit interval, which keeps bulk throughput.
 * One instance per processor.
 */
final class LiveCommit {

  static final Duration MIN_SPACING = Duration.ofMillis(50);

  private final long windowMs;
  private ProcessorContext<?, ?> context;
  private long lastRequestMs = Long.MIN_VALUE / 2;
  private boolean pending;

  LiveCommit(Duration window) {
    this.windowMs = window.toMillis();
  }

  void init(ProcessorContext<?, ?> context) {
    this.context = context;
    if (windowMs > 0) {
      context.schedule(
          MIN_SPACING.dividedBy(2), PunctuationType.WALL_CLOCK_TIME, this::requestIfPending);
    }
  }

  /**
   * Called once the record at {@code recordTimestamp} is processed; returns whether a commit was
   * asked for now.
   */
  boolean afterRecord(long recordTimestamp) {
    long now = context.currentSystemTimeMs();
    if (windowMs <= 0 || now - recordTimestamp > windowMs) {
      return false;
    }
    pending = true;
    return requestIfPending(now);
  }

  private boolean requestIfPending(long now) {
    if (!pending || now - lastRequestMs < MIN_SPACING.toMillis()) {
      return false;
    }
    context.commit();
    lastRequestMs = now;
    pending = false;
    return true;
  }
}
