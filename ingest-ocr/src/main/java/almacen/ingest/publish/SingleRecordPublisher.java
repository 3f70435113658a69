package almacen.ingest.publish;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes of one record skip the transaction: for a single record, the idempotent producer's {@code
 * acks=all} acknowledgement already is the commit (the record is in every in-sync replica's log and
 * visible to read_committed readers, alone, so all-or-nothing holds trivially). A till rush is made
 * of such writes; they now pipeline in the producer's batches instead of waiting for one
 * transaction at a time, each a few broker round trips that the group commit could only amortise
 * over the requests already waiting (~500 single sales/s on this machine, docs/performance.md).
 * Writes of several records keep the transactional {@code multi} publisher.
 *
 * <p>A write not acknowledged within the timeout answers 503 and may still land later; its id makes
 * the client's retry harmless (ingest and stream-inventory count an id once).
 */
public final class SingleRecordPublisher implements EventPublisher, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SingleRecordPublisher.class);

  private final Supplier<Producer<String, byte[]>> factory;
  private final EventPublisher multi;
  private final Duration timeout;
  private final Clock clock;
  private volatile Producer<String, byte[]> producer;

  /**
   * @param factory creates an idempotent, non-transactional producer with {@code acks=all}
   * @param multi publishes writes of more than one record, in one transaction
   */
  public SingleRecordPublisher(
      Supplier<Producer<String, byte[]>> factory,
      EventPublisher multi,
      Duration timeout,
      Clock clock) {
    this.factory = factory;
    this.multi = multi;
    this.timeout = timeout;
    this.clock = clock;
  }

  @Override
  public void publish(List<OutgoingEvent<?>> events) {
    if (events.size() != 1) {
      multi.publish(events);
      return;
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    var record = PublishedRecords.of(events.get(0), clock);
    Producer<String, byte[]> p = producer();
    try {
      Future<RecordMetadata> ack = p.send(record);
      ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof RetriableException)) {
        discard(p);
      }
      throw new BrokerUnavailableException(
          "The broker did not acknowledge the write: " + e.getCause(), e);
    } catch (TimeoutException e) {
      throw new BrokerUnavailableException("The broker did not acknowledge the write in time", e);
    } catch (KafkaException e) {
      discard(p);
      throw new BrokerUnavailableException("Cannot reach the broker: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BrokerUnavailableException("Interrupted while publishing", e);
    }
  }

  private Producer<String, byte[]> producer() {
    Producer<String, byte[]> p = producer;
    if (p == null) {
      synchronized (this) {
        p = producer;
        if (p == null) {
          p = factory.get();
          producer = p;
        }
      }
    }
    return p;
  }

  /** Replaces a producer that failed for good; requests still in it fail and answer 503. */
  private synchronized void discard(Producer<String, byte[]> failed) {
    if (producer == failed) {
      producer = null;
      try {
        failed.close(Duration.ZERO);
      } catch (KafkaException e) {
        log.warn("Closing a failed producer: {}", e.toString());
      }
    }
  }

  @Override
  public synchronized void close() {
    if (producer != null) {
      producer.close(Duration.ofSeconds(5));
      producer = null;
    }
  }
}
