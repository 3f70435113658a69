package almacen.query.read;

import java.util.function.Function;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** Runs a query against one local key-value store (all local partitions of it). */
public interface StoreReader {

  <V, T> T read(String store, Function<ReadOnlyKeyValueStore<String, V>, T> query);

  /**
   * This reader for one request: it notes a stale answer in {@code reads} and reads standby copies
   * first when {@code reads} prefers them. A reader that never answers stale (a test's) is its own
   * request reader.
   */
  default StoreReader forRequest(StaleReads reads) {
    return this;
  }
}
