package almacen.query.auth;

import almacen.events.User;
import almacen.schemas.Topic;
import almacen.support.observability.Correlation;
import almacen.support.web.ApiException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.http.HttpStatus;

/**
 * Writes user records, one at a time, with an idempotent {@code acks=all} producer, and returns
 * only once the broker has the record on every in-sync replica: a 2xx of the users API means the
 * change is committed. A broker that does not confirm in time → 503.
 */
final class UserPublisher implements AutoCloseable {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final Topic<String, User> topic;
  private final KafkaProducer<String, User> producer;

  UserPublisher(String bootstrapServers, Topic<String, User> topic) {
    this.topic = topic;
    this.producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                10_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                10_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                (int) TIMEOUT.toMillis()),
            new StringSerializer(),
            topic.valueSerde().serializer());
  }

  /** The record's partition and offset once acknowledged. */
  RecordMetadata publish(User user) {
    RecordHeaders headers = new RecordHeaders();
    Correlation.addTo(headers);
    ProducerRecord<String, User> record =
        new ProducerRecord<>(topic.name(), null, user.getUsername(), user, headers);
    try {
      return producer.send(record).get(TIMEOUT.toMillis() + 5_000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable(e);
    } catch (ExecutionException | TimeoutException | KafkaException e) {
      throw unavailable(e);
    }
  }

  private static ApiException unavailable(Exception e) {
    ApiException answer =
        new ApiException(
            HttpStatus.SERVICE_UNAVAILABLE,
            "BROKER_UNAVAILABLE",
            "The user change could not be saved: the broker did not confirm it; try again",
            null);
    answer.initCause(e);
    return answer;
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
