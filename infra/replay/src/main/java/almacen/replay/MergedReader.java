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
    Map<TopicPartition, Lane> lanes = new HashMap<>();
    List<Lane> open = new ArrayList<>();
    for (TopicPartition tp : snapshot.partitions()) {
      long end = snapshot.end().get(tp);
      if (end > snapshot.begin().get(tp)) {
        Lane lane = new Lane(tp, end);
        lanes.put(tp, lane);
        open.add(lane);
      }
    }
    Progress progress = new Progress(err, quiet, "sources", snapshot.total());
    while (!open.isEmpty()) {
      if (anyEmpty(open)) {
        // fill: every open partition needs a head before the smallest can be chosen
        fill(open, lanes);
        continue;
      }
      Lane next = open.get(0);
      for (int i = 1; i < open.size(); i++) {
        Lane lane = open.get(i);
        if (lane.records.peek().timestamp() < next.records.peek().timestamp()) {
          next = lane;
        }
      }
      sink.accept(next.records.poll());
      progress.advance(1);
      if (next.records.isEmpty() && consumer.position(next.partition) >= next.end) {
        open.remove(next);
      }
    }
    progress.finish();
    return progress.done();
  }

  private void fill(List<Lane> open, Map<TopicPartition, Lane> lanes) {
    List<TopicPartition> full = new ArrayList<>();
    List<TopicPartition> wanting = new ArrayList<>();
    for (Lane lane : open) {
      (lane.records.size() >= BUFFER_PER_PARTITION ? full : wanting).add(lane.partition);
    }
    consumer.pause(full);
    consumer.resume(wanting);
    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
      Lane lane = lanes.get(new TopicPartition(r.topic(), r.partition()));
      if (r.offset() < lane.end) {
        lane.records.add(r);
      }
    }
    open.removeIf(lane -> lane.records.isEmpty() && consumer.position(lane.partition) >= lane.end);
  }

  private static boolean anyEmpty(List<Lane> open) {
    for (Lane lane : open) {
      if (lane.records.isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /** One partition being merged: its buffered records and the offset where the read ends. */
  private static final class Lane {
    final TopicPartition partition;
    final long end;
    final ArrayDeque<ConsumerRecord<byte[], byte[]>> records = new ArrayDeque<>();

    Lane(TopicPartition partition, long end) {
      this.partition = partition;
      this.end = end;
    }
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(5));
  }
}
