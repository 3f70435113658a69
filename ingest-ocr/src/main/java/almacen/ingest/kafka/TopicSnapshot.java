package almacen.ingest.kafka;

import almacen.schemas.Topic;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a whole topic once, from the beginning to its last stable offset, with a plain consumer (no
 * group, read_committed). Used at start to rebuild the in-memory indexes of ingest.
 */
public final class TopicSnapshot {

  private static final Logger log = LoggerFactory.getLogger(TopicSnapshot.class);

  private TopicSnapshot() {}

  /**
   * Reads every committed record up to the end offsets taken when it starts.
   *
   * @param onRecord called with key and value (null for a tombstone) in offset order per partition
   * @return the number of records read
   * @throws IllegalStateException when the end is not reached within {@code timeout}
   */
  public static <V> long readAll(
      String bootstrapServers,
      Topic<String, V> topic,
      Duration timeout,
      BiConsumer<String, V> onRecord) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(
        ConsumerConfig.CLIENT_ID_CONFIG,
        "ingest-snapshot-" + topic.name() + "-" + UUID.randomUUID());
    long deadline = System.nanoTime() + timeout.toNanos();
    long count = 0;
    try (KafkaConsumer<String, V> consumer =
        new KafkaConsumer<>(
            config, topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic.name(), timeout).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
      while (!reachedEnd(consumer, end)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "Could not read " + topic.name() + " to its end within " + timeout);
        }
        try {
          for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(200))) {
            onRecord.accept(record.key(), record.value());
            count++;
          }
        } catch (RecordDeserializationException e) {
          log.error(
              "Skipping undecodable record {}-{}@{} while rebuilding the index: {}",
              topic.name(),
              e.topicPartition().partition(),
              e.offset(),
              e.getMessage());
          consumer.seek(e.topicPartition(), e.offset() + 1);
        }
      }
    }
    log.info("Read {} record(s) from {}", count, topic.name());
    return count;
  }

  private static boolean reachedEnd(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
      if (consumer.position(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }
}
