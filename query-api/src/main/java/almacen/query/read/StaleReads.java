package almacen.query.read;

import java.util.Map;

/**
 * What one request's reads found: whether an answer came (partly) from a standby or restoring
 * store, and whether the request reads standby copies first (the key's owner did not answer). One
 * per request, handed to the reads explicitly ({@link ReadModel#forRequest}, {@link
 * StoreReader#forRequest}); the web layer turns a stale one into the response headers {@code
 * X-Stale: true} (the contract's name) and {@code Staleness: stale} (the name the dashboard and
 * earlier clients read).
 */
public final class StaleReads {

  public static final String HEADER = "Staleness";
  public static final String STALE = "stale";
  public static final String CONTRACT_HEADER = "X-Stale";
  public static final String CONTRACT_STALE = "true";

  // volatile: a streamed CSV body is written on another thread than the one that answered the
  // request
  private volatile boolean stale;
  private volatile boolean preferStale;

  /**
   * The key's owner is unreachable and this instance holds a standby: read standby copies directly.
   */
  public void preferStale() {
    preferStale = true;
  }

  public boolean stalePreferred() {
    return preferStale;
  }

  public void mark() {
    stale = true;
  }

  public boolean wasStale() {
    return stale;
  }

  /** Both headers a stale answer carries, in the order they are written. */
  public static Map<String, String> headers() {
    return Map.of(CONTRACT_HEADER, CONTRACT_STALE, HEADER, STALE);
  }
}
