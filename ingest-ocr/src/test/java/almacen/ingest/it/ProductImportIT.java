package almacen.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;

import almacen.domain.Barcodes;
import almacen.events.Product;
import almacen.ingest.IngestApplication;
import almacen.kafkalocal.CommittedRecords;
import almacen.kafkalocal.KafkaBrokerExtension;
import almacen.schemas.Topics;
import almacen.support.security.KeyRing;
import almacen.support.security.Role;
import almacen.support.security.TokenIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The catalogue import against a real broker: a CSV of a few hundred products in, every accepted
 * row on the products topic (read_committed) once, the refused rows named, admins only.
 */
@Tag("integration")
@ExtendWith(KafkaBrokerExtension.class)
@SpringBootTest(
    classes = IngestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProductImportIT {

  private static final String PREFIX = "it-import.";
  private static final Path HOME = tempDir();
  private static final int PRODUCTS = 300;

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
  void shouldPublishEveryAcceptedRowOnceWhenAnAdminImportsACsv() throws Exception {
    // given 300 products with their own EANs, and a 301st that reuses the first one's EAN
    StringBuilder csv =
        new StringBuilder("\uFEFFsku,name,category,ean,unit,minStock,ivaRatePct\r\n");
    for (int n = 1; n <= PRODUCTS; n++) {
      csv.append("IMP-%05d,Azúcar %d,Almacén,%s,UNIT,5,21\r\n".formatted(n, n, ean(n)));
    }
    csv.append("IMP-99999,Azúcar repetido,Almacén,%s,UNIT,5,21\r\n".formatted(ean(1)));

    // when: no charset named, as curl --data-binary sends it
    HttpResponse<String> cashier = post(Role.CASHIER, csv.toString());
    HttpResponse<String> admin = post(Role.ADMIN, csv.toString());

    // then
    assertThat(cashier.statusCode()).isEqualTo(403);
    assertThat(admin.statusCode()).isEqualTo(200);
    assertThat(admin.body())
        .startsWith("{\"accepted\":300,\"rejected\":[{\"line\":302,\"sku\":\"IMP-99999\",")
        .contains("\"code\":\"EAN_IN_USE\"", "\"field\":\"ean\"");
    List<ConsumerRecord<String, Product>> records = readAll();
    assertThat(records).hasSize(PRODUCTS);
    assertThat(records.get(0).key()).isEqualTo("IMP-00001");
    assertThat(records.get(0).value().getName()).isEqualTo("Azúcar 1");
    assertThat(records.get(PRODUCTS - 1).key()).isEqualTo("IMP-00300");
    assertThat(records.get(PRODUCTS - 1).value().getEan()).isEqualTo(ean(PRODUCTS));
    assertThat(records).extracting(ConsumerRecord::key).doesNotHaveDuplicates();
    assertThat(
            new String(
                records.get(0).headers().lastHeader("event-type").value(), StandardCharsets.UTF_8))
        .isEqualTo("Product");
  }

  private HttpResponse<String> post(Role role, String csv)
      throws IOException, InterruptedException {
    KeyRing ring = KeyRing.loadOrCreate(HOME.resolve("keys"));
    String token =
        new TokenIssuer(ring, Clock.systemUTC())
            .issue("it", Set.of(role), Set.of("ingest", "query"), Duration.ofMinutes(5));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/products/import"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "text/csv")
            .POST(HttpRequest.BodyPublishers.ofByteArray(csv.getBytes(StandardCharsets.UTF_8)))
            .timeout(Duration.ofSeconds(30))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private List<ConsumerRecord<String, Product>> readAll() {
    return CommittedRecords.atLeast(
        KafkaBrokerExtension.bootstrapServers(),
        topics.products.name(),
        topics.products.keySerde().deserializer(),
        topics.products.valueSerde().deserializer(),
        PRODUCTS,
        Duration.ofSeconds(20));
  }

  private static String ean(int n) {
    String payload = "779%09d".formatted(n);
    return payload + Barcodes.checkDigit(payload);
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("almacen-import-it-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
