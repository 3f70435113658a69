package almacen.ingest.publish;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's one transactional producer ({@code acks=all}, idempotent). A call's records are
 * committed in one transaction, all-or-nothing, and acknowledged before the HTTP answer. Calls that
 * arrive while a transaction is committing are committed together in the next one (group commit; a
 * producer has one open transaction at a time). After any failure the producer is closed and a new
 * one (same transactional.id, which fences and aborts whatever the old one left open) is created on
 * the next call.
 */
public final class KafkaEventPublisher implements EventPublisher, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(KafkaEventPublisher.class);

  /** At most this many records per transaction (a batch never splits one caller's write). */
  static final int MAX_BATCH_RECORDS = 2_000;

  /** Extra wait for a batch that another caller is sending, beyond its own deadline. */
  private static final Duration BATCH_GRACE = Duration.ofSeconds(5);

  private final Supplier<Producer<String, byte[]>> factory;
  private final Duration timeout;
  private final Clock clock;
  private final int maxBatchRecords;
  private final ReentrantLock lock = new ReentrantLock();
  private final Queue<Write> queue = new ConcurrentLinkedQueue<>();
  private Producer<String, byte[]> producer;

  /**
   * @param factory creates a transactional producer (not yet initialised)
   * @param timeout how long a call may wait for the lock and the acknowledgement
   */
  public KafkaEventPublisher(
      Supplier<Producer<String, byte[]>> factory, Duration timeout, Clock clock) {
    this(factory, timeout, clock, MAX_BATCH_RECORDS);
  }

  KafkaEventPublisher(
      Supplier<Producer<String, byte[]>> factory,
      Duration timeout,
      Clock clock,
      int maxBatchRecords) {
    this.factory = factory;
    this.timeout = timeout;
    this.clock = clock;
    this.maxBatchRecords = maxBatchRecords;
  }

  /**
   * Creates and initialises the producer now, so the first request is fast; failures are retried
   * lazily.
   */
  public void warmUp() {
    lock.lock();
    try {
      producer();
    } catch (KafkaException e) {
      log.warn("Producer not ready yet, will retry on first publish: {}", e.getMessage());
      discard();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void publish(List<OutgoingEvent<?>> events) {
    if (events.isEmpty()) {
      return;
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    // built on the caller's thread: serialization errors are the caller's, and so is the
    // correlation id
    List<ProducerRecord<String, byte[]>> records = new ArrayList<>(events.size());
    for (OutgoingEvent<?> event : events) {
      records.add(PublishedRecords.of(event, clock));
    }
    awaitCommitted(enqueue(records), deadline);
  }

  /**
   * Queues one caller's records for the next transaction; the caller must then {@link
   * #awaitCommitted}.
   */
  Write enqueue(List<ProducerRecord<String, byte[]>> records) {
    Write write = new Write(records);
    queue.add(write);
    return write;
  }

  /**
   * Returns only once the transaction holding {@code write} has committed, or throws {@link
   * BrokerUnavailableException} when it failed or never left the queue in time. The lock holder
   * keeps sending batches until its own write is in a committed one: a batch is capped at {@link
   * #maxBatchRecords}, so the head of the queue may be somebody else's records.
   */
  void awaitCommitted(Write write, long deadline) {
    try {
      while (!write.outcome.isDone()) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0 || !lock.tryLock(remaining, TimeUnit.NANOSECONDS)) {
          if (queue.remove(write)) {
            throw new BrokerUnavailableException(
                "Other writes are still waiting for the broker", null);
          }
          // another caller's batch has taken this write: its transaction decides, wait for that
          awaitBatchOutcome(write);
          break;
        }
        try {
          while (!write.outcome.isDone()) {
            sendPending(deadline);
          }
        } finally {
          lock.unlock();
        }
      }
    } catch (InterruptedException e) {
      queue.remove(write);
      Thread.currentThread().interrupt();
      throw new BrokerUnavailableException("Interrupted while waiting to publish", e);
    }
    BrokerUnavailableException failure = write.outcome.getNow(null);
    if (failure != null) {
      throw new BrokerUnavailableException(failure.getMessage(), failure);
    }
  }

  /**
   * The batch sender is itself bounded by its deadline and the producer's timeouts; allow it that
   * long again.
   */
  private void awaitBatchOutcome(Write write) throws InterruptedException {
    try {
      write.outcome.get(timeout.toNanos() + BATCH_GRACE.toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("A write outcome is never completed exceptionally", e);
    } catch (TimeoutException e) {
      throw new BrokerUnavailableException("The broker did not confirm the write in time", e);
    }
  }

  /**
   * Group commit: whoever holds the lock sends the writes queued so far (its own and those of the
   * requests that arrived while the previous transaction was committing), up to {@link
   * #maxBatchRecords}, in one transaction, so a busy till pays one commit per batch instead of one
   * per sale. All-or-nothing for the whole batch: on a failure every write in it fails, and each
   * caller answers 503 (a retry is safe: ids are idempotent).
   */
  private void sendPending(long deadline) {
    List<Write> batch = new ArrayList<>();
    int records = 0;
    for (Write w = queue.peek();
        w != null && (batch.isEmpty() || records + w.records.size() <= maxBatchRecords);
        w = queue.peek()) {
      queue.poll();
      batch.add(w);
      records += w.records.size();
    }
    BrokerUnavailableException failure = null;
    try {
      send(batch, records, deadline);
    } catch (BrokerUnavailableException e) {
      failure = e;
    }
    for (Write w : batch) {
      w.outcome.complete(failure);
    }
  }

  private void send(List<Write> batch, int size, long deadline) {
    Producer<String, byte[]> p;
    try {
      p = producer();
    } catch (KafkaException e) {
      discard();
      throw new BrokerUnavailableException("Cannot reach the broker: " + e.getMessage(), e);
    }
    try {
      p.beginTransaction();
      List<Future<RecordMetadata>> acks = new ArrayList<>(size);
      for (Write write : batch) {
        for (ProducerRecord<String, byte[]> record : write.records) {
          acks.add(p.send(record));
        }
      }
      p.commitTransaction();
      for (Future<RecordMetadata> ack : acks) {
        ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      }
    } catch (KafkaException | ExecutionException | TimeoutException e) {
      log.warn(
          "Publish of {} record(s) in {} write(s) failed: {}", size, batch.size(), e.toString());
      discard();
      throw new BrokerUnavailableException(
          "The broker did not acknowledge the write: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      discard();
      throw new BrokerUnavailableException("Interrupted while publishing", e);
    }
  }

  /** Writes waiting for the next transaction (for tests and diagnostics). */
  int queued() {
    return queue.size();
  }

  /**
   * One caller's records; the outcome is null once committed, or the failure of its transaction.
   */
  static final class Write {
    final List<ProducerRecord<String, byte[]>> records;
    final CompletableFuture<BrokerUnavailableException> outcome = new CompletableFuture<>();

    Write(List<ProducerRecord<String, byte[]>> records) {
      this.records = records;
    }
  }

  private Producer<String, byte[]> producer() {
    if (producer == null) {
      Producer<String, byte[]> created = factory.get();
      producer = created;
      created.initTransactions();
    }
    return producer;
  }

  private void discard() {
    if (producer != null) {
      Producer<String, byte[]> old = producer;
      producer = null;
      try {
        old.close(Duration.ZERO);
      } catch (KafkaException e) {
        log.warn("Closing a failed producer: {}", e.toString());
      }
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      if (producer != null) {
        producer.close(Duration.ofSeconds(5));
        producer = null;
      }
    } finally {
      lock.unlock();
    }
  }
}
