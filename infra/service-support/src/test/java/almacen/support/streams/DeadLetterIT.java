package almacen.support.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import almacen.events.DeadLetter;
import almacen.events.Sale;
import almacen.events.SaleLine;
import almacen.kafkalocal.KafkaBrokerExtension;
import almacen.kafkalocal.KafkaLocalBroker;
import almacen.schemas.Topics;
import almacen.support.AlmacenSettings;
import almacen.support.AlmacenSettings.StreamsSettings;
import almacen.support.AlmacenSettings.TopicSettings;
import almacen.support.kafka.TopicProvisioner;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A poison record lands in the DLQ with its reason and the app keeps RUNNING and processing. */
@Tag("integration")
@ExtendWith(KafkaBrokerExtension.class)
class DeadLetterIT {

  @Test
  void shouldRouteCorruptRecordToDlqAndKeepRunningWhenInputIsNotAvro(KafkaLocalBroker broker)
      throws Exception {
    // given: a minimal EOS app reading sales and writing each saleId to the DLQ-free output
    AlmacenSettings settings = provisioned(broker, "dlqtest.", "exactly_once_v2");
    Topics topics = settings.topicCatalogue();
    Consumer<StreamsBuilder> topology =
        builder ->
            builder.stream(
                    topics.sales.name(),
                    Consumed.with(Serdes.String(), topics.sales.valueSerde()).withName("sales-in"))
                .mapValues(sale -> sale.getSaleId(), Named.as("sale-id"))
                .to(
                    topics.stockAlerts.name() + "-ids",
                    Produced.with(Serdes.String(), Serdes.String()).withName("ids-out"));
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      admin
          .createTopics(
              List.of(
                  new org.apache.kafka.clients.admin.NewTopic(
                      topics.stockAlerts.name() + "-ids", 1, (short) 1)))
          .all()
          .get();
    }
    ManagedKafkaStreams app =
        new ManagedKafkaStreams(
            topology,
            StreamsConfigFactory.build("dlq-it", settings, Map.of()),
            Duration.ofSeconds(10),
            null);
    app.start();
    try {
      assertThat(app.awaitRunning(Duration.ofSeconds(60))).isTrue();

      // when: garbage, then a valid sale
      try (KafkaProducer<byte[], byte[]> producer =
          new KafkaProducer<>(
              Map.of("bootstrap.servers", broker.bootstrapServers()),
              new ByteArraySerializer(),
              new ByteArraySerializer())) {
        producer
            .send(
                new ProducerRecord<>(
                    topics.sales.name(),
                    "bad".getBytes(StandardCharsets.UTF_8),
                    "definitely not avro".getBytes(StandardCharsets.UTF_8)))
            .get();
        Sale sale =
            new Sale(
                "S-OK",
                "central",
                Instant.now(),
                List.of(
                    new SaleLine("ALM000001", new BigDecimal("1.000"), new BigDecimal("10.00"))),
                Instant.now(),
                null);
        producer
            .send(
                new ProducerRecord<>(
                    topics.sales.name(),
                    "S-OK".getBytes(StandardCharsets.UTF_8),
                    topics.sales.valueSerde().serializer().serialize(topics.sales.name(), sale)))
            .get();
      }

      // then
      ConsumerRecord<byte[], byte[]> dead = readFirst(broker, topics.dlq.name());
      assertThat(
              new String(
                  dead.headers().lastHeader(DeadLetters.REASON_HEADER).value(),
                  StandardCharsets.UTF_8))
          .isEqualTo("DESERIALIZATION");
      assertThat(
              new String(
                  dead.headers().lastHeader(DeadLetters.SOURCE_TOPIC_HEADER).value(),
                  StandardCharsets.UTF_8))
          .isEqualTo(topics.sales.name());
      DeadLetter letter =
          topics.dlq.valueSerde().deserializer().deserialize(topics.dlq.name(), dead.value());
      assertThat(StandardCharsets.UTF_8.decode(letter.getPayload()).toString())
          .isEqualTo("definitely not avro");
      assertThat(letter.getMessage()).contains("Cannot decode Sale");
      ConsumerRecord<byte[], byte[]> id = readFirst(broker, topics.stockAlerts.name() + "-ids");
      assertThat(new String(id.value(), StandardCharsets.UTF_8)).isEqualTo("S-OK");
      assertThat(app.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
    } finally {
      app.stop();
    }
  }

  @Test
  void shouldRouteCorruptRecordToDlqAndKeepRunningWhenAGlobalStoreReadsIt(KafkaLocalBroker broker)
      throws Exception {
    // given: an app whose only input is a global store of products (read by the global thread, task
    // -1_-1)
    AlmacenSettings settings = provisioned(broker, "dlqglobal.", "at_least_once");
    Topics topics = settings.topicCatalogue();
    Consumer<StreamsBuilder> topology =
        builder ->
            builder.globalTable(
                topics.products.name(),
                Consumed.with(Serdes.String(), topics.products.valueSerde())
                    .withName("products-global-in"),
                org.apache.kafka.streams.kstream.Materialized.as("dlq-it-products"));
    ManagedKafkaStreams app =
        new ManagedKafkaStreams(
            topology,
            StreamsConfigFactory.build("dlq-global-it", settings, Map.of()),
            Duration.ofSeconds(10),
            null);
    app.start();
    try {
      assertThat(app.awaitRunning(Duration.ofSeconds(60))).isTrue();

      // when: garbage on the products topic
      try (KafkaProducer<byte[], byte[]> producer =
          new KafkaProducer<>(
              Map.of("bootstrap.servers", broker.bootstrapServers()),
              new ByteArraySerializer(),
              new ByteArraySerializer())) {
        producer
            .send(
                new ProducerRecord<>(
                    topics.products.name(),
                    "ALM-BAD".getBytes(StandardCharsets.UTF_8),
                    "not a product".getBytes(StandardCharsets.UTF_8)))
            .get();
      }

      // then: a dead letter with its reason, and the client still RUNNING (4.2.1 alone would go to
      // ERROR)
      ConsumerRecord<byte[], byte[]> dead = readFirst(broker, topics.dlq.name());
      assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("ALM-BAD");
      assertThat(
              new String(
                  dead.headers().lastHeader(DeadLetters.REASON_HEADER).value(),
                  StandardCharsets.UTF_8))
          .isEqualTo("DESERIALIZATION");
      assertThat(
              new String(
                  dead.headers().lastHeader(DeadLetters.SOURCE_TOPIC_HEADER).value(),
                  StandardCharsets.UTF_8))
          .isEqualTo(topics.products.name());
      await("client stays RUNNING after the dead letter")
          .during(Duration.ofSeconds(1))
          .atMost(Duration.ofSeconds(10))
          .until(() -> app.streams().state() == KafkaStreams.State.RUNNING);
    } finally {
      app.stop();
    }

    // and the producer that wrote it stopped with the app (its network thread is named after its
    // client id)
    assertThat(Thread.getAllStackTraces().keySet())
        .extracting(Thread::getName)
        .noneMatch(name -> name.endsWith("dlq-global-dlqglobal.dlq-global-it"));
  }

  /**
   * Settings for a one-partition test app under its own topic prefix, with the catalogue's topics
   * created.
   */
  private static AlmacenSettings provisioned(
      KafkaLocalBroker broker, String prefix, String guarantee) throws Exception {
    AlmacenSettings settings =
        new AlmacenSettings(
            "local",
            Files.createTempDirectory("almacen-dlq"),
            broker.bootstrapServers(),
            new TopicSettings(prefix, 1, (short) 1, 1),
            new StreamsSettings(
                guarantee,
                Duration.ofMillis(100),
                0,
                1,
                "",
                Duration.ofSeconds(60),
                Duration.ofSeconds(10)));
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      TopicProvisioner.ensureTopics(admin, settings.topicCatalogue(), settings.topics());
    }
    return settings;
  }

  private static ConsumerRecord<byte[], byte[]> readFirst(KafkaLocalBroker broker, String topic) {
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                "bootstrap.servers",
                broker.bootstrapServers(),
                "isolation.level",
                "read_committed"),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      TopicPartition tp = new TopicPartition(topic, 0);
      consumer.assign(List.of(tp));
      consumer.seekToBeginning(List.of(tp));
      List<ConsumerRecord<byte[], byte[]>> got = new ArrayList<>();
      // the consumer is not thread-safe: poll it on the test's own thread
      await("records on " + topic)
          .atMost(Duration.ofSeconds(60))
          .pollInSameThread()
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(300)).forEach(got::add);
                return !got.isEmpty();
              });
      return got.get(0);
    }
  }
}
