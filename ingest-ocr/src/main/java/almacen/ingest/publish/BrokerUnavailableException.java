package almacen.ingest.publish;

/** The broker did not acknowledge a write in time; the HTTP answer is 503 with Retry-After. */
public class BrokerUnavailableException extends RuntimeException {

  public BrokerUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
