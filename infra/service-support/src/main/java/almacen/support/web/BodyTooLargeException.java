package almacen.support.web;

/**
 * A request body without Content-Length (chunked) passed its size limit while being read. Unchecked
 * on purpose: a body reader (Jackson, a CSV reader) wraps an IOException into "malformed body" (a
 * 400), but lets this one through to {@link ApiErrorHandler}, which answers 413.
 */
public class BodyTooLargeException extends RuntimeException {

  private final long limit;

  public BodyTooLargeException(long limit) {
    super("Request body over " + limit + " bytes");
    this.limit = limit;
  }

  public long limit() {
    return limit;
  }
}
