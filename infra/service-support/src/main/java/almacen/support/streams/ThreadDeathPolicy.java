package almacen.support.streams;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;

/**
 * What to do when a Kafka Streams thread dies. A stream thread is replaced, unless threads keep
 * dying (more than {@code maxReplacements} within {@code window}): then the client is shut down,
 * reaches ERROR, and the process exits to be restarted with the supervisor's back-off — a fresh JVM
 * and fresh state beat a thread that fails in a loop. A global thread cannot be replaced: shut down
 * at once.
 */
public final class ThreadDeathPolicy {

  private final int maxReplacements;
  private final long windowNanos;
  private final LongSupplier nanoTime;
  private final Deque<Long> recentDeaths = new ArrayDeque<>();

  public ThreadDeathPolicy(int maxReplacements, Duration window, LongSupplier nanoTime) {
    this.maxReplacements = maxReplacements;
    this.windowNanos = window.toNanos();
    this.nanoTime = nanoTime;
  }

  /** The default: three replacements within ten minutes. */
  public static ThreadDeathPolicy standard() {
    return new ThreadDeathPolicy(3, Duration.ofMinutes(10), System::nanoTime);
  }

  public synchronized StreamThreadExceptionResponse onDeath(boolean globalThread) {
    if (globalThread) {
      return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }
    long now = nanoTime.getAsLong();
    while (!recentDeaths.isEmpty() && now - recentDeaths.peekFirst() > windowNanos) {
      recentDeaths.removeFirst();
    }
    recentDeaths.addLast(now);
    return recentDeaths.size() > maxReplacements
        ? StreamThreadExceptionResponse.SHUTDOWN_CLIENT
        : StreamThreadExceptionResponse.REPLACE_THREAD;
  }
}
