package almacen.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import almacen.domain.Decimals;
import almacen.events.InflationMonth;
import almacen.schemas.Topics;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class SingleRecordPublisherTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2025-10-20T15:00:00Z"), ZoneOffset.UTC);
  private final Topics topics = Topics.defaults();
  private final RecordingPublisher multi = new RecordingPublisher();
  private final List<MockProducer<String, byte[]>> created = new CopyOnWriteArrayList<>();

  private SingleRecordPublisher publisher(boolean autoComplete, Duration timeout) {
    return new SingleRecordPublisher(
        () -> {
          MockProducer<String, byte[]> p =
              new MockProducer<>(
                  autoComplete, null, new StringSerializer(), new ByteArraySerializer());
          created.add(p);
          return p;
        },
        multi,
        timeout,
        CLOCK);
  }

  @Test
  void shouldSendOneRecordWithoutTransactionWhenOneEventIsPublished() {
    // given
    SingleRecordPublisher publisher = publisher(true, Duration.ofSeconds(2));

    // when
    publisher.publish(topics.inflationIndex, "2025-09", month("2025-09"));

    // then
    MockProducer<String, byte[]> producer = created.get(0);
    assertThat(producer.transactionInitialized()).isFalse();
    assertThat(producer.history()).extracting(r -> r.key()).containsExactly("2025-09");
    assertThat(producer.history().get(0).timestamp()).isEqualTo(CLOCK.millis());
    assertThat(producer.history().get(0).headers().lastHeader("event-type")).isNotNull();
    assertThat(multi.calls()).isEmpty();
  }

  @Test
  void shouldHandTheWriteToTheTransactionalPublisherWhenItHasSeveralRecords() {
    // given
    SingleRecordPublisher publisher = publisher(true, Duration.ofSeconds(2));
    List<OutgoingEvent<?>> events =
        List.of(
            OutgoingEvent.of(topics.inflationIndex, "2025-08", month("2025-08")),
            OutgoingEvent.of(topics.inflationIndex, "2025-09", month("2025-09")));

    // when
    publisher.publish(events);

    // then
    assertThat(multi.calls()).containsExactly(events);
    assertThat(created).isEmpty();
  }

  @Test
  void shouldAnswerUnavailableAndUseANewProducerWhenTheBrokerRefusesTheRecordForGood() {
    // given: the broker answers the first send with a non-retriable error
    SingleRecordPublisher publisher = publisher(false, Duration.ofSeconds(5));
    CompletableFuture<Void> broker =
        CompletableFuture.runAsync(
            () -> {
              await().until(() -> !created.isEmpty() && created.get(0).history().size() == 1);
              created.get(0).errorNext(new AuthorizationException("denied"));
            });

    // when / then
    assertThatThrownBy(() -> publisher.publish(topics.inflationIndex, "k1", month("2025-09")))
        .isInstanceOf(BrokerUnavailableException.class)
        .hasMessageContaining("denied");
    broker.join();
    assertThat(created.get(0).closed()).isTrue();

    // and the next write gets a new producer
    CompletableFuture<Void> next =
        CompletableFuture.runAsync(
            () -> {
              await().until(() -> created.size() == 2 && created.get(1).history().size() == 1);
              created.get(1).completeNext();
            });
    publisher.publish(topics.inflationIndex, "k2", month("2025-09"));
    next.join();
    assertThat(created.get(1).history()).extracting(r -> r.key()).containsExactly("k2");
  }

  @Test
  void shouldAnswerUnavailableButKeepTheProducerWhenNoAcknowledgementComesInTime() {
    // given: a broker that never answers
    SingleRecordPublisher publisher = publisher(false, Duration.ofMillis(200));

    // when / then
    assertThatThrownBy(() -> publisher.publish(topics.inflationIndex, "k1", month("2025-09")))
        .isInstanceOf(BrokerUnavailableException.class)
        .hasMessageContaining("in time");
    assertThat(created).hasSize(1);
    assertThat(created.get(0).closed()).isFalse();
  }

  private static InflationMonth month(String month) {
    return new InflationMonth(
        month, Decimals.rate(new BigDecimal("2.1")), "INDEC", CLOCK.instant());
  }
}
