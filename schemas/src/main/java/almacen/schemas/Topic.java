package almacen.schemas;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * One topic of the catalogue: its full name, key and value serdes and how the broker keeps it.
 *
 * @param retentionMs -1 keeps data forever; null leaves the broker default
 */
public record Topic<K, V>(
    String name, Serde<K> keySerde, EventSerde<V> valueSerde, boolean compacted, Long retentionMs) {

  public Topic {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(keySerde, "keySerde");
    Objects.requireNonNull(valueSerde, "valueSerde");
  }

  public String cleanupPolicy() {
    return compacted ? "compact" : "delete";
  }

  @Override
  public String toString() {
    return name;
  }
}
