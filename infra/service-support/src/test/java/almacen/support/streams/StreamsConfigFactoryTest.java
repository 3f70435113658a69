package almacen.support.streams;

import static org.assertj.core.api.Assertions.assertThat;

import almacen.support.AlmacenSettings;
import almacen.support.AlmacenSettings.StreamsSettings;
import almacen.support.AlmacenSettings.TopicSettings;
import almacen.support.InstanceIdentity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class StreamsConfigFactoryTest {

  private final AlmacenSettings settings =
      new AlmacenSettings(
          "local",
          Path.of("/data/almacen"),
          "broker:9092",
          new TopicSettings("almacen.", 3, (short) 3, 2),
          new StreamsSettings(
              "exactly_once_v2",
              Duration.ofMillis(200),
              1,
              2,
              "10.0.0.5:8080",
              Duration.ofSeconds(60),
              Duration.ofSeconds(30)));

  @Test
  void shouldConfigureExactlyOnceNamingAndErrorPolicyWhenBuilt() {
    // when
    Properties p = StreamsConfigFactory.build("inventory", settings, Map.of());

    // then
    assertThat(p.get(StreamsConfig.APPLICATION_ID_CONFIG)).isEqualTo("almacen.inventory");
    assertThat(p.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo("exactly_once_v2");
    assertThat(p.get(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG))
        .isEqualTo(true);
    assertThat(p.get(StreamsConfig.STATE_DIR_CONFIG)).isEqualTo("/data/almacen/state/inventory");
    assertThat(p.get(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG))
        .isEqualTo(DeadLetterDeserializationHandler.class);
    assertThat(p.get(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG))
        .isEqualTo(DeadLetterProcessingHandler.class);
    assertThat(p.get(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG))
        .isEqualTo(DeadLetterProductionHandler.class);
    assertThat(p.get(StreamsConfigFactory.DLQ_TOPIC_CONFIG)).isEqualTo("almacen.dlq");
    assertThat(p.get(StreamsConfig.REPLICATION_FACTOR_CONFIG)).isEqualTo(3);
    assertThat(p.get(StreamsConfig.APPLICATION_SERVER_CONFIG)).isEqualTo("10.0.0.5:8080");
    assertThat(p.get(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG)).isEqualTo(1);
  }

  @Test
  void shouldLetOverridesWinWhenGiven() {
    // when
    Properties p =
        StreamsConfigFactory.build(
            "query", settings, Map.of(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "at_least_once"));

    // then
    assertThat(p.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo("at_least_once");
  }

  @Test
  void shouldMakeStaticMemberWithShortSessionWhenInstanceIsKnown() {
    // when
    Properties p =
        StreamsConfigFactory.build(
            "inventory", settings, new InstanceIdentity("shop-pc-8082"), Map.of());

    // then: Kafka Streams appends the thread index to this id
    assertThat(p.get(StreamsConfig.consumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG)))
        .isEqualTo("almacen.inventory-shop-pc-8082");
    assertThat(p.get(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG)))
        .isEqualTo(15_000);
  }

  @Test
  void shouldStayDynamicMemberWhenInstanceIsUnknown() {
    // when
    Properties p =
        StreamsConfigFactory.build("inventory", settings, InstanceIdentity.NONE, Map.of());

    // then
    assertThat(p)
        .doesNotContainKey(StreamsConfig.consumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG));
  }

  @Test
  void shouldKeepStateUnderHomeWhenNoStateDirIsSet() {
    // given: the settings of single mode (no almacen.streams.state-dir)
    // when
    Properties p = StreamsConfigFactory.build("inventory", settings, Map.of());

    // then
    assertThat(p.get(StreamsConfig.STATE_DIR_CONFIG)).isEqualTo("/data/almacen/state/inventory");
  }

  @Test
  void shouldUseOwnStateDirWhenInstanceHasOne() {
    // given: the second instance of a chain on one machine
    AlmacenSettings second =
        new AlmacenSettings(
            "local",
            Path.of("/data/almacen"),
            "broker:9092",
            new TopicSettings("almacen.", 6, (short) 3, 2),
            new StreamsSettings(
                "exactly_once_v2",
                Duration.ofMillis(200),
                1,
                1,
                "127.0.0.1:8092",
                Duration.ofSeconds(60),
                Duration.ofSeconds(30),
                " /data/almacen/cluster/state/stream-inventory-2 "));

    // when
    Properties p = StreamsConfigFactory.build("inventory", second, Map.of());

    // then: its own directory, never the shared home/state the first instance locks
    assertThat(p.get(StreamsConfig.STATE_DIR_CONFIG))
        .isEqualTo("/data/almacen/cluster/state/stream-inventory-2/inventory");
  }
}
