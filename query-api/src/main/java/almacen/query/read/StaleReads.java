package almacen.query.read;

import java.util.Map;

/**
 * Whether the current request was answered (partly) from a standby or restoring store. The web
 * layer turns it into the response headers {@code X-Stale: true} (the contract's name) and
 * {@code Staleness: stale} (the name the dashboard and earlier clients read).
 */
public final class StaleReads {

  public static final String HEADER = "Staleness";
  public static final String STALE = "stale";
  public static final String CONTRACT_HEADER = "X-Stale";
  public static final String CONTRACT_STALE = "true";
  private static final ThreadLocal<Boolean> STALE_READ = ThreadLocal.withInitial(() -> Boolean.FALSE);

  private static final ThreadLocal<Boolean> PREFER_STALE = ThreadLocal.withInitial(() -> Boolean.FALSE);

  private StaleReads() {
  }

  /** The key's owner is unreachable and this instance holds a standby: read standby copies directly. */
  public static void preferStale() {
    PREFER_STALE.set(Boolean.TRUE);
  }

  public static boolean stalePreferred() {
    return PREFER_STALE.get();
  }

  public static void mark() {
    STALE_READ.set(Boolean.TRUE);
  }

  public static boolean wasStale() {
    return STALE_READ.get();
  }

  /** Both headers a stale answer carries, in the order they are written. */
  public static Map<String, String> headers() {
    return Map.of(CONTRACT_HEADER, CONTRACT_STALE, HEADER, STALE);
  }

  public static void reset() {
    STALE_READ.remove();
    PREFER_STALE.remove();
  }
}
