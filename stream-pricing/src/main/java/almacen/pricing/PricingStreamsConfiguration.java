package almacen.pricing;

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
import java.util.Map;
import java.util.Properties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The pricing Kafka Streams app, started and stopped with the Spring context. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PricingConfig.class)
public class PricingStreamsConfiguration {

  @Bean
  ManagedKafkaStreams pricingStreams(
      PricingConfig config,
      Topics topics,
      Clock clock,
      AlmacenSettings settings,
      InstanceIdentity instance,
      ObjectProvider<MeterRegistry> meterRegistry,
      ProcessExit exit) {
    Properties props =
        StreamsConfigFactory.build(StoreNames.PRICING_APP, settings, instance, Map.of());
    return new ManagedKafkaStreams(
        builder -> PricingTopology.define(builder, config, topics, clock),
        props,
        settings.streams().closeTimeout(),
        meterRegistry.getIfAvailable(),
        exit,
        ThreadDeathPolicy.standard());
  }
}
