package almacen.query.write;

import almacen.schemas.Topic;

/**
 * The few writes query-api makes itself (labels marked printed). A call returns only once the
 * record is committed — a 2xx built on it means the record is there for every read_committed reader
 * — and throws a 503 {@code ApiException} when the broker cannot take it.
 */
public interface CommittedWriter {

  /** Writes {@code value} under {@code key} to {@code topic}, committed before returning. */
  <V> void write(Topic<String, V> topic, String key, V value);
}
