package almacen.inventory;

import static almacen.inventory.InventoryDriver.T0;
import static almacen.inventory.InventoryDriver.invoice;
import static almacen.inventory.InventoryDriver.invoiceLine;
import static almacen.inventory.InventoryDriver.line;
import static almacen.inventory.InventoryDriver.product;
import static almacen.inventory.InventoryDriver.qty;
import static almacen.inventory.InventoryDriver.sale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import almacen.events.DeadLetter;
import almacen.events.InvoiceStatus;
import almacen.events.StockLevel;
import almacen.events.StockMovement;
import almacen.kafkalocal.KafkaBrokerExtension;
import almacen.kafkalocal.KafkaLocalBroker;
import almacen.schemas.Topic;
import almacen.schemas.Topics;
import almacen.support.streams.ManagedKafkaStreams;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

@Tag("integration")
@ExtendWith(KafkaBrokerExtension.class)
class InventoryApplicationIntegrationTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final int BURST = 200;

  @Test
  void shouldPublishLedgerAndLevelsWhenSalesAndInvoicesProducedToRealTopics(
      KafkaLocalBroker broker, @TempDir Path home) throws Exception {
    // given the Spring app running against the broker on a private topic prefix
    String prefix = "it" + UUID.randomUUID().toString().substring(0, 8) + ".";
    Topics topics = Topics.withPrefix(prefix);
    // (command-line arguments: they outrank almacen-defaults.properties, unlike builder defaults)
    try (ConfigurableApplicationContext app =
        new SpringApplicationBuilder(InventoryApplication.class)
            .run(
                "--almacen.bootstrap-servers=" + broker.bootstrapServers(),
                "--almacen.home=" + home,
                "--almacen.topics.prefix=" + prefix,
                "--almacen.topics.partitions=2",
                "--almacen.streams.commit-interval=100ms",
                "--server.port=0")) {
      assertThat(app.getBean(ManagedKafkaStreams.class).awaitRunning(TIMEOUT)).isTrue();

      // when a product, a confirmed invoice, a sale, the same sale again and a poison record are
      // produced
      try (KafkaProducer<String, byte[]> producer =
          new KafkaProducer<>(
              Map.of(
                  ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                  ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                      org.apache.kafka.common.serialization.StringSerializer.class,
                  ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
        send(producer, topics.products, "A1", product("A1", "5", null, T0.minusSeconds(60)));
        send(
            producer,
            topics.invoices,
            "INV1",
            invoice(
                "INV1",
                "central",
                LocalDate.of(2025, 10, 14),
                InvoiceStatus.CONFIRMED,
                invoiceLine("A1", "10", "100"),
                invoiceLine(null, "1", "900")));
        producer.flush();
        send(producer, topics.sales, "S1", sale("S1", "central", T0, line("A1", "2.5")));
        send(producer, topics.sales, "S1", sale("S1", "central", T0, line("A1", "2.5")));
        producer
            .send(
                new ProducerRecord<>(
                    topics.sales.name(), "POISON", "not avro".getBytes(StandardCharsets.UTF_8)))
            .get();
        send(
            producer,
            topics.sales,
            "S2",
            sale("S2", "central", T0.plusSeconds(5), line("A1", "3")));
        // a backlog of B2 sales, sent at once (catching up: no live commit per sale)
        for (int i = 0; i < BURST; i++) {
          String id = "B" + i;
          producer.send(
              record(
                  topics.sales, id, sale(id, "central", T0.plusSeconds(10 + i), line("B2", "1"))));
        }
        producer.flush();
      }

      // then a read_committed consumer sees the ledger once, the levels and the dead letter
      // (S1 and S2 sit on different source partitions, so their order in the ledger is not fixed)
      List<StockMovement> all = values(broker, topics.stockMovements, 3 + BURST);
      List<StockMovement> ledger = all.stream().filter(m -> m.getSku().equals("A1")).toList();
      assertThat(ledger)
          .extracting(StockMovement::getMovementId)
          .containsExactlyInAnyOrder("INV1#1:PURCHASE", "S1#1:SALE", "S2#1:SALE");
      assertThat(ledger).extracting(StockMovement::getSequence).containsExactly(1L, 2L, 3L);
      assertThat(all)
          .allSatisfy(m -> assertThat(m.getAfter()).isEqualTo(m.getBefore().add(m.getDelta())));
      assertThat(ledger.get(2).getAfter()).isEqualTo(new BigDecimal("4.500"));
      // stock-levels carries each key's last level as of each commit: fewer records than ledger
      // entries for the backlog, the same final values
      List<StockLevel> levels = values(broker, topics.stockLevels, 2);
      List<StockLevel> b2 = levels.stream().filter(l -> l.getSku().equals("B2")).toList();
      assertThat(b2).hasSizeLessThan(BURST);
      assertThat(b2.get(b2.size() - 1).getOnHand()).isEqualTo(qty("-" + BURST));
      assertThat(b2.get(b2.size() - 1).getMovements()).isEqualTo(BURST);
      List<StockLevel> a1 = levels.stream().filter(l -> l.getSku().equals("A1")).toList();
      StockLevel last = a1.get(a1.size() - 1);
      assertThat(last.getOnHand()).isEqualTo(new BigDecimal("4.500"));
      assertThat(last.getAvgCost()).isEqualTo(new BigDecimal("100.0000"));
      assertThat(last.getStockValue()).isEqualTo(new BigDecimal("450.00"));
      assertThat(last.getStatus().name()).isEqualTo("LOW");
      List<DeadLetter> letters = values(broker, topics.dlq, 1);
      assertThat(letters)
          .extracting(DeadLetter::getReason, DeadLetter::getSourceTopic)
          .containsExactly(tuple("DESERIALIZATION", topics.sales.name()));

      // and the service reports healthy
      String port = app.getEnvironment().getProperty("local.server.port");
      HttpResponse<String> health =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("\"status\":\"UP\"");
    }
  }

  private static <V> void send(
      KafkaProducer<String, byte[]> producer, Topic<String, V> topic, String key, V value)
      throws Exception {
    producer.send(record(topic, key, value)).get();
  }

  private static <V> ProducerRecord<String, byte[]> record(
      Topic<String, V> topic, String key, V value) {
    Serializer<V> serializer = topic.valueSerde().serializer();
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic.name(), key, null);
    byte[] bytes = serializer.serialize(topic.name(), record.headers(), value);
    return new ProducerRecord<>(topic.name(), null, key, bytes, record.headers());
  }

  private static <V> List<V> values(KafkaLocalBroker broker, Topic<String, V> topic, int atLeast) {
    Deserializer<V> deserializer = topic.valueSerde().deserializer();
    List<V> values = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "it-reader-" + UUID.randomUUID(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                org.apache.kafka.common.serialization.StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                org.apache.kafka.common.serialization.ByteArrayDeserializer.class))) {
      consumer.subscribe(List.of(topic.name()));
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (values.size() < atLeast && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          values.add(deserializer.deserialize(topic.name(), r.value()));
        }
      }
      // a short extra poll: anything beyond the expected records (a duplicate) must show up
      for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofSeconds(1))) {
        values.add(deserializer.deserialize(topic.name(), r.value()));
      }
    }
    return values;
  }
}
