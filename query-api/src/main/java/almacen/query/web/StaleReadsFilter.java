package almacen.query.web;

import jakarta.servlet.Filter;

/** Factory of the filter that clears the stale-read flags around each request. */
public final class StaleReadsFilter {

  private StaleReadsFilter() {
  }

  public static Filter create() {
    return new StalenessAdvice.ResetFilter();
  }
}
