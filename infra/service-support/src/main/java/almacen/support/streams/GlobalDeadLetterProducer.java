package almacen.support.streams;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The idempotent producer the global thread writes its dead letters with (stream tasks write theirs
 * in their own transaction, see {@link DeadLetterDeserializationHandler}). Created on first use;
 * owned by the app's {@link ManagedKafkaStreams}, which hands it to the handler through the Streams
 * config and closes it on stop.
 */
final class GlobalDeadLetterProducer implements AutoCloseable {

  /**
   * The Streams config key the handler finds this producer under (Streams passes unknown keys to
   * handlers).
   */
  static final String CONFIG = "almacen.dlq.global-producer";

  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

  private final Map<String, Object> config = new HashMap<>();
  private KafkaProducer<byte[], byte[]> producer;
  private boolean closed;

  /** Takes the connection settings (bootstrap servers, security) of the Streams config. */
  GlobalDeadLetterProducer(Map<?, ?> streamsConfig, String clientId) {
    streamsConfig.forEach(
        (key, value) -> {
          String name = String.valueOf(key);
          if (name.equals(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG)
              || name.startsWith("security.")
              || name.startsWith("ssl.")
              || name.startsWith("sasl.")) {
            config.put(name, value);
          }
        });
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
  }

  synchronized Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> letter) {
    if (closed) {
      throw new IllegalStateException("The app has stopped: its dead-letter producer is closed");
    }
    if (producer == null) {
      producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }
    return producer.send(letter);
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (producer != null) {
      producer.close(CLOSE_TIMEOUT);
    }
  }
}
