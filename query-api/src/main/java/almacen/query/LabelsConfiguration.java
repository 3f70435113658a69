package almacen.query;

import almacen.query.read.LabelsModel;
import almacen.query.read.StoreReader;
import almacen.query.write.CommittedWriter;
import almacen.query.write.KafkaCommittedWriter;
import almacen.support.AlmacenSettings;
import almacen.support.InstanceIdentity;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Shelf labels and the writes query-api makes itself: a transactional {@link KafkaTemplate}
 * (acks=all, idempotent, one transactional id per instance so a restarted instance fences its
 * predecessor) behind {@link CommittedWriter}.
 */
@Configuration(proxyBeanMethods = false)
class LabelsConfiguration {

  /** How long a write may wait for the broker before the answer is 503. */
  static final Duration WRITE_TIMEOUT = Duration.ofSeconds(10);

  @Bean
  LabelsModel labelsModel(StoreReader reader, QueryConfig config) {
    return new LabelsModel(reader, config.zone());
  }

  @Bean(destroyMethod = "destroy")
  DefaultKafkaProducerFactory<String, byte[]> queryProducerFactory(
      AlmacenSettings settings, InstanceIdentity instance) {
    DefaultKafkaProducerFactory<String, byte[]> factory =
        new DefaultKafkaProducerFactory<>(
            producerConfig(settings.bootstrapServers()),
            new StringSerializer(),
            new ByteArraySerializer());
    factory.setTransactionIdPrefix(
        "almacen-query-"
            + (instance.known() ? instance.value() : UUID.randomUUID().toString())
            + "-");
    return factory;
  }

  @Bean
  KafkaTemplate<String, byte[]> queryKafkaTemplate(
      DefaultKafkaProducerFactory<String, byte[]> factory) {
    return new KafkaTemplate<>(factory);
  }

  @Bean
  CommittedWriter committedWriter(KafkaTemplate<String, byte[]> queryKafkaTemplate) {
    return new KafkaCommittedWriter(queryKafkaTemplate, WRITE_TIMEOUT);
  }

  /** acks=all and idempotence (transactions need both); timeouts within the write timeout. */
  static Map<String, Object> producerConfig(String bootstrapServers) {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) WRITE_TIMEOUT.toMillis());
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "query-api");
    return config;
  }
}
