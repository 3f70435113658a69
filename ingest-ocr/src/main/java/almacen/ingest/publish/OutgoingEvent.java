package almacen.ingest.publish;

import almacen.schemas.Topic;
import java.time.Instant;
import java.util.Objects;

/**
 * One record to publish: a catalogue topic, its key and value, and the business instant of the fact
 * (null = now). The record itself is stamped with the arrival time (see KafkaEventPublisher).
 */
public record OutgoingEvent<V>(Topic<String, V> topic, String key, V value, Instant timestamp) {

  public OutgoingEvent {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
  }

  public static <V> OutgoingEvent<V> of(Topic<String, V> topic, String key, V value) {
    return new OutgoingEvent<>(topic, key, value, null);
  }

  public static <V> OutgoingEvent<V> at(
      Topic<String, V> topic, String key, V value, Instant timestamp) {
    return new OutgoingEvent<>(topic, key, value, timestamp);
  }

  /** The {@code event-type} header value, e.g. Sale. */
  public String eventType() {
    return topic.valueSerde().eventType();
  }
}
