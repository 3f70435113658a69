package almacen.pricing;

import static almacen.pricing.TestEvents.invoiceA;
import static almacen.pricing.TestEvents.line;
import static almacen.pricing.TestEvents.month;
import static almacen.pricing.TestEvents.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import almacen.events.DeadLetter;
import almacen.events.InvoiceStatus;
import almacen.events.Price;
import almacen.events.PriceReason;
import almacen.kafkalocal.KafkaBrokerExtension;
import almacen.schemas.Topic;
import almacen.schemas.Topics;
import almacen.support.SupportConfiguration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole stream-pricing app against a real KRaft broker (3 partitions per topic, exactly-once),
 * with the shop's clock fixed at 2025-10-16 10:00 Buenos Aires.
 */
@Tag("integration")
@DirtiesContext // close Streams before the per-JVM broker stops
@ExtendWith(KafkaBrokerExtension.class)
@SpringBootTest(
    classes = {PricingApplication.class, PricingIntegrationTest.FixedClock.class},
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PricingIntegrationTest {

  static final String PREFIX = "it-" + UUID.randomUUID().toString().substring(0, 8) + ".";
  static final Instant NOW = Instant.parse("2025-10-16T13:00:00Z");

  @TempDir static Path home;

  @LocalServerPort int port;

  @Autowired Topics topics;

  @TestConfiguration
  static class FixedClock {
    @Bean
    @Primary
    Clock fixedShopClock() {
      return Clock.fixed(NOW, SupportConfiguration.BUENOS_AIRES);
    }
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("almacen.bootstrap-servers", KafkaBrokerExtension::bootstrapServers);
    registry.add("almacen.home", () -> home.toString());
    registry.add("almacen.topics.prefix", () -> PREFIX);
    registry.add("almacen.streams.commit-interval", () -> "100ms");
  }

  @Test
  void shouldPublishCommittedPriceAndHistoryWhenProductInflationAndInvoiceAreProduced()
      throws Exception {
    // given: the app is healthy (Streams RUNNING, broker reachable)
    awaitHealthUp(Duration.ofSeconds(90));

    // when
    try (KafkaProducer<String, Object> producer = producer()) {
      send(producer, topics.products, "ALM000001", product("ALM000001", "Almacén", "21", null));
      send(producer, topics.inflationIndex, "2025-09", month("2025-09", "2.10"));
      send(producer, topics.inflationIndex, "2025-10", month("2025-10", "2.30"));
      send(producer, topics.inflationIndex, "2025-08", month("2025-08", "1075.00"));
      producer.flush();
      send(
          producer,
          topics.invoices,
          "INV-IT-1",
          invoiceA(
              "INV-IT-1",
              LocalDate.of(2025, 10, 10),
              InvoiceStatus.CONFIRMED,
              line("ALM000001", "850.00", "21")));
      producer.flush();
    }

    // then: F = 1.023^(21/31) = 1.0155234244; L* = 850 × F × 1.30 × 1.21 = 1357.8056 → 1360.00
    // (the cost and the months travel through different repartition topics, so a first price may be
    // computed
    // before October's month arrives; the app re-prices when it does: wait for that price, not the
    // first)
    Predicate<Price> expected =
        p ->
            p.getListPrice().compareTo(new java.math.BigDecimal("1360.00")) == 0
                && p.getInflationFactor().compareTo(new java.math.BigDecimal("1.0155234244")) == 0;
    List<Price> prices = readUntil(topics.prices, expected);
    Price price = prices.get(prices.size() - 1);
    assertThat(price.getSku()).isEqualTo("ALM000001");
    assertThat(price.getInflationFactor()).isEqualByComparingTo("1.0155234244");
    assertThat(price.getCostInvoiceId()).isEqualTo("INV-IT-1");
    assertThat(price.getHorizonDate()).isEqualTo(LocalDate.of(2025, 10, 31));
    assertThat(price.getReason()).isIn(PriceReason.COST, PriceReason.INFLATION);
    List<Price> history = readUntil(topics.priceHistory, expected);
    assertThat(history.get(history.size() - 1)).isEqualTo(price);
    List<DeadLetter> dead =
        readUntil(topics.dlq, d -> d.getSourceTopic().equals(topics.inflationIndex.name()));
    assertThat(dead.get(dead.size() - 1).getMessage()).contains("2025-08", "outside -50..+1000");
  }

  private void awaitHealthUp(Duration timeout) {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build();
    await("health UP")
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () -> {
              HttpResponse<String> response =
                  http.send(request, HttpResponse.BodyHandlers.ofString());
              assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
              assertThat(response.body()).contains("\"status\":\"UP\"");
            });
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void send(
      KafkaProducer<String, Object> producer, Topic<String, ?> topic, String key, Object value)
      throws Exception {
    byte[] bytes = ((Topic) topic).valueSerde().serializer().serialize(topic.name(), value);
    producer.send(new ProducerRecord<>(topic.name(), key, bytes)).get();
  }

  private static KafkaProducer<String, Object> producer() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            KafkaBrokerExtension.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
            org.apache.kafka.common.serialization.StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
            org.apache.kafka.common.serialization.ByteArraySerializer.class));
  }

  /** Reads a topic (read_committed) until a value matches, returning everything read so far. */
  private static <V> List<V> readUntil(Topic<String, V> topic, Predicate<V> done) {
    List<V> values = new ArrayList<>();
    try (KafkaConsumer<String, V> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaBrokerExtension.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "it-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed"),
            topic.keySerde().deserializer(),
            topic.valueSerde().deserializer())) {
      consumer.subscribe(List.of(topic.name()));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(200))) {
          values.add(record.value());
          if (done.test(record.value())) {
            return values;
          }
        }
      }
    }
    throw new AssertionError(
        "No matching record on " + topic.name() + " within 60 s; read " + values);
  }
}
