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

  private static InflationMonth month(String month) {
    return new InflationMonth(month, Decimals.rate(new BigDecimal("2.1")), "INDEC", CLOCK.instant());
  }
}
