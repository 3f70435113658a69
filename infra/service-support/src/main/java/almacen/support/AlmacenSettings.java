package almacen.support;

import almacen.schemas.Topics;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings every service shares, bound from {@code almacen.*} (environment variables such as {@code
 * KAFKA_BOOTSTRAP_SERVERS} and {@code ALMACEN_HOME} are mapped in application.yml).
 */
@ConfigurationProperties("almacen")
public record AlmacenSettings(
    @DefaultValue("local") String mode,
    @DefaultValue(".almacen") Path home,
    @DefaultValue("127.0.0.1:9092") String bootstrapServers,
    @DefaultValue TopicSettings topics,
    @DefaultValue StreamsSettings streams) {

  public boolean localMode() {
    return "local".equalsIgnoreCase(mode);
  }

  public Topics topicCatalogue() {
    return Topics.withPrefix(topics.prefix());
  }

  /**
   * How topics are created: 1/1 locally, 3/2 on a cluster. One partition per topic by default: a
   * shop's volume needs no more, and one partition keeps every fact of every source topic in one
   * Streams task, processed in arrival (timestamp) order, so the moving-average cost is the one an
   * audit replay of the topics computes. A chain sets more (compose: 6) and accepts that facts of
   * one sku arriving at the same moment may be applied in either order.
   */
  public record TopicSettings(
      @DefaultValue("almacen.") String prefix,
      @DefaultValue("1") int partitions,
      @DefaultValue("1") short replicationFactor,
      @DefaultValue("1") int minInsyncReplicas) {}

  /**
   * Kafka Streams knobs that differ between a shop and a chain.
   *
   * @param stateDir where each app keeps its state ({@code <stateDir>/<app>}); blank means {@code
   *     <home>/state}. Two instances of one app on one machine (chain mode) must not share it: each
   *     holds a lock on its task dirs.
   */
  public record StreamsSettings(
      @DefaultValue("exactly_once_v2") String processingGuarantee,
      @DefaultValue("200ms") Duration commitInterval,
      @DefaultValue("0") int standbyReplicas,
      @DefaultValue("1") int threads,
      @DefaultValue("") String applicationServer,
      @DefaultValue("60s") Duration startupTimeout,
      @DefaultValue("30s") Duration closeTimeout,
      @DefaultValue("") String stateDir) {

    @ConstructorBinding
    public StreamsSettings {
      stateDir = stateDir == null ? "" : stateDir.strip();
    }

    /** The state under {@code <home>/state}, as every instance had before chain mode. */
    public StreamsSettings(
        String processingGuarantee,
        Duration commitInterval,
        int standbyReplicas,
        int threads,
        String applicationServer,
        Duration startupTimeout,
        Duration closeTimeout) {
      this(
          processingGuarantee,
          commitInterval,
          standbyReplicas,
          threads,
          applicationServer,
          startupTimeout,
          closeTimeout,
          "");
    }

    /** The directory holding every app's state dir for this instance. */
    public Path stateRoot(Path home) {
      return stateDir.isEmpty() ? home.resolve("state") : Path.of(stateDir);
    }
  }
}
