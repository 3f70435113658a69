package almacen.ingest.publish;

import almacen.schemas.Topic;
import java.util.List;

/**
 * Publishes source events. Returns only once the broker has acknowledged every record; all the
 * records of one call become visible together or not at all (read_committed readers).
 */
public interface EventPublisher {

  /**
   * Publishes {@code events} in one transaction and returns once the broker has committed it.
   *
   * @throws BrokerUnavailableException when the broker did not acknowledge in time; nothing of this
   *     call is visible to read_committed readers
   */
  void publish(List<OutgoingEvent<?>> events);

  default <V> void publish(Topic<String, V> topic, String key, V value) {
    publish(List.of(OutgoingEvent.of(topic, key, value)));
  }
}
