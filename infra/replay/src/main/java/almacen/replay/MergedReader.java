package almacen.replay;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads several topics from the beginning to their current end and hands records over in record
 * timestamp order across all partitions (offset order within one), as Kafka Streams picks its next
 * record. A k-way merge with a small buffer per partition: memory stays bounded however large the
 * topics are. Plain consumer, no group, read_committed.
 *
 * <p>With {@code readAhead}, the consumer (fetch, decompression, record parsing) and the merge run
 * on a thread of their own and hand the merged records over in chunks, in the same order, so the
 * calling thread only applies them: the rules are single-threaded by nature, the reading is not.
 */
final class MergedReader implements AutoCloseable {

  private static final int BUFFER_PER_PARTITION = 2000;
  // read ahead: records per chunk handed over, and chunks in flight (a few ms of records: they die
  // young, as they do without the hand-over)
  private static final int CHUNK = 1000;
  private static final int CHUNKS_AHEAD = 4;
  private static final List<ConsumerRecord<byte[], byte[]>> END = List.of();
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final PrintStream err;
  private final boolean quiet;
  private final boolean readAhead;

  MergedReader(String bootstrap, PrintStream err, boolean quiet) {
    this(bootstrap, err, quiet, false);
  }

  /**
   * @param readAhead read and merge on a thread of its own, the sink on the calling thread
   */
  MergedReader(String bootstrap, PrintStream err, boolean quiet, boolean readAhead) {
    this.consumer = ReadOnlyConsumer.create(bootstrap, "almacen-replay-merge", 2000);
    this.err = err;
    this.quiet = quiet;
    this.readAhead = readAhead;
  }

  /**
   * Hands every record of {@code topics} to {@code sink}, merged, on the calling thread; returns
   * how many.
   */
  long readMerged(List<String> topics, Consumer<ConsumerRecord<byte[], byte[]>> sink) {
    ReadOnlyConsumer.Snapshot snapshot = ReadOnlyConsumer.assignFromBeginning(consumer, topics);
    Progress progress = new Progress(err, quiet, "sources", snapshot.total());
    if (readAhead) {
      readAhead(snapshot, sink, progress);
    } else {
      merge(
          snapshot,
          record -> {
            sink.accept(record);
            progress.advance(1);
          });
    }
    progress.finish();
    return progress.done();
  }

  private void readAhead(
      ReadOnlyConsumer.Snapshot snapshot,
      Consumer<ConsumerRecord<byte[], byte[]>> sink,
      Progress progress) {
    BlockingQueue<List<ConsumerRecord<byte[], byte[]>>> chunks =
        new ArrayBlockingQueue<>(CHUNKS_AHEAD);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread reader = new Thread(() -> readInto(snapshot, chunks, failure), "almacen-replay-reader");
    reader.setDaemon(true);
    reader.start();
    try {
      for (List<ConsumerRecord<byte[], byte[]>> chunk = take(chunks);
          chunk != END;
          chunk = take(chunks)) {
        for (ConsumerRecord<byte[], byte[]> record : chunk) {
          sink.accept(record);
        }
        progress.advance(chunk.size());
      }
    } finally {
      // the sink failed, or the reader is done: either way it must not be left blocked
      reader.interrupt();
      joinQuietly(reader);
    }
    Throwable failed = failure.get();
    if (failed instanceof RuntimeException e) {
      throw e;
    }
    if (failed instanceof Error e) {
      throw e;
    }
    if (failed != null) {
      throw new IllegalStateException("Reading the topics failed", failed);
    }
  }

  /** The reader thread: the merge, in chunks, then {@link #END} (also after a failure). */
  private void readInto(
      ReadOnlyConsumer.Snapshot snapshot,
      BlockingQueue<List<ConsumerRecord<byte[], byte[]>>> chunks,
      AtomicReference<Throwable> failure) {
    try {
      Chunker chunker = new Chunker(chunks);
      merge(snapshot, chunker);
      chunker.flush();
    } catch (HandOverInterrupted e) {
      return; // the applying side stopped: nobody waits for the end
    } catch (RuntimeException | Error e) {
      failure.set(e);
    }
    try {
      chunks.put(END);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void put(
      BlockingQueue<List<ConsumerRecord<byte[], byte[]>>> chunks,
      List<ConsumerRecord<byte[], byte[]>> chunk) {
    try {
      chunks.put(chunk);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HandOverInterrupted();
    }
  }

  private static List<ConsumerRecord<byte[], byte[]>> take(
      BlockingQueue<List<ConsumerRecord<byte[], byte[]>>> chunks) {
    try {
      return chunks.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while replaying", e);
    }
  }

  private static void joinQuietly(Thread reader) {
    try {
      reader.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Collects merged records into chunks and hands each full one over. */
  private static final class Chunker implements Consumer<ConsumerRecord<byte[], byte[]>> {
    private final BlockingQueue<List<ConsumerRecord<byte[], byte[]>>> chunks;
    private List<ConsumerRecord<byte[], byte[]>> chunk = new ArrayList<>(CHUNK);

    Chunker(BlockingQueue<List<ConsumerRecord<byte[], byte[]>>> chunks) {
      this.chunks = chunks;
    }

    @Override
    public void accept(ConsumerRecord<byte[], byte[]> record) {
      chunk.add(record);
      if (chunk.size() == CHUNK) {
        flush();
      }
    }

    void flush() {
      if (!chunk.isEmpty()) {
        put(chunks, chunk);
        chunk = new ArrayList<>(CHUNK);
      }
    }
  }

  /** The reader thread was interrupted while handing over a chunk: the read stops. */
  private static final class HandOverInterrupted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    HandOverInterrupted() {
      super(null, null, false, false);
    }
  }

  /** The k-way merge: every record of the snapshot to {@code sink}, in order. */
  private void merge(
      ReadOnlyConsumer.Snapshot snapshot, Consumer<ConsumerRecord<byte[], byte[]>> sink) {
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
      if (next.records.isEmpty() && consumer.position(next.partition) >= next.end) {
        open.remove(next);
      }
    }
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
