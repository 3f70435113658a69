package almacen.replay;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

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
    this.consumer = ReadOnlyConsumer.create(bootstrap, "almacen-replay", 5000);
    this.err = err;
    this.quiet = quiet;
  }

  /**
   * Every record of {@code topics}, partition by partition interleaved as fetched, in offset order
   * per partition.
   */
  long readAll(List<String> topics, Consumer<ConsumerRecord<byte[], byte[]>> sink) {
    ReadOnlyConsumer.Snapshot snapshot = ReadOnlyConsumer.assignFromBeginning(consumer, topics);
    List<TopicPartition> partitions = snapshot.partitions();
    Map<TopicPartition, Long> end = snapshot.end();
    Map<TopicPartition, Long> begin = snapshot.begin();
    long total = snapshot.total();
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
      // transaction markers occupy offsets too: a partition is done when its position reaches the
      // end
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

  /** Makes a read running on another thread stop with a WakeupException (thread-safe). */
  void wakeup() {
    consumer.wakeup();
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(5));
  }
}
