package almacen.support.streams;

import almacen.support.AlmacenSettings;
import almacen.support.InstanceIdentity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Streams configuration every almacén app runs with: exactly-once v2, explicit internal
 * resource naming, a state directory under ALMACEN_HOME and an explicit error policy that routes
 * poison records to the dead-letter topic, and static group membership when the instance is known.
 * A pure function, tested.
 */
public final class StreamsConfigFactory {

  /** Where the error handlers send dead letters. */
  public static final String DLQ_TOPIC_CONFIG = "almacen.dlq.topic";

  /**
   * Long enough for a killed instance to be started again and take its place back (static
   * membership: no rebalance), short enough that a dead one's partitions move to another instance
   * soon.
   */
  public static final Duration SESSION_TIMEOUT = Duration.ofSeconds(15);

  private StreamsConfigFactory() {}

  /** Dynamic group membership (tools, tests, and any instance without a stable identity). */
  public static Properties build(
      String applicationName, AlmacenSettings settings, Map<String, ?> overrides) {
    return build(applicationName, settings, InstanceIdentity.NONE, overrides);
  }

  /**
   * With a known instance, a static member: {@code group.instance.id} = application id + instance
   * id (Kafka Streams appends the thread index). A restarted instance then rejoins with its old
   * assignment at once instead of waiting for the dead member's session to expire and a rebalance.
   */
  public static Properties build(
      String applicationName,
      AlmacenSettings settings,
      InstanceIdentity instance,
      Map<String, ?> overrides) {
    Properties p = new Properties();
    String prefix = settings.topics().prefix();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, prefix + applicationName);
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, settings.streams().processingGuarantee());
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, settings.streams().commitInterval().toMillis());
    p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, settings.streams().standbyReplicas());
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, settings.streams().threads());
    p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) settings.topics().replicationFactor());
    p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir(settings, applicationName).toString());
    p.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
    p.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
    p.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetterDeserializationHandler.class);
    p.put(
        StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class);
    p.put(
        StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProductionHandler.class);
    p.put(DLQ_TOPIC_CONFIG, settings.topicCatalogue().dlq.name());
    p.put(StreamsConfig.producerPrefix(ProducerConfig.ACKS_CONFIG), "all");
    p.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 5);
    p.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
    p.put(
        StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG),
        (int) SESSION_TIMEOUT.toMillis());
    if (instance.known()) {
      p.put(
          StreamsConfig.consumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG),
          prefix + applicationName + "-" + instance.value());
    }
    p.put(
        StreamsConfig.topicPrefix("min.insync.replicas"),
        String.valueOf(settings.topics().minInsyncReplicas()));
    String server = settings.streams().applicationServer();
    if (server != null && !server.isBlank()) {
      p.put(StreamsConfig.APPLICATION_SERVER_CONFIG, server);
    }
    p.putAll(overrides);
    return p;
  }

  /**
   * This instance's state dir for the app: {@code almacen.streams.state-dir} or {@code
   * <home>/state}, then the app.
   */
  public static Path stateDir(AlmacenSettings settings, String applicationName) {
    return settings.streams().stateRoot(settings.home()).resolve(applicationName);
  }
}
