package almacen.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import almacen.domain.Decimals;
import almacen.events.InflationMonth;
import almacen.schemas.Topics;
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
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KafkaEventPublisherTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-10-20T15:00:00Z"), ZoneOffset.UTC);
  private final Topics topics = Topics.defaults();
  private final List<MockProducer<String, byte[]>> created = new ArrayList<>();
  private final KafkaEventPublisher publisher = new KafkaEventPublisher(() -> {
    MockProducer<String, byte[]> p = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    created.add(p);
    return p;
  }, Duration.ofSeconds(2), CLOCK);

  @Test
  void shouldSendAllRecordsInOneCommittedTransactionWithHeadersWhenPublishing() {
    // given
    List<OutgoingEvent<?>> events = List.of(
        OutgoingEvent.of(topics.inflationIndex, "2025-08", month("2025-08")),
        OutgoingEvent.at(topics.inflationIndex, "2025-09", month("2025-09"), Instant.parse("2030-01-01T00:00:00Z")));

    // when
    publisher.publish(events);

    // then
    MockProducer<String, byte[]> producer = created.get(0);
    assertThat(producer.transactionInitialized()).isTrue();
    assertThat(producer.transactionCommitted()).isTrue();
    assertThat(producer.history()).extracting(r -> r.key()).containsExactly("2025-08", "2025-09");
    assertThat(new String(producer.history().get(0).headers().lastHeader("event-type").value(),
        StandardCharsets.UTF_8)).isEqualTo("InflationMonth");
    assertThat(producer.history()).extracting(r -> r.timestamp()).containsOnly(CLOCK.millis());
    assertThat(producer.history().get(0).headers().lastHeader("correlation-id")).isNotNull();
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
    // given a broker whose commit takes a while, and a first write in the middle of it
    CountDownLatch committing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<MockProducer<String, byte[]>> slow = new ArrayList<>();
    KafkaEventPublisher grouped = new KafkaEventPublisher(() -> {
      MockProducer<String, byte[]> p = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer()) {
        @Override
        public void commitTransaction() {
          committing.countDown();
          try {
            release.await(5, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          super.commitTransaction();
        }
      };
      slow.add(p);
      return p;
    }, Duration.ofSeconds(5), CLOCK);
    ExecutorService callers = Executors.newFixedThreadPool(4);
    Future<?> first = callers.submit(() -> grouped.publish(topics.inflationIndex, "2025-01", month("2025-01")));
    committing.await(5, TimeUnit.SECONDS);

    // when three more writes arrive while it commits
    List<Future<?>> more = new ArrayList<>();
    for (String m : List.of("2025-02", "2025-03", "2025-04")) {
      more.add(callers.submit(() -> grouped.publish(topics.inflationIndex, m, month(m))));
    }
    while (grouped.queued() < 3) {
      Thread.sleep(5);
    }
    release.countDown();
    first.get(5, TimeUnit.SECONDS);
    for (Future<?> f : more) {
      f.get(5, TimeUnit.SECONDS);
    }
    callers.shutdown();

    // then the first went alone and the three others shared the next transaction
    MockProducer<String, byte[]> producer = slow.get(0);
    assertThat(producer.commitCount()).isEqualTo(2);
    assertThat(producer.history()).extracting(r -> r.key())
        .startsWith("2025-01").containsExactlyInAnyOrder("2025-01", "2025-02", "2025-03", "2025-04");
  }

  @Test
  void shouldFailEveryWriteOfTheBatchWhenItsTransactionFails() throws Exception {
    // given a producer whose next commit fails
    publisher.publish(topics.inflationIndex, "2025-08", month("2025-08"));
    created.get(0).commitTransactionException = new KafkaException("broker gone");

    // when a write is published
    // then it fails as a whole, nothing of it is committed, and the next write uses a fresh producer
    assertThatThrownBy(() -> publisher.publish(List.of(
        OutgoingEvent.of(topics.inflationIndex, "2025-09", month("2025-09")),
        OutgoingEvent.of(topics.inflationIndex, "2025-10", month("2025-10")))))
        .isInstanceOf(BrokerUnavailableException.class).hasMessageContaining("broker gone");
    assertThat(created.get(0).history()).extracting(r -> r.key()).containsExactly("2025-08");
    assertThat(publisher.queued()).isZero();
  }

  private static InflationMonth month(String month) {
    return new InflationMonth(month, Decimals.rate(new BigDecimal("2.1")), "INDEC", CLOCK.instant());
  }
}
