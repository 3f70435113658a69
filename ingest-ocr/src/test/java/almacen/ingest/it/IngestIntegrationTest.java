package almacen.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;

import almacen.events.Invoice;
import almacen.events.InvoiceStatus;
import almacen.events.Product;
import almacen.events.Sale;
import almacen.ingest.IngestApplication;
import almacen.kafkalocal.CommittedRecords;
import almacen.kafkalocal.KafkaBrokerExtension;
import almacen.kafkalocal.KafkaLocalBroker;
import almacen.schemas.EventSchemas;
import almacen.schemas.Topic;
import almacen.schemas.Topics;
import almacen.support.security.KeyRing;
import almacen.support.security.Role;
import almacen.support.security.TokenIssuer;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The write side against a real broker: HTTP in, records with headers out, duplicates, a dead
 * broker → 503.
 */
@Tag("integration")
@ExtendWith(KafkaBrokerExtension.class)
@SpringBootTest(
    classes = IngestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IngestIntegrationTest {

  private static final String PREFIX = "it-ingest.";
  private static final Path HOME = tempDir();
  private static final String INVOICE =
      """
      {"supplier":{"cuit":"30-71234567-1","name":"Distribuidora Sur SA"},
       "type":"A","pointOfSale":3,"number":12345,"issueDate":"2025-10-15","branch":"central",
       "lines":[{"sku":"ALM000001","supplierCode":"YM-1","description":"Yerba mate 1 kg","qty":12,
                 "unitCost":850.00,"ivaRatePct":21,"lineTotal":10200.00}],
       "netTotal":10200.00,"ivaTotal":2142.00,"otherTaxes":0,"total":12342.00}""";

  private final HttpClient http = HttpClient.newHttpClient();
  private final Topics topics = Topics.withPrefix(PREFIX);

  @LocalServerPort int port;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("almacen.bootstrap-servers", KafkaBrokerExtension::bootstrapServers);
    registry.add("almacen.home", HOME::toString);
    registry.add("almacen.topics.prefix", () -> PREFIX);
    registry.add("almacen.topics.partitions", () -> "1");
  }

  @Test
  void shouldPublishProductSaleAndInvoiceWithHeadersWhenPostedWithTokens() throws Exception {
    // given
    String base = "http://127.0.0.1:" + port;

    // when
    HttpResponse<String> product =
        send(
            base,
            "PUT",
            "/api/products/ALM000001",
            Role.ADMIN,
            """
        {"name":"Yerba mate 1 kg","category":"Almacén","ean":"7790070410122","unit":"UNIT",
         "minStock":5,"ivaRatePct":21,"active":true}""");
    HttpResponse<String> sale =
        send(
            base,
            "POST",
            "/api/sales",
            Role.CASHIER,
            """
        {"saleId":"IT-S-1","branch":"central","soldAt":"2025-10-20T10:15:00-03:00","user":"jefe",
         "lines":[{"sku":"ALM000001","qty":2,"unitPrice":1500.50}]}""");
    HttpResponse<String> invoice = send(base, "POST", "/api/invoices", Role.STOCK, INVOICE);
    HttpResponse<String> again = send(base, "POST", "/api/invoices", Role.STOCK, INVOICE);

    // then
    assertThat(product.statusCode()).isEqualTo(200);
    assertThat(sale.statusCode()).isEqualTo(202);
    assertThat(sale.body()).isEqualTo("{\"saleId\":\"IT-S-1\",\"status\":\"ACCEPTED\"}");
    assertThat(invoice.statusCode()).isEqualTo(202);
    assertThat(invoice.body())
        .contains(
            "\"status\":\"CONFIRMED\"",
            "\"duplicate\":false",
            "\"invoiceId\":\"30712345671-A-00003-00012345\"");
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.body()).contains("\"duplicate\":true");

    ConsumerRecord<String, Product> p = readAll(topics.products).get(0);
    assertThat(p.key()).isEqualTo("ALM000001");
    assertThat(p.value().getEan()).isEqualTo("7790070410122");
    assertHeaders(p, "Product", Product.getClassSchema());

    ConsumerRecord<String, Sale> s = readAll(topics.sales).get(0);
    assertThat(s.value().getLines().get(0).getUnitPrice()).isEqualTo(new BigDecimal("1500.50"));
    // the record is stamped with its arrival; the business time travels in the payload
    assertThat(s.value().getSoldAt()).isEqualTo(java.time.Instant.parse("2025-10-20T13:15:00Z"));
    assertThat(s.timestamp())
        .isCloseTo(System.currentTimeMillis(), org.assertj.core.api.Assertions.within(120_000L));
    assertThat(s.headers().lastHeader("correlation-id")).isNotNull();
    assertHeaders(s, "Sale", Sale.getClassSchema());
    // who: the token's subject, never a name from the body
    assertThat(s.value().getUser()).isEqualTo("it");

    List<ConsumerRecord<String, Invoice>> invoices = readAll(topics.invoices);
    assertThat(invoices).hasSize(1);
    assertThat(invoices.get(0).value().getStatus()).isEqualTo(InvoiceStatus.CONFIRMED);
    assertThat(invoices.get(0).value().getUser()).isEqualTo("it");
    assertHeaders(invoices.get(0), "Invoice", Invoice.getClassSchema());
  }

  @Test
  void shouldAnswer401Or403WhenTokenMissingOrRoleWrong() throws Exception {
    // given
    String base = "http://127.0.0.1:" + port;
    String body = "{\"month\":\"2025-09\",\"ratePct\":2.1,\"source\":\"INDEC\"}";

    // when
    HttpResponse<String> anonymous =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/inflation"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> cashier = send(base, "POST", "/api/inflation", Role.CASHIER, body);
    HttpResponse<String> admin = send(base, "POST", "/api/inflation", Role.ADMIN, body);

    // then
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(cashier.statusCode()).isEqualTo(403);
    assertThat(admin.statusCode()).isEqualTo(202);
  }

  @Test
  void shouldAnswer503WithRetryAfterWhenBrokerGoesAway() throws Exception {
    // given: a second context on its own broker, which is then stopped
    Path dir = Files.createTempDirectory("almacen-it-down-");
    KafkaLocalBroker own = KafkaLocalBroker.start(dir, 0, 0, Map.of());
    ConfigurableApplicationContext context;
    try {
      // command-line arguments: builder "properties" would lose to almacen-defaults.properties
      context =
          new SpringApplicationBuilder(IngestApplication.class)
              .run(
                  "--server.port=0",
                  "--almacen.bootstrap-servers=" + own.bootstrapServers(),
                  "--almacen.home=" + HOME,
                  "--almacen.topics.partitions=1",
                  "--almacen.streams.startup-timeout=20s",
                  "--almacen.ingest.publish-timeout=4s");
    } catch (RuntimeException e) {
      own.close();
      throw e;
    }
    try (context) {
      String base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
      String sale =
          """
          {"saleId":"DOWN-%d","soldAt":"2025-10-20T10:15:00-03:00","lines":[{"sku":"ALM1","qty":1,"unitPrice":1}]}""";
      assertThat(send(base, "POST", "/api/sales", Role.CASHIER, sale.formatted(1)).statusCode())
          .isEqualTo(202);

      // when
      own.close();
      long started = System.nanoTime();
      HttpResponse<String> down = send(base, "POST", "/api/sales", Role.CASHIER, sale.formatted(2));

      // then
      assertThat(down.statusCode()).isEqualTo(503);
      assertThat(down.headers().firstValue("Retry-After")).contains("5");
      assertThat(down.body()).contains("\"error\":\"BROKER_UNAVAILABLE\"");
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
    }
  }

  private HttpResponse<String> send(String base, String method, String path, Role role, String json)
      throws IOException, InterruptedException {
    KeyRing ring = KeyRing.loadOrCreate(HOME.resolve("keys"));
    String token =
        new TokenIssuer(ring, Clock.systemUTC())
            .issue("it", Set.of(role), Set.of("ingest", "query"), Duration.ofMinutes(5));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json))
            .timeout(Duration.ofSeconds(30))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private <V> List<ConsumerRecord<String, V>> readAll(Topic<String, V> topic) {
    return CommittedRecords.upToCurrentEnd(
        KafkaBrokerExtension.bootstrapServers(),
        topic.name(),
        topic.keySerde().deserializer(),
        topic.valueSerde().deserializer(),
        Duration.ofSeconds(20));
  }

  private static void assertHeaders(
      ConsumerRecord<String, ?> record, String eventType, org.apache.avro.Schema schema) {
    assertThat(
            new String(record.headers().lastHeader("event-type").value(), StandardCharsets.UTF_8))
        .isEqualTo(eventType);
    assertThat(
            new String(
                record.headers().lastHeader("schema-fingerprint").value(), StandardCharsets.UTF_8))
        .isEqualTo(EventSchemas.fingerprintHex(schema));
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("almacen-ingest-it-");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
