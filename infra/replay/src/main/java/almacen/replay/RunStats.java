package almacen.replay;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;

/**
 * What a run cost this JVM (--stats): wall time, the heap's peak against its maximum (the sum of
 * each heap pool's own peak, so an upper bound of the real peak) and time spent in GC.
 */
final class RunStats {

  private RunStats() {}

  static String since(long startNanos) {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    long gcMillis =
        ManagementFactory.getGarbageCollectorMXBeans().stream()
            .mapToLong(GarbageCollectorMXBean::getCollectionTime)
            .filter(t -> t > 0)
            .sum();
    long max = Runtime.getRuntime().maxMemory();
    return String.format(
        Locale.ROOT,
        "replay stats: %.1f s, heap peak %d MB of %d MB, GC %.1f s",
        (System.nanoTime() - startNanos) / 1e9,
        peak >> 20,
        max >> 20,
        gcMillis / 1e3);
  }
}
