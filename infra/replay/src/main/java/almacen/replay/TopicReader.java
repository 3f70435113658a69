package almacen.replay;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads topics from the beginning to the end offsets taken when the read starts, with a plain
 * consumer: no group, no commits, read_committed. Safe against a production cluster, streaming
 * (memory bounded by one poll).
 */
final class TopicReader implements AutoCloseable {

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final PrintStream err;
  private final boolean quiet;

  TopicReader(String bootstrap, PrintStream err, boolean quiet) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 16 * 1024 * 1024);
    p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, "almacen-replay");
    this.consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.err = err;
    this.quiet = quiet;
  }

  /** Every record of {@code topics}, partition by partition interleaved as fetched, in offset order per partition. */
  long readAll(List<String> topics, Consumer<ConsumerRecord<byte[], byte[]>> sink) {
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : topics) {
      List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
      if (infos == null || infos.isEmpty()) {
        throw new IllegalStateException("Topic " + topic + " does not exist on the cluster");
      }
      infos.forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(30)));
    Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, Duration.ofSeconds(30));
    long total = 0;
    for (TopicPartition tp : partitions) {
      total += end.get(tp) - begin.get(tp);
    }
    end.entrySet().removeIf(e -> e.getValue() <= begin.get(e.getKey()));
    Progress progress = new Progress(err, quiet, String.join(",", shortNames(topics)), total);
    consumer.pause(partitions.stream().filter(tp -> !end.containsKey(tp)).toList());
    while (!end.isEmpty()) {
      var records = consumer.poll(Duration.ofMillis(500));
      for (ConsumerRecord<byte[], byte[]> record : records) {
        TopicPartition tp = new TopicPartition(record.topic(), record.partition());
        Long stop = end.get(tp);
        if (stop != null && record.offset() < stop) {
          sink.accept(record);
          progress.advance(1);
        }
      }
      // transaction markers occupy offsets too: a partition is done when its position reaches the end
      for (TopicPartition tp : List.copyOf(end.keySet())) {
        if (consumer.position(tp) >= end.get(tp)) {
          end.remove(tp);
          consumer.pause(List.of(tp));
        }
      }
    }
    progress.finish();
    return progress.done();
  }

  private static List<String> shortNames(List<String> topics) {
    return topics.stream().map(t -> t.substring(t.lastIndexOf('.') + 1)).toList();
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(5));
  }
}
