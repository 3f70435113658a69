package almacen.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import almacen.events.Sale;
import almacen.events.User;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * ingest-ocr checks tokens against the users topic (written by query-api's users API; here by the
 * test): a deactivated user's token is refused within 30 s, a branch-bound user may only sell for
 * its branch, a machine token keeps its claims.
 */
@Tag("integration")
@ExtendWith(KafkaBrokerExtension.class)
@SpringBootTest(
    classes = IngestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UserDirectoryIT {

  private static final String PREFIX = "it-users.";
  private static final Path HOME = tempDir();
  private static final String SALE =
      """
      {"saleId":"%s","branch":"%s","soldAt":"2025-10-20T10:15:00-03:00",
       "lines":[{"sku":"ALM000001","qty":1,"unitPrice":1500.50}]}""";

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
  void shouldAnswer403AndPublishNothingWhenBranchBoundUserSellsForAnotherBranch() throws Exception {
    // given: cashier caja2 bound to branch norte
    writeUser("caja2", "norte", true);
    String token = token("caja2", Role.CASHIER);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> sell(token, "IT-U-PROBE", "central").statusCode() == 403);

    // when
    HttpResponse<String> other = sell(token, "IT-U-1", "central");
    HttpResponse<String> own = sell(token, "IT-U-2", "norte");

    // then
    assertThat(other.statusCode()).isEqualTo(403);
    assertThat(other.body())
        .isEqualTo(
            "{\"error\":\"FORBIDDEN_BRANCH\",\"message\":\"Your user may only write for branch norte; "
                + "this request is for branch central\",\"field\":\"branch\"}");
    assertThat(own.statusCode()).isEqualTo(202);
    // a commit returns before the broker writes its markers, so a read_committed reader may see
    // the sale a moment later
    await().atMost(Duration.ofSeconds(20)).until(() -> saleUsers().containsKey("IT-U-2"));
    assertThat(saleUsers()).doesNotContainKey("IT-U-1").containsEntry("IT-U-2", "caja2");
  }

  @Test
  void shouldRejectTheOtherBranchsLineInSpanishAndPublishTheRestWhenBranchBoundUserSendsCsv()
      throws Exception {
    // given cashier caja4 bound to branch norte
    writeUser("caja4", "norte", true);
    String token = token("caja4", Role.CASHIER);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> sell(token, "IT-U-PROBE-4", "central").statusCode() == 403);
    String csv =
        """
        IT-U-7,norte,2025-10-20T10:15:00-03:00,ALM000001,1,1500.50
        IT-U-8,central,2025-10-20T10:15:00-03:00,ALM000001,1,1500.50
        """;

    // when
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/sales/batch"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/csv")
                .header("Accept-Language", "es-AR")
                .POST(HttpRequest.BodyPublishers.ofString(csv))
                .timeout(Duration.ofSeconds(30))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    // then
    assertThat(answer.statusCode()).isEqualTo(202);
    assertThat(answer.body())
        .isEqualTo(
            "{\"accepted\":1,\"rejected\":[{\"line\":2,"
                + "\"error\":\"Tu usuario solo puede operar en su sucursal.\","
                + "\"code\":\"FORBIDDEN_BRANCH\"}]}");
    await().atMost(Duration.ofSeconds(20)).until(() -> saleUsers().containsKey("IT-U-7"));
    assertThat(saleUsers()).doesNotContainKey("IT-U-8").containsEntry("IT-U-7", "caja4");
  }

  @Test
  void shouldRefuseTokenWithin30sWhenUserIsDeactivatedButKeepMachineTokens() throws Exception {
    // given: an active user with a working token, and a machine token of scripts/token
    writeUser("caja3", null, true);
    String token = token("caja3", Role.CASHIER);
    String machine = token("cli-cashier", Role.CASHIER);
    assertThat(sell(token, "IT-U-3", "central").statusCode()).isEqualTo(202);

    // when
    Instant deactivated = Instant.now();
    writeUser("caja3", null, false);

    // then
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> sell(token, "IT-U-4", "central").statusCode() == 401);
    assertThat(Duration.between(deactivated, Instant.now())).isLessThan(Duration.ofSeconds(30));
    assertThat(sell(token, "IT-U-5", "central").body())
        .contains("The user of this access token has been deactivated");
    assertThat(sell(machine, "IT-U-6", "central").statusCode()).isEqualTo(202);
  }

  private void writeUser(String username, String branch, boolean active) throws Exception {
    User user =
        User.newBuilder()
            .setUsername(username)
            .setPasswordHash("$2a$10$abcdefghijklmnopqrstuuJ1zZ0xqZ0xqZ0xqZ0xqZ0xqZ0xqZ0xq")
            .setRoles(List.of("cashier"))
            .setBranch(branch)
            .setActive(active)
            .setUpdatedAt(Instant.now())
            .setUpdatedBy("it")
            .build();
    IngestItSupport.publish(topics.users, username, user);
  }

  private static String token(String subject, Role role) {
    KeyRing ring = KeyRing.loadOrCreate(HOME.resolve("keys"));
    return new TokenIssuer(ring, Clock.systemUTC())
        .issue(subject, Set.of(role), Set.of("ingest", "query"), Duration.ofMinutes(5));
  }

  private HttpResponse<String> sell(String token, String saleId, String branch)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/sales"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(SALE.formatted(saleId, branch)))
            .timeout(Duration.ofSeconds(30))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** saleId → user of every committed sale. */
  private Map<String, String> saleUsers() {
    Map<String, String> users = new HashMap<>();
    for (ConsumerRecord<String, Sale> r :
        CommittedRecords.upToCurrentEnd(
            KafkaBrokerExtension.bootstrapServers(),
            topics.sales.name(),
            new StringDeserializer(),
            topics.sales.valueSerde().deserializer(),
            Duration.ofSeconds(20))) {
      users.put(r.key(), String.valueOf(r.value().getUser()));
    }
    return users;
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("ingest-users-it-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
