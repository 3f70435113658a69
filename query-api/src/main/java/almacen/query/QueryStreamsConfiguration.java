package almacen.query;

import almacen.query.catalog.ProductIndex;
import almacen.query.cluster.Cluster;
import almacen.query.read.AnalyticsModel;
import almacen.query.read.ProductReads;
import almacen.query.read.ReadModel;
import almacen.query.read.StoreReader;
import almacen.query.read.StreamsStoreReader;
import almacen.query.web.EventBroadcaster;
import almacen.query.web.Routing;
import almacen.schemas.StoreNames;
import almacen.schemas.Topics;
import almacen.support.AlmacenSettings;
import almacen.support.InstanceIdentity;
import almacen.support.streams.ManagedKafkaStreams;
import almacen.support.streams.ProcessExit;
import almacen.support.streams.StreamsConfigFactory;
import almacen.support.streams.ThreadDeathPolicy;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The read-side Streams app and its query layer.
 *
 * <p>Guarantee: at_least_once. Every store is an idempotent upsert of its input (latest value per
 * key, ledger entries by sequence, sales by saleId), so a redelivery after a crash rewrites the
 * same entries; the additive analytics cells skip a redelivered record by the input offset they
 * carry (see DailyCell); nothing here produces to a topic. The consumer still reads {@code
 * read_committed} because the upstream apps write transactionally (at_least_once would otherwise
 * default to read_uncommitted and could show aborted writes). Commit interval 100 ms for
 * read-your-writes. (The few records query-api writes itself — labels marked printed — go through
 * CommittedWriter, transactional, not through this app.)
 */
@Configuration(proxyBeanMethods = false)
class QueryStreamsConfiguration {

  static Map<String, Object> overrides() {
    return Map.of(
        StreamsConfig.PROCESSING_GUARANTEE_CONFIG,
        StreamsConfig.AT_LEAST_ONCE,
        StreamsConfig.COMMIT_INTERVAL_MS_CONFIG,
        100L,
        StreamsConfig.consumerPrefix(ConsumerConfig.ISOLATION_LEVEL_CONFIG),
        "read_committed",
        StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG,
        0L);
  }

  /**
   * {@code almacen.query.analytics-days-kept} (env {@code ALMACEN_QUERY_ANALYTICSDAYSKEPT}),
   * default 800.
   */
  @Bean
  QueryConfig queryConfig(
      @Value("${almacen.query.analytics-days-kept:" + QueryConfig.DEFAULT_ANALYTICS_DAYS_KEPT + "}")
          int analyticsDaysKept) {
    return QueryConfig.defaults().withAnalyticsDaysKept(analyticsDaysKept);
  }

  @Bean(destroyMethod = "close")
  EventBroadcaster eventBroadcaster(QueryConfig config, ObjectProvider<MeterRegistry> registry) {
    EventBroadcaster broadcaster = new EventBroadcaster(config.zone());
    registry.ifAvailable(broadcaster::bindTo);
    return broadcaster;
  }

  @Bean
  ProductIndex productIndex() {
    return new ProductIndex();
  }

  @Bean
  ManagedKafkaStreams queryStreams(
      QueryConfig config,
      Topics topics,
      AlmacenSettings settings,
      InstanceIdentity instance,
      EventBroadcaster broadcaster,
      ProductIndex productIndex,
      ObjectProvider<MeterRegistry> registry,
      ProcessExit exit) {
    return new ManagedKafkaStreams(
        builder -> QueryTopology.define(builder, config, topics, broadcaster, productIndex::apply),
        StreamsConfigFactory.build(StoreNames.QUERY_APP, settings, instance, overrides()),
        settings.streams().closeTimeout(),
        registry.getIfAvailable(),
        exit,
        ThreadDeathPolicy.standard());
  }

  @Bean
  StoreReader storeReader(ManagedKafkaStreams streams) {
    return new StreamsStoreReader(streams::startedStreams, 5, Duration.ofMillis(200));
  }

  @Bean
  ReadModel readModel(StoreReader reader, Clock clock, QueryConfig config) {
    return new ReadModel(reader, clock, config.zone());
  }

  @Bean
  ProductReads productReads(
      ProductIndex index, ReadModel model, StoreReader reader, QueryConfig config) {
    return new ProductReads(index, model, reader, config.zone());
  }

  @Bean
  AnalyticsModel analyticsModel(StoreReader reader) {
    return new AnalyticsModel(reader);
  }

  @Bean
  Cluster cluster(ManagedKafkaStreams streams, AlmacenSettings settings) {
    return new Cluster(
        streams::startedStreams,
        Cluster.parse(settings.streams().applicationServer()),
        Duration.ofSeconds(10));
  }

  @Bean
  Routing routing(Cluster cluster, JsonMapper mapper) {
    return new Routing(cluster, mapper);
  }
}
