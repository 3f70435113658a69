package almacen.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import almacen.events.PriceReason;
import almacen.events.StockStatus;
import almacen.kafkalocal.KafkaBrokerExtension;
import almacen.schemas.Topic;
import almacen.schemas.Topics;
import almacen.support.security.KeyRing;
import almacen.support.security.Role;
import almacen.support.security.TokenIssuer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two query-api instances of one application id on the real broker, each with {@code
 * application.server} set: the stock-levels and movements stores are split between them, yet either
 * answers every key and every list the same way (forwarding to the owner, gathering the shares,
 * including the sales analytics), and the survivor still does after the other stops.
 */
@Tag("integration")
@ExtendWith(KafkaBrokerExtension.class)
class QueryScaleOutIT {

  private static final String PREFIX = "qscale.";
  private static final int SKUS = 24;

  /**
   * One sale per sku on the business day of Fixtures.T0: the sales store is split between the
   * instances too.
   */
  private static final String SALES_OF_T0 = "/api/analytics/sales?from=2026-03-10&to=2026-03-10";

  private static final String MARGIN_OF_T0 = "/api/analytics/margin?from=2026-03-10&to=2026-03-10";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static ConfigurableApplicationContext first;
  private static ConfigurableApplicationContext second;
  private static int firstPort;
  private static int secondPort;
  private static String token;

  @BeforeAll
  static void startTwoInstances() throws Exception {
    Path homeA = Files.createTempDirectory("query-scale-a-");
    Path homeB = Files.createTempDirectory("query-scale-b-");
    KeyRing ring = KeyRing.loadOrCreate(homeA.resolve("keys"));
    copyKeys(homeA.resolve("keys"), homeB.resolve("keys"));
    token =
        new TokenIssuer(ring, Clock.systemUTC())
            .issue("scale-it", Set.of(Role.VIEWER), Set.of("query"), Duration.ofMinutes(10));
    try (ServerSocket a = new ServerSocket(0);
        ServerSocket b = new ServerSocket(0)) {
      // both probes open at once, so the two ports differ
      firstPort = a.getLocalPort();
      secondPort = b.getLocalPort();
    }
    first = start(homeA, firstPort);
    second = start(homeB, secondPort);
  }

  @AfterAll
  static void stopInstances() {
    Stream.of(first, second)
        .filter(c -> c != null && c.isActive())
        .forEach(ConfigurableApplicationContext::close);
  }

  @Test
  void shouldAnswerEveryKeyIdenticallyFromBothInstancesBeforeAndAfterOneStops() throws Exception {
    // given 24 skus with a level, a price and two movements each, spread over 4 partitions
    Topics topics = Topics.withPrefix(PREFIX);
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", KafkaBrokerExtension.bootstrapServers(), "acks", "all"),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      for (String sku : skus()) {
        send(
            producer,
            topics.products,
            sku,
            Fixtures.product(sku, "Producto " + sku, "Almacén", null, "5", null));
        send(
            producer,
            topics.prices,
            sku,
            Fixtures.price(sku, "1490", Fixtures.T0, PriceReason.COST));
        send(
            producer,
            topics.stockLevels,
            "central|" + sku,
            Fixtures.level("central", sku, "3", "850", StockStatus.LOW));
        for (long seq = 1; seq <= 2; seq++) {
          send(
              producer,
              topics.stockMovements,
              "central|" + sku,
              Fixtures.movement("central", sku, seq));
        }
        send(
            producer,
            topics.sales,
            "S-" + sku,
            Fixtures.sale("S-" + sku, "central", Fixtures.T0, Fixtures.line(sku, "1", "100")));
      }
      producer.flush();
    }

    // when both instances have materialised everything (each holds only its share of the
    // partitioned stores)
    // (a cooperative rebalance hands partitions over in a second round, after the newcomer is
    // already RUNNING)
    awaitJson(
        firstPort, "/api/stock?branch=central&size=500", n -> n.path("total").asLong() == SKUS);
    awaitJson(
        secondPort, "/api/stock?branch=central&size=500", n -> n.path("total").asLong() == SKUS);
    awaitJson(secondPort, "/api/internal/stock?branch=central", n -> !n.isEmpty());
    awaitJson(
        firstPort, "/api/internal/stock?branch=central", n -> !n.isEmpty() && n.size() < SKUS);
    awaitJson(firstPort, "/api/summary?branch=central", n -> n.path("lowCount").asLong() == SKUS);
    awaitJson(secondPort, "/api/summary?branch=central", n -> n.path("lowCount").asLong() == SKUS);
    awaitJson(
        firstPort,
        SALES_OF_T0,
        n -> n.path("amount").decimalValue().compareTo(new java.math.BigDecimal("2400")) == 0);
    Set<String> ownedByFirst = localSkus(firstPort);
    Set<String> ownedBySecond = localSkus(secondPort);

    // then the levels are split between them, and each answers every key and list the same way
    assertThat(ownedByFirst).isNotEmpty().doesNotContainAnyElementsOf(ownedBySecond);
    assertThat(ownedBySecond).isNotEmpty();
    assertThat(union(ownedByFirst, ownedBySecond)).containsExactlyInAnyOrderElementsOf(skus());
    Map<String, String> answersBefore = answers(firstPort);
    assertSameAnswers(answers(secondPort), answersBefore);
    JsonNode yerba = JSON.readTree(answersBefore.get("/api/stock/ALM000001?branch=central"));
    assertThat(yerba.path("onHand").decimalValue()).isEqualByComparingTo("3");
    assertThat(yerba.path("status").asString()).isEqualTo("LOW");
    assertThat(yerba.path("listPrice").decimalValue()).isEqualByComparingTo("1490");
    JsonNode ledger =
        JSON.readTree(answersBefore.get("/api/stock/ALM000001/movements?branch=central&limit=5"));
    assertThat(ledger.path("items").valueStream().map(m -> m.path("sourceRef").asString()))
        .containsExactly("S2#1", "S1#1");
    assertThat(
            JSON.readTree(answersBefore.get("/api/stock?branch=central&size=500"))
                .path("total")
                .asLong())
        .isEqualTo(SKUS);
    assertThat(
            JSON.readTree(answersBefore.get("/api/summary?branch=central"))
                .path("lowCount")
                .asLong())
        .isEqualTo(SKUS);
    assertThat(JSON.readTree(answersBefore.get(SALES_OF_T0)).path("qty").decimalValue())
        .isEqualByComparingTo("24");
    assertThat(JSON.readTree(answersBefore.get(MARGIN_OF_T0)).path("sales").decimalValue())
        .isEqualByComparingTo("2400");
    assertThat(answersBefore.get("/api/export/stock.csv").split(", ")).hasSize(SKUS + 1);
    assertThat(answersBefore.get("/api/export/movements.csv").split(", ")).hasSize(2 * SKUS + 1);
    // the other instance's rows come in the asked locale too, behind one BOM and one header
    String esAr = answersBefore.get(STOCK_CSV_ES_AR);
    assertThat(esAr.split(", ")).hasSize(SKUS + 1);
    assertThat(esAr)
        .containsOnlyOnce("\uFEFF")
        .containsOnlyOnce("branch;sku;name;")
        .contains(";ALM000001;")
        .doesNotContain("central,");

    // and when the second instance stops, the first takes over its partitions and answers exactly
    // as before
    second.close();
    awaitJson(firstPort, "/api/internal/stock?branch=central", n -> n.size() == SKUS);
    awaitJson(firstPort, "/api/summary?branch=central", n -> n.path("lowCount").asLong() == SKUS);
    // a store still restoring is left out of a local read: wait until the taken-over sales
    // partitions are in
    awaitJson(
        firstPort,
        SALES_OF_T0,
        n -> n.path("amount").decimalValue().compareTo(new java.math.BigDecimal("2400")) == 0);
    // the survivor's rebalance starts only seconds after the other leaves, and a task being
    // restored is left out
    // of local reads meanwhile: compare once the answers have settled (or fail with the last ones
    // after 60 s)
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(() -> assertSameAnswers(answers(firstPort), answersBefore));
  }

  private static final String STOCK_CSV_ES_AR = "/api/export/stock.csv?branch=central&locale=es-AR";

  /** Names only the paths whose answers differ (the full maps are too long to read in a report). */
  private static void assertSameAnswers(Map<String, String> actual, Map<String, String> expected) {
    List<String> differing =
        expected.keySet().stream()
            .filter(path -> !expected.get(path).equals(actual.get(path)))
            .toList();
    assertThat(differing)
        .as(
            "paths answered differently, first: %s",
            differing.isEmpty()
                ? ""
                : actual.get(differing.get(0)) + " instead of " + expected.get(differing.get(0)))
        .isEmpty();
  }

  /** Every single-key and list answer this test compares, by path. */
  private static Map<String, String> answers(int port) throws Exception {
    Map<String, String> out = new LinkedHashMap<>();
    for (String sku : skus()) {
      for (String path :
          List.of(
              "/api/stock/" + sku + "?branch=central",
              "/api/stock/" + sku + "/movements?branch=central&limit=5")) {
        out.put(path, get(port, path).toString());
      }
    }
    for (String list :
        List.of(
            "/api/stock?branch=central&size=500",
            "/api/summary?branch=central",
            "/api/alerts?branch=central",
            SALES_OF_T0,
            MARGIN_OF_T0,
            "/api/analytics/top-products?from=2026-03-10&to=2026-03-10&limit=100")) {
      out.put(list, get(port, list).toString());
    }
    // the CSV export streams this instance's rows then the other's: compare the rows, not their
    // order
    for (String export :
        List.of("/api/export/stock.csv", "/api/export/movements.csv", STOCK_CSV_ES_AR)) {
      HttpResponse<String> csv =
          HTTP.send(request(port, export), HttpResponse.BodyHandlers.ofString());
      assertThat(csv.statusCode()).as(export).isEqualTo(200);
      out.put(export, csv.body().lines().sorted().toList().toString());
    }
    return out;
  }

  private static Set<String> localSkus(int port) throws Exception {
    Set<String> skus = new HashSet<>();
    get(port, "/api/internal/stock?branch=central")
        .forEach(view -> skus.add(view.path("sku").asString()));
    return skus;
  }

  private static List<String> skus() {
    return IntStream.rangeClosed(1, SKUS).mapToObj(i -> "ALM%06d".formatted(i)).toList();
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    return all;
  }

  private static ConfigurableApplicationContext start(Path home, int port) {
    // command-line arguments: they win over the defaults in almacen-defaults.properties and
    // application.yml
    return new SpringApplicationBuilder(QueryApplication.class)
        .run(
            "--server.port=" + port,
            "--almacen.bootstrap-servers=" + KafkaBrokerExtension.bootstrapServers(),
            "--almacen.home=" + home,
            "--almacen.topics.prefix=" + PREFIX,
            "--almacen.topics.partitions=4",
            "--almacen.streams.application-server=127.0.0.1:" + port,
            "--almacen.streams.standby-replicas=1");
  }

  private static <V> void send(
      KafkaProducer<byte[], byte[]> producer, Topic<String, V> topic, String key, V value)
      throws Exception {
    producer
        .send(
            new ProducerRecord<>(
                topic.name(),
                topic.keySerde().serializer().serialize(topic.name(), key),
                topic.valueSerde().serializer().serialize(topic.name(), value)))
        .get();
  }

  private static JsonNode awaitJson(int port, String path, Predicate<JsonNode> ready)
      throws Exception {
    AtomicReference<JsonNode> answer = new AtomicReference<>();
    await(path + " on " + port)
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(
            () -> {
              HttpResponse<String> r =
                  HTTP.send(request(port, path), HttpResponse.BodyHandlers.ofString());
              String shown =
                  r.statusCode() + " " + r.body().substring(0, Math.min(200, r.body().length()));
              assertThat(r.statusCode() == 200 && ready.test(JSON.readTree(r.body())))
                  .as("ready, last answer: %s", shown)
                  .isTrue();
              answer.set(JSON.readTree(r.body()));
            });
    return answer.get();
  }

  private static JsonNode get(int port, String path) throws Exception {
    HttpResponse<String> r = HTTP.send(request(port, path), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as("%s on %d: %s", path, port, r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private static HttpRequest request(int port, String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", "Bearer " + token)
        .GET()
        .build();
  }

  private static void copyKeys(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
  }
}
