package almacen.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import almacen.domain.Decimals;
import almacen.events.InflationMonth;
import almacen.schemas.Topics;
import almacen.support.observability.Correlation;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class KafkaEventPublisherTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2025-10-20T15:00:00Z"), ZoneOffset.UTC);
  private final Topics topics = Topics.defaults();
  private final List<MockProducer<String, byte[]>> created = new ArrayList<>();
  private final KafkaEventPublisher publisher =
      new KafkaEventPublisher(
          () -> {
            MockProducer<String, byte[]> p =
                new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
            created.add(p);
            return p;
          },
          Duration.ofSeconds(2),
          CLOCK);

  @Test
  void shouldSendAllRecordsInOneCommittedTransactionWithHeadersWhenPublishing() {
    // given a request whose correlation id is known
    MDC.put(Correlation.MDC_KEY, "req-42");
    List<OutgoingEvent<?>> events =
        List.of(
            OutgoingEvent.of(topics.inflationIndex, "2025-08", month("2025-08")),
            OutgoingEvent.at(
                topics.inflationIndex,
                "2025-09",
                month("2025-09"),
                Instant.parse("2030-01-01T00:00:00Z")));

    // when
    try {
      publisher.publish(events);
    } finally {
      MDC.remove(Correlation.MDC_KEY);
    }

    // then
    MockProducer<String, byte[]> producer = created.get(0);
    assertThat(producer.transactionInitialized()).isTrue();
    assertThat(producer.transactionCommitted()).isTrue();
    assertThat(producer.history()).extracting(r -> r.key()).containsExactly("2025-08", "2025-09");
    assertThat(
            new String(
                producer.history().get(0).headers().lastHeader("event-type").value(),
                StandardCharsets.UTF_8))
        .isEqualTo("InflationMonth");
    assertThat(producer.history()).extracting(r -> r.timestamp()).containsOnly(CLOCK.millis());
    assertThat(producer.history())
        .extracting(r -> Correlation.from(r.headers()))
        .containsOnly("req-42");
  }

  @Test
  void shouldThrowBrokerUnavailableAndRecreateProducerWhenCommitFails() {
    // given
    publisher.publish(topics.inflationIndex, "2025-08", month("2025-08"));
    created.get(0).commitTransactionException = new KafkaException("broker gone");

    // when / then
    assertThatThrownBy(() -> publisher.publish(topics.inflationIndex, "2025-09", month("2025-09")))
        .isInstanceOf(BrokerUnavailableException.class);
    assertThat(created.get(0).closed()).isTrue();
    publisher.publish(topics.inflationIndex, "2025-09", month("2025-09"));
    assertThat(created).hasSize(2);
    assertThat(created.get(1).history()).hasSize(1);
  }

  @Test
  void shouldCommitWritesOfConcurrentCallersTogetherWhenTheyArriveDuringACommit() throws Exception {
    // given a broker whose first commit waits, and a first write in the middle of it
    SlowBroker slow = new SlowBroker();
    KafkaEventPublisher grouped =
        slow.publisher(Duration.ofSeconds(5), KafkaEventPublisher.MAX_BATCH_RECORDS);
    ExecutorService callers = Executors.newFixedThreadPool(4);
    try {
      Future<?> first =
          callers.submit(() -> grouped.publish(topics.inflationIndex, "2025-01", month("2025-01")));
      assertThat(slow.committing.await(5, TimeUnit.SECONDS)).isTrue();

      // when three more writes arrive while it commits
      List<Future<?>> more = new ArrayList<>();
      for (String m : List.of("2025-02", "2025-03", "2025-04")) {
        more.add(callers.submit(() -> grouped.publish(topics.inflationIndex, m, month(m))));
      }
      await("three writes queued").atMost(Duration.ofSeconds(5)).until(() -> grouped.queued() == 3);
      slow.release.countDown();
      first.get(5, TimeUnit.SECONDS);
      for (Future<?> f : more) {
        f.get(5, TimeUnit.SECONDS);
      }

      // then the first went alone and the three others shared the next transaction
      MockProducer<String, byte[]> producer = slow.producers.get(0);
      assertThat(producer.commitCount()).isEqualTo(2);
      assertThat(producer.history())
          .extracting(r -> r.key())
          .startsWith("2025-01")
          .containsExactlyInAnyOrder("2025-01", "2025-02", "2025-03", "2025-04");
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void shouldFailEveryWriteOfTheBatchWhenItsTransactionFails() throws Exception {
    // given a producer whose next commit fails
    publisher.publish(topics.inflationIndex, "2025-08", month("2025-08"));
    created.get(0).commitTransactionException = new KafkaException("broker gone");

    // when a write is published
    // then it fails as a whole, nothing of it is committed, and the next write uses a fresh
    // producer
    assertThatThrownBy(
            () ->
                publisher.publish(
                    List.of(
                        OutgoingEvent.of(topics.inflationIndex, "2025-09", month("2025-09")),
                        OutgoingEvent.of(topics.inflationIndex, "2025-10", month("2025-10")))))
        .isInstanceOf(BrokerUnavailableException.class)
        .hasMessageContaining("broker gone");
    assertThat(created.get(0).history()).extracting(r -> r.key()).containsExactly("2025-08");
    assertThat(publisher.queued()).isZero();
  }

  @Test
  void shouldNotAnswerACallerBeforeItsOwnWriteCommitsWhenTheBatchItSentHeldOnlyOthersRecords()
      throws Exception {
    // given batches capped at 2 records, a first transaction still committing,
    // and a 2-record write queued ahead by a caller that has not reached the lock yet
    SlowBroker slow = new SlowBroker();
    KafkaEventPublisher capped = slow.publisher(Duration.ofSeconds(5), 2);
    CountDownLatch committing = slow.committing;
    CountDownLatch release = slow.release;
    ExecutorService callers = Executors.newFixedThreadPool(2);
    Future<?> first =
        callers.submit(() -> capped.publish(topics.inflationIndex, "2025-01", month("2025-01")));
    assertThat(committing.await(5, TimeUnit.SECONDS)).isTrue();
    KafkaEventPublisher.Write ahead = capped.enqueue(List.of(raw("ahead-1"), raw("ahead-2")));

    // when a caller publishes one record and becomes the lock holder: its first batch is the write
    // ahead of it
    Future<?> caller =
        callers.submit(() -> capped.publish(topics.inflationIndex, "2025-02", month("2025-02")));
    release.countDown();
    first.get(5, TimeUnit.SECONDS);
    caller.get(5, TimeUnit.SECONDS);

    // then by the time it is answered its own record is in a committed transaction of its own
    MockProducer<String, byte[]> producer = slow.producers.get(0);
    assertThat(producer.history())
        .extracting(r -> r.key())
        .containsExactly("2025-01", "ahead-1", "ahead-2", "2025-02");
    assertThat(producer.commitCount()).isEqualTo(3);
    assertThat(ahead.outcome).isCompletedWithValue(null);
    callers.shutdown();
  }

  @Test
  void shouldWaitForTheBatchHoldingItsWriteWhenTheLockWaitTimesOut() throws Exception {
    // given a write queued before a lock holder whose commit outlasts the caller's own timeout
    SlowBroker slow = new SlowBroker();
    KafkaEventPublisher shortTimeout = slow.publisher(Duration.ofMillis(200), 100);
    CountDownLatch committing = slow.committing;
    CountDownLatch release = slow.release;
    KafkaEventPublisher.Write mine = shortTimeout.enqueue(List.of(raw("mine")));
    ExecutorService callers = Executors.newFixedThreadPool(2);
    Future<?> holder =
        callers.submit(
            () -> shortTimeout.publish(topics.inflationIndex, "2025-01", month("2025-01")));
    assertThat(committing.await(5, TimeUnit.SECONDS)).isTrue();

    // when the caller's lock wait runs out while its write is inside the holder's transaction
    Future<?> waiting = callers.submit(() -> shortTimeout.awaitCommitted(mine, System.nanoTime()));
    await("still waiting past its own 200 ms")
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(2))
        .until(() -> !waiting.isDone());
    release.countDown();

    // then it answers with the outcome of that transaction (committed), not a 503 for a write that
    // lands
    waiting.get(5, TimeUnit.SECONDS);
    holder.get(5, TimeUnit.SECONDS);
    assertThat(slow.producers.get(0).history())
        .extracting(r -> r.key())
        .containsExactly("mine", "2025-01");
    assertThat(mine.outcome).isCompletedWithValue(null);
    callers.shutdown();
  }

  @Test
  void shouldRefuseWithoutSendingWhenTheLockIsNotFreeInTime() throws Exception {
    // given a lock holder stuck in a commit longer than the caller's timeout
    SlowBroker slow = new SlowBroker();
    KafkaEventPublisher shortTimeout = slow.publisher(Duration.ofMillis(200), 100);
    CountDownLatch committing = slow.committing;
    CountDownLatch release = slow.release;
    ExecutorService callers = Executors.newFixedThreadPool(1);
    Future<?> holder =
        callers.submit(
            () -> shortTimeout.publish(topics.inflationIndex, "2025-01", month("2025-01")));
    assertThat(committing.await(5, TimeUnit.SECONDS)).isTrue();

    // when another write cannot get the lock within its timeout
    // then it is refused, and nothing of it is ever sent
    assertThatThrownBy(
            () -> shortTimeout.publish(topics.inflationIndex, "2025-02", month("2025-02")))
        .isInstanceOf(BrokerUnavailableException.class);
    release.countDown();
    holder.get(5, TimeUnit.SECONDS);
    assertThat(shortTimeout.queued()).isZero();
    assertThat(slow.producers.get(0).history()).extracting(r -> r.key()).containsExactly("2025-01");
    callers.shutdown();
  }

  /**
   * Producers whose commits wait until {@code release}; {@code committing} opens at the first
   * commit.
   */
  private static final class SlowBroker {
    final CountDownLatch committing = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final List<MockProducer<String, byte[]>> producers = new ArrayList<>();

    KafkaEventPublisher publisher(Duration timeout, int maxBatchRecords) {
      return new KafkaEventPublisher(
          () -> {
            MockProducer<String, byte[]> p = blockingFirstCommit(committing, release);
            producers.add(p);
            return p;
          },
          timeout,
          CLOCK,
          maxBatchRecords);
    }
  }

  private static MockProducer<String, byte[]> blockingFirstCommit(
      CountDownLatch committing, CountDownLatch release) {
    return new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer()) {
      @Override
      public void commitTransaction() {
        committing.countDown();
        try {
          assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new KafkaException("interrupted", e);
        }
        super.commitTransaction();
      }
    };
  }

  private static ProducerRecord<String, byte[]> raw(String key) {
    return new ProducerRecord<>("almacen.inflation-index", key, new byte[] {1});
  }

  private static InflationMonth month(String month) {
    return new InflationMonth(
        month, Decimals.rate(new BigDecimal("2.1")), "INDEC", CLOCK.instant());
  }
}
