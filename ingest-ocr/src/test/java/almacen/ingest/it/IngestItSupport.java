package almacen.ingest.it;

import almacen.events.Invoice;
import almacen.ingest.IngestApplication;
import almacen.kafkalocal.KafkaBrokerExtension;
import almacen.schemas.Topic;
import almacen.schemas.Topics;
import almacen.support.security.KeyRing;
import almacen.support.security.Role;
import almacen.support.security.TokenIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the ingest-ocr integration tests on the embedded broker share: a home of their own, an
 * ingest started (and restarted) on it, a token it accepts, and invoices published as a reader of
 * the invoices topic would find them.
 */
final class IngestItSupport {

  private IngestItSupport() {}

  static Path tempHome(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ConfigurableApplicationContext startIngest(Path home, String topicPrefix) {
    // command-line arguments: builder "properties" would lose to almacen-defaults.properties
    return new SpringApplicationBuilder(IngestApplication.class)
        .run(
            "--server.port=0",
            "--almacen.bootstrap-servers=" + KafkaBrokerExtension.bootstrapServers(),
            "--almacen.home=" + home,
            "--almacen.topics.prefix=" + topicPrefix,
            "--almacen.topics.partitions=1");
  }

  static String baseOf(ConfigurableApplicationContext context) {
    return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
  }

  /** A five-minute token for ingest and query, signed with the home's key ring. */
  static String token(Path home, Set<Role> roles) {
    KeyRing ring = KeyRing.loadOrCreate(home.resolve("keys"));
    return new TokenIssuer(ring, Clock.systemUTC())
        .issue("it", roles, Set.of("ingest", "query"), Duration.ofMinutes(5));
  }

  /** The invoice on the invoices topic under its id, acknowledged by every replica. */
  static void publishInvoice(Topics topics, Invoice invoice) throws Exception {
    publish(topics.invoices, invoice.getInvoiceId(), invoice);
  }

  /** One record on {@code topic}, acknowledged by every replica. */
  static <V> void publish(Topic<String, V> topic, String key, V value) throws Exception {
    try (KafkaProducer<String, V> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaBrokerExtension.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            topic.valueSerde().serializer())) {
      producer.send(new ProducerRecord<>(topic.name(), key, value)).get();
    }
  }
}
