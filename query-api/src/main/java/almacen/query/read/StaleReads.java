package almacen.query.read;

/**
 * Whether the current request was answered (partly) from a standby or restoring store. The web
 * layer turns it into the {@code Staleness: stale} response header.
 */
public final class StaleReads {

  public static final String HEADER = "Staleness";
  public static final String STALE = "stale";
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

  public static void reset() {
    STALE_READ.remove();
    PREFER_STALE.remove();
  }
}
