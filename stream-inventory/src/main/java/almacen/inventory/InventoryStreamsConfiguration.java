package almacen.inventory;

import almacen.events.TaxRegime;
import almacen.inventory.domain.DemandSettings;
import almacen.schemas.StoreNames;
import almacen.schemas.Topics;
import almacen.support.AlmacenSettings;
import almacen.support.InstanceIdentity;
import almacen.support.streams.ManagedKafkaStreams;
import almacen.support.streams.ProcessExit;
import almacen.support.streams.StreamsConfigFactory;
import almacen.support.streams.ThreadDeathPolicy;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The inventory Streams application: config from {@code almacen.inventory.*}, lifecycle by the
 * context.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InventoryProperties.class)
public class InventoryStreamsConfiguration {

  /**
   * The record cache, named rather than left to the default: stock-levels leaves from the levels
   * store's cache as it flushes ({@link LevelsOnFlush}), and Kafka Streams builds no cache at all
   * when this is 0.
   */
  static final long CACHE_MAX_BYTES = 10L * 1024 * 1024;

  static Map<String, Object> overrides() {
    return Map.of(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, CACHE_MAX_BYTES);
  }

  @Bean
  InventoryConfig inventoryConfig(
      InventoryProperties properties,
      AlmacenSettings settings,
      @Value("${almacen.pricing.tax-regime:RI}") TaxRegime taxRegime) {
    DemandSettings demand =
        new DemandSettings(
            properties.leadTimeDays(), properties.coverDays(), DemandSettings.BUENOS_AIRES);
    return new InventoryConfig(
        taxRegime,
        properties.saleDedupeWindow(),
        demand,
        settings.topics().partitions(),
        properties.liveWindow());
  }

  @Bean
  ManagedKafkaStreams inventoryStreams(
      InventoryConfig config,
      Topics topics,
      AlmacenSettings settings,
      InstanceIdentity instance,
      MeterRegistry registry,
      ProcessExit exit) {
    return new ManagedKafkaStreams(
        builder -> InventoryTopology.define(builder, config, topics, registry),
        StreamsConfigFactory.build(StoreNames.INVENTORY_APP, settings, instance, overrides()),
        settings.streams().closeTimeout(),
        registry,
        exit,
        ThreadDeathPolicy.standard());
  }
}
