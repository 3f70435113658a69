package almacen.kafkalocal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads what a topic holds for tests: every committed record from the beginning, with a
 * read_committed consumer of its own (no group, no offsets committed).
 *
 * <p>A transaction's commit markers reach the partition just after the producer's {@code
 * commitTransaction} returns, so the last stable offset seen right after an HTTP 200 may lag for a
 * moment: {@link #atLeast} keeps reading until the expected records (and anything after them) are
 * in, where reading only up to the end offset taken at the start would see an empty topic.
 */
public final class CommittedRecords {

  private static final Duration POLL = Duration.ofMillis(200);

  private CommittedRecords() {}

  /**
   * At least {@code expected} records, and every record up to the end offsets seen once they are
   * in; fewer when {@code timeout} passes first (the caller's assertion then says what is missing).
   */
  public static <K, V> List<ConsumerRecord<K, V>> atLeast(
      String bootstrapServers,
      String topic,
      Deserializer<K> keys,
      Deserializer<V> values,
      int expected,
      Duration timeout) {
    List<ConsumerRecord<K, V>> out = new ArrayList<>();
    try (KafkaConsumer<K, V> consumer =
        new KafkaConsumer<>(config(bootstrapServers), keys, values)) {
      List<TopicPartition> partitions = assignFromBeginning(consumer, topic);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        consumer.poll(POLL).forEach(out::add);
        if (out.size() >= expected && atEnd(consumer, partitions)) {
          break;
        }
      }
    }
    return out;
  }

  /**
   * Every record up to the end offsets as they are when the read starts: for a topic whose last
   * write was acknowledged a while ago, or where an absent record is the point of the test.
   */
  public static <K, V> List<ConsumerRecord<K, V>> upToCurrentEnd(
      String bootstrapServers,
      String topic,
      Deserializer<K> keys,
      Deserializer<V> values,
      Duration timeout) {
    List<ConsumerRecord<K, V>> out = new ArrayList<>();
    try (KafkaConsumer<K, V> consumer =
        new KafkaConsumer<>(config(bootstrapServers), keys, values)) {
      List<TopicPartition> partitions = assignFromBeginning(consumer, topic);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))
          && System.nanoTime() < deadline) {
        consumer.poll(POLL).forEach(out::add);
      }
    }
    return out;
  }

  private static Map<String, Object> config(String bootstrapServers) {
    return Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
        bootstrapServers,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
        "read_committed",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
        false);
  }

  private static List<TopicPartition> assignFromBeginning(
      KafkaConsumer<?, ?> consumer, String topic) {
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    return partitions;
  }

  private static boolean atEnd(KafkaConsumer<?, ?> consumer, List<TopicPartition> partitions) {
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
    return partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
  }
}
