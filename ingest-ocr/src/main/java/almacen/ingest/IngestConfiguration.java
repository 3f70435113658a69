package almacen.ingest;

import almacen.ingest.catalog.CatalogLookup;
import almacen.ingest.catalog.ProductCatalog;
import almacen.ingest.invoice.InvoiceLedger;
import almacen.ingest.invoice.InvoiceService;
import almacen.ingest.invoice.InvoiceValidator;
import almacen.ingest.kafka.TopicSnapshot;
import almacen.ingest.publish.EventPublisher;
import almacen.ingest.publish.IngestMetrics;
import almacen.ingest.publish.KafkaEventPublisher;
import almacen.ingest.publish.MeteredEventPublisher;
import almacen.ingest.publish.SingleRecordPublisher;
import almacen.schemas.Topics;
import almacen.support.AlmacenSettings;
import almacen.support.InstanceIdentity;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The write side's collaborators: indexes rebuilt from the topics, the producer, the invoice rules.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IngestSettings.class)
public class IngestConfiguration {

  @Bean
  ProductCatalog productCatalog(AlmacenSettings settings, Topics topics, IngestSettings ingest) {
    ProductCatalog catalog = new ProductCatalog();
    TopicSnapshot.readAll(
        settings.bootstrapServers(), topics.products, ingest.snapshotTimeout(), catalog::apply);
    return catalog;
  }

  @Bean
  InvoiceLedger invoiceLedger(AlmacenSettings settings, Topics topics, IngestSettings ingest) {
    InvoiceLedger ledger = new InvoiceLedger();
    TopicSnapshot.readAll(
        settings.bootstrapServers(),
        topics.invoices,
        ingest.snapshotTimeout(),
        (key, invoice) -> ledger.apply(invoice));
    return ledger;
  }

  @Bean
  IngestMetrics ingestMetrics(MeterRegistry registry) {
    return new IngestMetrics(registry);
  }

  @Bean(destroyMethod = "close")
  KafkaEventPublisher kafkaEventPublisher(
      AlmacenSettings settings, IngestSettings ingest, InstanceIdentity instance, Clock clock) {
    Map<String, Object> config =
        producerConfig(
            settings.bootstrapServers(),
            ingest,
            IngestTransactionalId.resolve(ingest.transactionalId(), instance, UUID::randomUUID));
    KafkaEventPublisher publisher =
        new KafkaEventPublisher(
            () -> new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer()),
            ingest.publishTimeout(),
            clock);
    publisher.warmUp();
    return publisher;
  }

  @Bean(destroyMethod = "close")
  SingleRecordPublisher singleRecordPublisher(
      AlmacenSettings settings, IngestSettings ingest, KafkaEventPublisher multi, Clock clock) {
    Map<String, Object> config = producerConfig(settings.bootstrapServers(), ingest, null);
    return new SingleRecordPublisher(
        () -> new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer()),
        multi,
        ingest.publishTimeout(),
        clock);
  }

  /**
   * The publisher everything uses, counted: one record acknowledged by the idempotent producer,
   * several in one transaction.
   */
  @Bean
  @Primary
  EventPublisher eventPublisher(SingleRecordPublisher kafka, IngestMetrics metrics) {
    return new MeteredEventPublisher(kafka, metrics);
  }

  @Bean
  InvoiceValidator invoiceValidator(ProductCatalog catalog, InvoiceLedger ledger, Clock clock) {
    return new InvoiceValidator(new CatalogLookup(catalog, ledger), clock);
  }

  @Bean
  InvoiceService invoiceService(
      InvoiceValidator validator,
      InvoiceLedger ledger,
      EventPublisher publisher,
      Topics topics,
      Clock clock,
      IngestMetrics metrics) {
    return new InvoiceService(validator, ledger, publisher, topics, clock, metrics);
  }

  /**
   * acks=all + idempotence (+ transactions when {@code transactionalId} is not null); timeouts
   * small enough that a dead broker answers 503 within the publish timeout instead of hanging the
   * request.
   */
  static final int BATCH_BYTES = 512 * 1024;

  static Map<String, Object> producerConfig(
      String bootstrapServers, IngestSettings ingest, String transactionalId) {
    long publishMs = ingest.publishTimeout().toMillis();
    long blockMs = Math.max(1000, Math.min(5000, publishMs / 2));
    int requestMs = (int) Math.max(1000, Math.min(5000, publishMs / 2));
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    if (transactionalId != null) {
      config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
      config.put(
          ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) Duration.ofSeconds(60).toMillis());
    }
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, blockMs);
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, requestMs);
    config.put(
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(publishMs, requestMs + 1000L));
    config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    // a 10,000-row CSV batch is ~1 MB: in 16 KB batches (the default) it took ~60 produce requests,
    // five in flight at a time, before the commit could start; a single sale is unaffected
    config.put(ProducerConfig.BATCH_SIZE_CONFIG, BATCH_BYTES);
    config.put(
        ProducerConfig.CLIENT_ID_CONFIG,
        transactionalId == null ? "ingest-ocr-single" : "ingest-ocr");
    return config;
  }
}
