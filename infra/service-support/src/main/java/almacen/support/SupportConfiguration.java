package almacen.support;

import almacen.domain.BusinessDay;
import almacen.schemas.Topics;
import almacen.support.kafka.BrokerProbe;
import almacen.support.kafka.TopicProvisioner;
import almacen.support.observability.ObservabilityConfiguration;
import almacen.support.security.SecurityConfiguration;
import almacen.support.security.UserDirectoryConfiguration;
import almacen.support.streams.ManagedKafkaStreams;
import almacen.support.streams.ProcessExit;
import almacen.support.web.ApiErrorHandler;
import almacen.support.web.OpenApiSecurity;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;

/**
 * Wiring every almacén service shares: settings, topic catalogue, admin client, health. In an
 * application the defaults file is already in the environment ({@link AlmacenDefaults}); the
 * {@code @PropertySource} serves contexts built without SpringApplication (context runners in
 * tests).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AlmacenSettings.class)
@PropertySource("classpath:almacen-defaults.properties")
@Import({
  ApiErrorHandler.class,
  SecurityConfiguration.class,
  UserDirectoryConfiguration.class,
  ObservabilityConfiguration.class,
  OpenApiSecurity.class
})
public class SupportConfiguration {

  public static final ZoneId BUENOS_AIRES = BusinessDay.ZONE;
  private static final Logger log = LoggerFactory.getLogger(SupportConfiguration.class);

  @Bean(destroyMethod = "close")
  Admin kafkaAdmin(AlmacenSettings settings) {
    return Admin.create(
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000,
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000));
  }

  /**
   * The topic catalogue, with every topic created on the broker (retried until startup timeout).
   */
  @Bean
  Topics topics(AlmacenSettings settings, Admin admin) throws InterruptedException {
    Topics topics = settings.topicCatalogue();
    long deadline = System.nanoTime() + settings.streams().startupTimeout().toNanos();
    while (true) {
      try {
        TopicProvisioner.ensureTopics(admin, topics, settings.topics());
        return topics;
      } catch (IllegalStateException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        log.warn(
            "Broker {} not ready for topic creation yet: {}",
            settings.bootstrapServers(),
            e.getMessage());
        Thread.sleep(1000);
      }
    }
  }

  /** {@code almacen.instance-id} (env ALMACEN_INSTANCE_ID), or host name and HTTP port. */
  @Bean
  InstanceIdentity instanceIdentity(
      @Value("${almacen.instance-id:}") String configured, @Value("${server.port:8080}") int port) {
    InstanceIdentity identity =
        InstanceIdentity.resolve(configured, InstanceIdentity.localHostName(), port);
    log.info("Instance identity: {}", identity.known() ? identity.value() : "none (random port)");
    return identity;
  }

  /** How a service whose Kafka Streams client stopped working ends itself. */
  @Bean
  ProcessExit processExit() {
    return ProcessExit.system();
  }

  @Bean
  BrokerProbe brokerProbe(Admin admin) {
    return new BrokerProbe(admin, Duration.ofSeconds(5));
  }

  @Bean
  Clock clock() {
    return Clock.system(BUENOS_AIRES);
  }

  /** Ready only when the broker answers and every Streams instance of this service is RUNNING. */
  @Bean
  HealthIndicator kafkaHealthIndicator(
      BrokerProbe probe, ObjectProvider<ManagedKafkaStreams> streams) {
    return () -> {
      Health.Builder health =
          probe.reachable() ? Health.up() : Health.down().withDetail("broker", "unreachable");
      for (ManagedKafkaStreams s : streams) {
        health.withDetail("streams", s.state().name());
        if (!s.ready()) {
          health.down();
        }
      }
      return health.build();
    };
  }
}
