package almacen.query.read;

import java.util.function.Function;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** Runs a query against one local key-value store (all local partitions of it). */
public interface StoreReader {

  <V, T> T read(String store, Function<ReadOnlyKeyValueStore<String, V>, T> query);
}
