package almacen.schemas;

import org.apache.kafka.common.serialization.Serde;

/**
 * The wire format of one event type, behind a small interface so that a team running a
 * Confluent-compatible registry can plug in another implementation (see docs/decisions).
 */
public interface EventSerde<T> extends Serde<T> {

  Class<T> type();

  /** The value of the {@code event-type} header. */
  String eventType();
}
