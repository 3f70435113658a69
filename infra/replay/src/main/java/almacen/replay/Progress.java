package almacen.replay;

import java.io.PrintStream;
import java.util.Locale;

/** A progress line on stderr (records, records/s, ETA) and a summary line; silent with --quiet. */
final class Progress {

  private final PrintStream err;
  private final boolean quiet;
  private final String label;
  private final long total;
  private final long startNanos = System.nanoTime();
  private long lastPrintNanos;
  private long done;

  Progress(PrintStream err, boolean quiet, String label, long total) {
    this.err = err;
    this.quiet = quiet;
    this.label = label;
    this.total = total;
  }

  void advance(long n) {
    done += n;
    long now = System.nanoTime();
    if (!quiet && now - lastPrintNanos > 500_000_000L) {
      lastPrintNanos = now;
      double seconds = Math.max((now - startNanos) / 1e9, 1e-3);
      double rate = done / seconds;
      String eta =
          total > 0 && rate > 0 ? String.format(Locale.ROOT, "%.0f s", (total - done) / rate) : "?";
      int pct = total > 0 ? (int) Math.min(100, done * 100 / total) : 0;
      int filled = pct / 5;
      err.printf(
          Locale.ROOT,
          "\r%-18s [%s%s] %3d%% %,d/%,d  %,.0f rec/s  ETA %s   ",
          label,
          "#".repeat(filled),
          ".".repeat(20 - filled),
          pct,
          done,
          total,
          rate,
          eta);
    }
  }

  long done() {
    return done;
  }

  double seconds() {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  void finish() {
    if (!quiet) {
      double seconds = Math.max(seconds(), 1e-3);
      err.printf(
          Locale.ROOT,
          "\r%-18s %,d records in %.1f s (%,.0f rec/s)%s%n",
          label,
          done,
          seconds,
          done / seconds,
          " ".repeat(30));
    }
  }
}
