package almacen.query.read;

import almacen.support.web.ApiException;
import org.springframework.http.HttpStatus;

/**
 * 503 {"error":"STORE_UNAVAILABLE"}: the store could not be read even from a standby, after
 * retries.
 */
public class StoreUnavailableException extends ApiException {

  public StoreUnavailableException(String store, Throwable cause) {
    super(
        HttpStatus.SERVICE_UNAVAILABLE,
        "STORE_UNAVAILABLE",
        "The read model "
            + store
            + " is not available right now (rebalancing or restoring); retry shortly",
        null);
    initCause(cause);
  }
}
