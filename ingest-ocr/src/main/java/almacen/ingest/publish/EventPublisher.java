package almacen.ingest.publish;

import almacen.schemas.Topic;
import java.util.List;

/**
 * Publishes source events. Returns only once the broker has acknowledged every record; all the
 * records of one call become visible together or not at all (read_committed readers).
 */
public interface EventPublisher {

  /**
   * Publishes {@code events} and returns once the broker has committed them: one record
   * acknowledged with {@code acks=all}, several in one transaction.
   *
   * @throws BrokerUnavailableException when the broker did not acknowledge in time; the caller
   *     answers 503 and its retry is harmless (every event carries its own id)
   */
  void publish(List<OutgoingEvent<?>> events);

  default <V> void publish(Topic<String, V> topic, String key, V value) {
    publish(List.of(OutgoingEvent.of(topic, key, value)));
  }
}
