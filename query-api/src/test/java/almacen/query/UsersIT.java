package almacen.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import almacen.events.User;
import almacen.kafkalocal.CommittedRecords;
import almacen.kafkalocal.KafkaBrokerExtension;
import almacen.query.web.EventBroadcaster;
import almacen.schemas.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Users managed over the API on a real broker: the local admin seeded from its file, a created user
 * logs in, a weak password is refused, a deactivated user's token and event stream end.
 */
@Tag("integration")
@ExtendWith(KafkaBrokerExtension.class)
@SpringBootTest(
    classes = QueryApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UsersIT {

  static final String PREFIX = "uit.";
  static final Path HOME = tempHome();
  static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;

  @Autowired EventBroadcaster broadcaster;

  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("almacen.bootstrap-servers", KafkaBrokerExtension::bootstrapServers);
    registry.add("almacen.home", HOME::toString);
    registry.add("almacen.topics.prefix", () -> PREFIX);
    registry.add("almacen.topics.partitions", () -> "2");
  }

  @Test
  void shouldLogInCreatedUserAndRefuseItsTokenAndStreamWhenDeactivated() throws Exception {
    // given: the local admin, seeded from the file it was created in
    String admin = login("admin", Files.readString(HOME.resolve("admin-password")).strip());

    // when
    HttpResponse<String> created =
        send(
            "POST",
            "/api/users",
            admin,
            "{\"username\":\"caja1\",\"password\":\"mostrador-2025\",\"roles\":[\"cashier\"],"
                + "\"branch\":\"norte\"}");
    HttpResponse<String> again =
        send(
            "POST",
            "/api/users",
            admin,
            "{\"username\":\"caja1\",\"password\":\"otra-clave-larga\",\"roles\":[\"viewer\"]}");
    String cashier = login("caja1", "mostrador-2025");
    HttpResponse<String> whoami = send("GET", "/api/whoami", cashier, null);
    HttpResponse<String> listAsCashier = send("GET", "/api/users", cashier, null);

    // then
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(JSON.readTree(created.body()).path("roles").toString()).isEqualTo("[\"cashier\"]");
    assertThat(created.body()).doesNotContain("mostrador-2025").doesNotContain("$2");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(whoami.body())
        .isEqualTo("{\"username\":\"caja1\",\"roles\":[\"cashier\"],\"branch\":\"norte\"}");
    assertThat(listAsCashier.statusCode()).isEqualTo(403);
    User stored = lastUserRecord("caja1");
    assertThat(stored.getPasswordHash()).startsWith("$2").doesNotContain("mostrador-2025");

    // when: an open event stream, then the user is deactivated
    CompletableFuture<Long> stream = openEvents(cashier);
    await().atMost(Duration.ofSeconds(10)).until(() -> broadcaster.clients() == 1);
    HttpResponse<String> deactivated = send("PUT", "/api/users/caja1", admin, "{\"active\":false}");

    // then: within 30 s the stream is closed, the token refused, a login refused
    assertThat(deactivated.statusCode()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(30)).until(stream::isDone);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> send("GET", "/api/whoami", cashier, null).statusCode() == 401);
    assertThat(send("GET", "/api/whoami", cashier, null).body())
        .contains("The user of this access token has been deactivated");
    assertThat(loginStatus("caja1", "mostrador-2025")).isEqualTo(401);
  }

  @Test
  void shouldAnswer400AndWriteNothingWhenPasswordIsWeakOrRoleUnknown() throws Exception {
    // given
    String admin = login("admin", Files.readString(HOME.resolve("admin-password")).strip());

    // when
    HttpResponse<String> weak =
        send(
            "POST",
            "/api/users",
            admin,
            "{\"username\":\"debil\",\"password\":\"corta\",\"roles\":[\"viewer\"]}");
    HttpResponse<String> unknownRole =
        send(
            "POST",
            "/api/users",
            admin,
            "{\"username\":\"raro\",\"password\":\"una-clave-larga\",\"roles\":[\"boss\"]}");

    // then
    assertThat(weak.statusCode()).isEqualTo(400);
    assertThat(weak.body())
        .isEqualTo(
            "{\"error\":\"WEAK_PASSWORD\",\"message\":\"The password must have at least 10 characters\","
                + "\"field\":\"password\"}");
    assertThat(unknownRole.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(unknownRole.body()).path("error").asString())
        .isEqualTo("UNKNOWN_ROLE");
    assertThat(lastUserRecord("debil")).isNull();
    assertThat(lastUserRecord("raro")).isNull();
  }

  private String login(String username, String password) throws Exception {
    HttpResponse<String> answer =
        send(
            "POST",
            "/api/auth/login",
            null,
            "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode body = JSON.readTree(answer.body());
    return body.path("accessToken").asString();
  }

  private int loginStatus(String username, String password) throws Exception {
    return send(
            "POST",
            "/api/auth/login",
            null,
            "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")
        .statusCode();
  }

  private HttpResponse<String> send(String method, String path, String token, String json)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Reads the event stream to its end; the future completes when the server closes it. */
  private CompletableFuture<Long> openEvents(String token) {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/events?access_token=" + token))
            .header("Accept", "text/event-stream")
            .GET()
            .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
        .thenApplyAsync(response -> response.body().count());
  }

  /** The last record of {@code username} on the users topic, null when there is none. */
  private static User lastUserRecord(String username) {
    Topics topics = Topics.withPrefix(PREFIX);
    User last = null;
    for (ConsumerRecord<String, User> r :
        CommittedRecords.upToCurrentEnd(
            KafkaBrokerExtension.bootstrapServers(),
            topics.users.name(),
            new StringDeserializer(),
            topics.users.valueSerde().deserializer(),
            Duration.ofSeconds(20))) {
      if (username.equals(r.key())) {
        last = r.value();
      }
    }
    return last;
  }

  private static Path tempHome() {
    try {
      return Files.createTempDirectory("users-it-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
