package almacen.inventory;

import static almacen.inventory.InventoryDriver.T0;
import static almacen.inventory.InventoryDriver.line;
import static almacen.inventory.InventoryDriver.product;
import static almacen.inventory.InventoryDriver.sale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import almacen.events.StockLevel;
import almacen.kafkalocal.KafkaBrokerExtension;
import almacen.kafkalocal.KafkaLocalBroker;
import almacen.schemas.StoreNames;
import almacen.schemas.Topic;
import almacen.schemas.Topics;
import almacen.support.AlmacenSettings;
import almacen.support.AlmacenSettings.StreamsSettings;
import almacen.support.AlmacenSettings.TopicSettings;
import almacen.support.InstanceIdentity;
import almacen.support.kafka.TopicProvisioner;
import almacen.support.streams.ManagedKafkaStreams;
import almacen.support.streams.StreamsConfigFactory;
import almacen.support.streams.ThreadDeathPolicy;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Persistent stores: an inventory instance stopped and started again goes on from its checkpoint;
 * one that crashed rebuilds its stores from the changelogs (EosCheckpointGuard).
 */
@Tag("integration")
@ExtendWith(KafkaBrokerExtension.class)
class InventoryRestartIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @Test
  void shouldRestoreNothingAndKeepLevelsWhenRestartedAfterCleanStop(
      KafkaLocalBroker broker, @TempDir Path home) throws Exception {
    // given: an instance that applied a product and a sale, then stopped
    AlmacenSettings settings = settings(broker, home, "restart.");
    Topics topics = settings.topicCatalogue();
    ManagedKafkaStreams first = app(settings, new AtomicLong());
    first.start();
    assertThat(first.awaitRunning(TIMEOUT)).isTrue();
    send(broker, topics.products, "A1", product("A1", "1", null, T0.minusSeconds(60)));
    send(broker, topics.sales, "S1", sale("S1", "central", T0, line("A1", "2")));
    awaitOnHand(first, "-2.000");
    first.stop();

    // when: the same instance starts again and a new sale arrives
    AtomicLong restored = new AtomicLong();
    ManagedKafkaStreams second = app(settings, restored);
    second.start();
    try {
      assertThat(second.awaitRunning(TIMEOUT)).isTrue();
      send(broker, topics.sales, "S2", sale("S2", "central", T0.plusSeconds(5), line("A1", "3")));

      // then: the level goes on from the stored one, and nothing was read back from the changelogs
      awaitOnHand(second, "-5.000");
      assertThat(restored.get()).isZero();
    } finally {
      second.stop();
    }
  }

  @Test
  void shouldRestoreStoresFromChangelogWhenLastRunDidNotCloseCleanly(
      KafkaLocalBroker broker, @TempDir Path home) throws Exception {
    // given: an instance that applied a sale and then ended without its own stop (as after a
    // SIGKILL, no
    // clean-close marker; Kafka Streams 4.2.1 leaves the checkpoint it wrote after restoring)
    AlmacenSettings settings = settings(broker, home, "crashed.");
    Topics topics = settings.topicCatalogue();
    ManagedKafkaStreams first = app(settings, new AtomicLong());
    first.start();
    assertThat(first.awaitRunning(TIMEOUT)).isTrue();
    send(broker, topics.products, "A1", product("A1", "1", null, T0.minusSeconds(60)));
    send(broker, topics.sales, "S1", sale("S1", "central", T0, line("A1", "2")));
    awaitOnHand(first, "-2.000");
    first.streams().close(Duration.ofSeconds(10));

    // when
    AtomicLong restored = new AtomicLong();
    ManagedKafkaStreams second = app(settings, restored);
    second.start();
    try {
      assertThat(second.awaitRunning(TIMEOUT)).isTrue();
      send(broker, topics.sales, "S2", sale("S2", "central", T0.plusSeconds(5), line("A1", "3")));

      // then: the stores were rebuilt from their changelogs, and the level is right
      awaitOnHand(second, "-5.000");
      assertThat(restored.get()).isPositive();
    } finally {
      second.stop();
    }
  }

  private static AlmacenSettings settings(KafkaLocalBroker broker, Path home, String prefix)
      throws Exception {
    AlmacenSettings settings =
        new AlmacenSettings(
            "local",
            home,
            broker.bootstrapServers(),
            new TopicSettings(prefix, 1, (short) 1, 1),
            new StreamsSettings(
                "exactly_once_v2",
                Duration.ofMillis(100),
                0,
                1,
                "",
                TIMEOUT,
                Duration.ofSeconds(10)));
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      TopicProvisioner.ensureTopics(admin, settings.topicCatalogue(), settings.topics());
    }
    return settings;
  }

  private static ManagedKafkaStreams app(AlmacenSettings settings, AtomicLong restored) {
    ManagedKafkaStreams app =
        new ManagedKafkaStreams(
            builder ->
                InventoryTopology.define(
                    builder,
                    InventoryConfig.defaults(1),
                    settings.topicCatalogue(),
                    new SimpleMeterRegistry()),
            StreamsConfigFactory.build(
                StoreNames.INVENTORY_APP, settings, new InstanceIdentity("restart-it"), Map.of()),
            Duration.ofSeconds(10),
            null,
            (status, reason) -> {},
            ThreadDeathPolicy.standard());
    app.setStateRestoreListener(
        new StateRestoreListener() {
          @Override
          public void onRestoreStart(
              TopicPartition partition, String store, long start, long end) {}

          @Override
          public void onBatchRestored(
              TopicPartition partition, String store, long batchEnd, long count) {
            restored.addAndGet(count);
          }

          @Override
          public void onRestoreEnd(TopicPartition partition, String store, long total) {}
        });
    return app;
  }

  private static void awaitOnHand(ManagedKafkaStreams app, String expected) {
    ReadOnlyKeyValueStore<String, StockLevel> levels =
        app.streams()
            .store(
                StoreQueryParameters.fromNameAndType(
                    StoreNames.INVENTORY_LEVELS, QueryableStoreTypes.keyValueStore()));
    await("on hand of A1 at central")
        .atMost(TIMEOUT)
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(
            () -> {
              StockLevel level = levels.get(StoreNames.branchSkuKey("central", "A1"));
              assertThat(level).as("level of A1 at central").isNotNull();
              assertThat(level.getOnHand()).isEqualByComparingTo(expected);
            });
  }

  private static <V> void send(KafkaLocalBroker broker, Topic<String, V> topic, String key, V value)
      throws Exception {
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", broker.bootstrapServers()),
            new StringSerializer(),
            new ByteArraySerializer())) {
      ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic.name(), key, null);
      byte[] bytes =
          topic.valueSerde().serializer().serialize(topic.name(), record.headers(), value);
      producer.send(new ProducerRecord<>(topic.name(), null, key, bytes, record.headers())).get();
    }
  }
}
