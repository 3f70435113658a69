package almacen.replay;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads several topics from the beginning to their current end and hands records over in record
 * timestamp order across all partitions (offset order within one), as Kafka Streams picks its next
 * record. A k-way merge with a small buffer per partition: memory stays bounded however large the
 * topics are. Plain consumer, no group, read_committed.
 */
final class MergedReader implements AutoCloseable {

  private static final int BUFFER_PER_PARTITION = 2000;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final PrintStream err;
  private final boolean quiet;

  MergedReader(String bootstrap, PrintStream err, boolean quiet) {
    this.consumer = ReadOnlyConsumer.create(bootstrap, "almacen-replay-merge", 2000);
    this.err = err;
    this.quiet = quiet;
  }

  long readMerged(List<String> topics, Consumer<ConsumerRecord<byte[], byte[]>> sink) {
    ReadOnlyConsumer.Snapshot snapshot = ReadOnlyConsumer.assignFromBeginning(consumer, topics);
    List<TopicPartition> partitions = snapshot.partitions();
    Map<TopicPartition, Long> end = snapshot.end();
    Map<TopicPartition, Long> begin = snapshot.begin();
    long total = snapshot.total();
    Map<TopicPartition, ArrayDeque<ConsumerRecord<byte[], byte[]>>> buffers = new HashMap<>();
    List<TopicPartition> open = new ArrayList<>();
    for (TopicPartition tp : partitions) {
      if (end.get(tp) > begin.get(tp)) {
        open.add(tp);
        buffers.put(tp, new ArrayDeque<>());
      }
    }
    Progress progress = new Progress(err, quiet, "sources", total);
    while (!open.isEmpty()) {
      // fill: every open partition needs a head before the smallest can be chosen
      boolean missingHead = open.stream().anyMatch(tp -> buffers.get(tp).isEmpty());
      if (missingHead) {
        List<TopicPartition> full =
            open.stream().filter(tp -> buffers.get(tp).size() >= BUFFER_PER_PARTITION).toList();
        consumer.pause(full);
        consumer.resume(open.stream().filter(tp -> !full.contains(tp)).toList());
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          TopicPartition tp = new TopicPartition(r.topic(), r.partition());
          if (r.offset() < end.get(tp)) {
            buffers.get(tp).add(r);
          }
        }
        for (TopicPartition tp : List.copyOf(open)) {
          if (buffers.get(tp).isEmpty() && consumer.position(tp) >= end.get(tp)) {
            open.remove(tp);
          }
        }
        continue;
      }
      TopicPartition next = null;
      long best = Long.MAX_VALUE;
      for (TopicPartition tp : open) {
        long ts = buffers.get(tp).peek().timestamp();
        if (ts < best) {
          best = ts;
          next = tp;
        }
      }
      sink.accept(buffers.get(next).poll());
      progress.advance(1);
      if (buffers.get(next).isEmpty() && consumer.position(next) >= end.get(next)) {
        open.remove(next);
      }
    }
    progress.finish();
    return progress.done();
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(5));
  }
}
