package almacen.replay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The only kind of consumer replay uses: no group, no commits, read_committed — safe on production.
 */
final class ReadOnlyConsumer {

  private ReadOnlyConsumer() {}

  /** How long the first contact may take before the broker is reported unreachable. */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  /**
   * A consumer that has reached the cluster: asks for the topic list once, within {@link
   * #CONNECT_TIMEOUT}, so an unreachable broker is one {@link BrokerUnreachableException} instead
   * of minutes of retries.
   */
  static KafkaConsumer<byte[], byte[]> create(
      String bootstrap, String clientId, int maxPollRecords) {
    KafkaConsumer<byte[], byte[]> consumer;
    try {
      consumer = unchecked(bootstrap, clientId, maxPollRecords);
    } catch (KafkaException e) {
      // e.g. no resolvable bootstrap address
      throw new BrokerUnreachableException(bootstrap, rootMessage(e));
    }
    try {
      consumer.listTopics(CONNECT_TIMEOUT);
      return consumer;
    } catch (TimeoutException e) {
      consumer.close(Duration.ZERO);
      throw new BrokerUnreachableException(
          bootstrap, "no answer within " + CONNECT_TIMEOUT.toSeconds() + " s");
    } catch (RuntimeException e) {
      consumer.close(Duration.ZERO);
      throw e;
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  private static KafkaConsumer<byte[], byte[]> unchecked(
      String bootstrap, String clientId, int maxPollRecords) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
    p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 16 * 1024 * 1024);
    p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    // a broker that goes away mid-read fails the read within seconds, not the client's default
    // minute
    p.put(ConsumerConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, 5_000);
    p.put(ConsumerConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, 5_000);
    return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  /**
   * What a read covers: every partition of the topics, from its first to its end offset at the
   * start.
   */
  record Snapshot(
      List<TopicPartition> partitions,
      Map<TopicPartition, Long> begin,
      Map<TopicPartition, Long> end,
      long total) {}

  /**
   * Assigns every partition of {@code topics}, seeks to the beginning and takes the end offsets
   * now.
   */
  static Snapshot assignFromBeginning(KafkaConsumer<byte[], byte[]> consumer, List<String> topics) {
    List<TopicPartition> partitions = partitions(consumer, topics);
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    Map<TopicPartition, Long> end =
        new HashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(30)));
    Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, Duration.ofSeconds(30));
    long total = 0;
    for (TopicPartition tp : partitions) {
      total += end.get(tp) - begin.get(tp);
    }
    return new Snapshot(partitions, begin, end, total);
  }

  /** Every partition of {@code topics}; a missing topic is an error, not an empty answer. */
  static List<TopicPartition> partitions(
      KafkaConsumer<byte[], byte[]> consumer, List<String> topics) {
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : topics) {
      List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
      if (infos == null || infos.isEmpty()) {
        throw new IllegalStateException("Topic " + topic + " does not exist on the cluster");
      }
      infos.forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
    }
    return partitions;
  }
}
