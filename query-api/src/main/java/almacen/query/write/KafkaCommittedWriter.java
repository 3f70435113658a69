package almacen.query.write;

import almacen.schemas.Topic;
import almacen.support.web.ApiException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * {@link CommittedWriter} on a transactional {@link KafkaTemplate}: each record in its own
 * transaction (acks=all), returning once it is committed. A broker that cannot take it within the
 * timeout is a 503 (the transaction is aborted, nothing is visible).
 */
public final class KafkaCommittedWriter implements CommittedWriter {

  private static final Logger log = LoggerFactory.getLogger(KafkaCommittedWriter.class);

  private final KafkaTemplate<String, byte[]> template;
  private final Duration timeout;

  public KafkaCommittedWriter(KafkaTemplate<String, byte[]> template, Duration timeout) {
    this.template = template;
    this.timeout = timeout;
  }

  @Override
  public <V> void write(Topic<String, V> topic, String key, V value) {
    RecordHeaders headers = new RecordHeaders();
    // the topic's own serializer adds the event-type and schema-fingerprint headers
    byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), headers, value);
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(topic.name(), null, key, bytes, headers);
    try {
      template.executeInTransaction(
          operations -> {
            try {
              return operations.send(record).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new IllegalStateException("Interrupted while writing to " + topic.name(), e);
            } catch (ExecutionException | TimeoutException e) {
              // thrown out of the callback, so the template aborts the transaction
              throw new IllegalStateException("Cannot write to " + topic.name(), e);
            }
          });
    } catch (RuntimeException e) {
      log.warn("Write to {} not committed: {}", topic.name(), e.toString());
      throw new ApiException(
          HttpStatus.SERVICE_UNAVAILABLE,
          "BROKER_UNAVAILABLE",
          "The event log is not reachable right now; nothing was saved. Retry in a few seconds.",
          null);
    }
  }
}
