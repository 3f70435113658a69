package almacen.ingest.publish;

import almacen.support.observability.Correlation;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's one transactional producer ({@code acks=all}, idempotent). Every call is one
 * transaction, so a batch is all-or-nothing and a single record is acknowledged before the HTTP
 * answer. Calls are serialised (a producer has one open transaction at a time). After any failure
 * the producer is closed and a new one (same transactional.id, which fences and aborts whatever the
 * old one left open) is created on the next call.
 */
public final class KafkaEventPublisher implements EventPublisher, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(KafkaEventPublisher.class);

  private final Supplier<Producer<String, byte[]>> factory;
  private final Duration timeout;
  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private Producer<String, byte[]> producer;

  /**
   * @param factory creates a transactional producer (not yet initialised)
   * @param timeout how long a call may wait for the lock and the acknowledgement
   */
  public KafkaEventPublisher(Supplier<Producer<String, byte[]>> factory, Duration timeout, Clock clock) {
    this.factory = factory;
    this.timeout = timeout;
    this.clock = clock;
  }

  /** Creates and initialises the producer now, so the first request is fast; failures are retried lazily. */
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
    try {
      if (!lock.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new BrokerUnavailableException("Another write is still waiting for the broker", null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BrokerUnavailableException("Interrupted while waiting to publish", e);
    }
    try {
      send(events, deadline);
    } finally {
      lock.unlock();
    }
  }

  private void send(List<OutgoingEvent<?>> events, long deadline) {
    Producer<String, byte[]> p;
    try {
      p = producer();
    } catch (KafkaException e) {
      discard();
      throw new BrokerUnavailableException("Cannot reach the broker: " + e.getMessage(), e);
    }
    try {
      p.beginTransaction();
      List<Future<RecordMetadata>> acks = new ArrayList<>(events.size());
      for (OutgoingEvent<?> event : events) {
        acks.add(p.send(record(event)));
      }
      p.commitTransaction();
      for (Future<RecordMetadata> ack : acks) {
        ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      }
    } catch (SerializationException e) {
      abortOrDiscard(p);
      throw e;
    } catch (KafkaException | ExecutionException | TimeoutException e) {
      log.warn("Publish of {} record(s) failed: {}", events.size(), e.toString());
      discard();
      throw new BrokerUnavailableException("The broker did not acknowledge the write: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      discard();
      throw new BrokerUnavailableException("Interrupted while publishing", e);
    }
  }

  private <V> ProducerRecord<String, byte[]> record(OutgoingEvent<V> event) {
    RecordHeaders headers = new RecordHeaders();
    byte[] value = event.topic().valueSerde().serializer().serialize(event.topic().name(), headers, event.value());
    Correlation.addTo(headers);
    // The record timestamp is the arrival time: Kafka Streams (and the audit replay) apply facts in
    // record-timestamp order, and a late older invoice must take effect when it arrives, not in the
    // past. The business time travels in the payload (soldAt, issueDate, occurredAt).
    return new ProducerRecord<>(event.topic().name(), null, clock.millis(), event.key(), value, headers);
  }

  private Producer<String, byte[]> producer() {
    if (producer == null) {
      Producer<String, byte[]> created = factory.get();
      producer = created;
      created.initTransactions();
    }
    return producer;
  }

  private void abortOrDiscard(Producer<String, byte[]> p) {
    try {
      p.abortTransaction();
    } catch (KafkaException e) {
      log.warn("Abort failed, recreating the producer: {}", e.toString());
      discard();
    }
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
