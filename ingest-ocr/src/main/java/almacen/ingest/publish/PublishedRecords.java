package almacen.ingest.publish;

import almacen.support.observability.Correlation;
import java.time.Clock;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** How an outgoing event becomes a record, the same for every producer of this service. */
final class PublishedRecords {

  private PublishedRecords() {}

  /**
   * Serialized on the caller's thread (serialization errors and the correlation id are the
   * caller's). The record timestamp is the arrival time: Kafka Streams (and the audit replay) apply
   * facts in record-timestamp order, and a late older invoice must take effect when it arrives, not
   * in the past. The business time travels in the payload (soldAt, issueDate, occurredAt).
   */
  static <V> ProducerRecord<String, byte[]> of(OutgoingEvent<V> event, Clock clock) {
    RecordHeaders headers = new RecordHeaders();
    byte[] value =
        event
            .topic()
            .valueSerde()
            .serializer()
            .serialize(event.topic().name(), headers, event.value());
    Correlation.addTo(headers);
    return new ProducerRecord<>(
        event.topic().name(), null, clock.millis(), event.key(), value, headers);
  }
}
