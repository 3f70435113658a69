package almacen.query;

import static java.net.http.HttpResponse.BodyHandlers.ofString;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import almacen.events.Invoice;
import almacen.events.InvoiceKind;
import almacen.events.InvoiceLine;
import almacen.events.InvoiceStatus;
import almacen.events.MovementType;
import almacen.events.PriceReason;
import almacen.events.StockStatus;
import almacen.kafkalocal.KafkaBrokerExtension;
import almacen.schemas.Topic;
import almacen.schemas.Topics;
import almacen.support.security.KeyRing;
import almacen.support.security.Role;
import almacen.support.security.TokenIssuer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole app on a real broker: events produced with the catalogue serdes, read back over HTTP.
 */
@Tag("integration")
@ExtendWith(KafkaBrokerExtension.class)
@SpringBootTest(
    classes = QueryApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class QueryApiIT {

  static final String PREFIX = "qit.";
  static final Path HOME = tempHome();
  static final JsonMapper JSON = JsonMapper.builder().build();
  static String token;

  @LocalServerPort int port;

  final HttpClient http = HttpClient.newHttpClient();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("almacen.bootstrap-servers", KafkaBrokerExtension::bootstrapServers);
    registry.add("almacen.home", HOME::toString);
    registry.add("almacen.topics.prefix", () -> PREFIX);
    registry.add("almacen.topics.partitions", () -> "2");
  }

  @BeforeAll
  static void issueToken() {
    KeyRing ring = KeyRing.loadOrCreate(HOME.resolve("keys"));
    token =
        new TokenIssuer(ring, Clock.systemUTC())
            .issue("it", Set.of(Role.VIEWER), Set.of("ingest", "query"), Duration.ofMinutes(10));
  }

  @Test
  void shouldServeProducedEventsOverHttpWhenTheyReachTheStores() throws Exception {
    // given
    Topics topics = Topics.withPrefix(PREFIX);
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", KafkaBrokerExtension.bootstrapServers(), "acks", "all"),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      send(
          producer,
          topics.products,
          "ALM000001",
          Fixtures.product(
              "ALM000001", "Azúcar común 1 kg", "Almacén", "7790000000011", "5", null));
      send(
          producer,
          topics.products,
          "ALM000002",
          Fixtures.product("ALM000002", "Yerba mate 1 kg", "Infusiones", null, "5", null));
      send(
          producer,
          topics.prices,
          "ALM000001",
          Fixtures.price("ALM000001", "1490", Fixtures.T0, PriceReason.COST));
      send(
          producer,
          topics.stockLevels,
          "central|ALM000001",
          Fixtures.level("central", "ALM000001", "3", "850", StockStatus.LOW));
      for (long seq = 1; seq <= 3; seq++) {
        send(
            producer,
            topics.stockMovements,
            "central|ALM000001",
            Fixtures.movement("central", "ALM000001", seq));
      }
      send(
          producer,
          topics.stockAlerts,
          "central|ALM000001",
          Fixtures.alert("central", "ALM000001", StockStatus.LOW, StockStatus.OK));
      send(
          producer,
          topics.invoices,
          "INV1",
          Fixtures.invoice("INV1", "central", InvoiceStatus.NEEDS_REVIEW));
      send(producer, topics.invoices, NOTE_ID, creditNoteWithDiscount());
      producer.flush();
    }

    // when
    JsonNode stock =
        awaitJson(
            "/api/stock/ALM000001?branch=central",
            n -> n.path("status").asString().equals("LOW") && n.path("listPrice").isNumber());

    // then
    assertThat(stock.path("name").asString()).isEqualTo("Azúcar común 1 kg");
    assertThat(stock.path("status").asString()).isEqualTo("LOW");
    assertThat(stock.path("onHand").decimalValue()).isEqualByComparingTo("3");
    assertThat(stock.path("stockValue").decimalValue()).isEqualByComparingTo("2550.00");
    assertThat(stock.path("listPrice").decimalValue()).isEqualByComparingTo("1490.00");
    assertThat(stock.path("updatedAt").asString()).isEqualTo("2026-03-10T12:00:00-03:00");

    JsonNode movements =
        awaitJson(
            "/api/stock/ALM000001/movements?branch=central&limit=2",
            n ->
                n.path("items").size() == 2
                    && n.path("items").get(0).path("sourceRef").asString().equals("S3#1"));
    assertThat(movements.path("items").get(1).path("sourceRef").asString()).isEqualTo("S2#1");

    JsonNode list =
        awaitJson("/api/stock?branch=central&q=azucar", n -> n.path("total").asLong() == 1);
    assertThat(list.path("items").get(0).path("sku").asString()).isEqualTo("ALM000001");

    JsonNode neverMoved = get("/api/stock/ALM000002?branch=central");
    assertThat(neverMoved.path("status").asString()).isEqualTo("OUT");

    JsonNode alerts = awaitJson("/api/alerts?branch=central", n -> n.path("items").size() == 1);
    assertThat(alerts.path("items").get(0).path("kind").asString()).isEqualTo("LOW");

    JsonNode summary =
        awaitJson(
            "/api/summary?branch=central", n -> n.path("invoicesPendingReview").asLong() == 1);
    assertThat(summary.path("products").asLong()).isEqualTo(2);
    assertThat(summary.path("lowCount").asLong()).isEqualTo(1);
    assertThat(summary.path("outCount").asLong()).isEqualTo(1);

    JsonNode note =
        awaitJson("/api/invoices/" + NOTE_ID, n -> n.path("kind").asString().equals("CREDIT_NOTE"));
    assertThat(note.path("lines").get(0).path("discountPct").decimalValue())
        .isEqualByComparingTo("10.00");
    assertThat(note.path("lines").get(0).path("lineTotal").decimalValue())
        .isEqualByComparingTo("9180.00");
    assertThat(get("/api/invoices/INV1").path("kind").asString()).isEqualTo("INVOICE");

    assertThat(status("/api/stock/NOPE0001?branch=central", token)).isEqualTo(404);
    assertThat(status("/api/stock?size=501", token)).isEqualTo(400);
    assertThat(status("/api/prices/ALM000002", token)).isEqualTo(404);
    assertThat(status("/api/stock/ALM000001", null)).isEqualTo(401);

    HttpResponse<String> csv =
        http.send(request("/api/export/stock.csv", token), HttpResponse.BodyHandlers.ofString());
    assertThat(csv.body())
        .startsWith("branch,sku,name,")
        .contains("central,ALM000001,Azúcar común 1 kg,Almacén,UNIT,3.000");
  }

  @Test
  void shouldAnswerSuppliersAndAnalyticsOverHttpWhenSalesLedgerAndInvoicesArrive()
      throws Exception {
    // given a sku (not catalogued, so that the other tests' counts stay) sold on the 5th (one sale
    // re-sent) and on
    // the 6th in another branch, its ledger entries at an average cost of 600, and a confirmed
    // invoice of its supplier
    Topics topics = Topics.withPrefix(PREFIX);
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", KafkaBrokerExtension.bootstrapServers(), "acks", "all"),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      Instant fifth = Instant.parse("2026-03-05T15:00:00Z");
      Instant sixth = Instant.parse("2026-03-06T15:00:00Z");
      for (int i = 0; i < 2; i++) {
        send(
            producer,
            topics.sales,
            "S-AN1",
            Fixtures.sale("S-AN1", "central", fifth, Fixtures.line("ZZZ000007", "2", "1000")));
      }
      send(
          producer,
          topics.sales,
          "S-AN2",
          Fixtures.sale("S-AN2", "sur", sixth, Fixtures.line("ZZZ000007", "1", "1000")));
      send(
          producer,
          topics.stockMovements,
          "central|ZZZ000007",
          Fixtures.movement("central", "ZZZ000007", 1, MovementType.SALE, "-2", "600", fifth));
      send(
          producer,
          topics.stockMovements,
          "sur|ZZZ000007",
          Fixtures.movement("sur", "ZZZ000007", 1, MovementType.SALE, "-1", "600", sixth));
      send(
          producer,
          topics.invoices,
          "INV-AN1",
          Fixtures.supplierInvoice(
              "INV-AN1",
              "30-70000000-7",
              "Galletitera SA",
              "2026-03-04",
              "central",
              InvoiceStatus.CONFIRMED,
              Fixtures.line("ZZZ000007", "10", "600")));
      producer.flush();
    }

    // when / then sales per day and category count S-AN1 once
    JsonNode sales =
        awaitJson(
            "/api/analytics/sales?from=2026-03-05&to=2026-03-06",
            n -> n.path("amount").decimalValue().compareTo(new java.math.BigDecimal("3000")) == 0);
    assertThat(sales.path("days").get(0).path("amount").decimalValue())
        .isEqualByComparingTo("2000");
    assertThat(sales.path("categories").get(0).path("category").isNull()).isTrue();
    JsonNode margin =
        awaitJson(
            "/api/analytics/margin?from=2026-03-05&to=2026-03-06",
            n -> n.path("cost").decimalValue().compareTo(new java.math.BigDecimal("1800")) == 0);
    assertThat(margin.path("margin").decimalValue()).isEqualByComparingTo("1200");
    assertThat(margin.path("marginPct").decimalValue()).isEqualByComparingTo("40");
    JsonNode central = get("/api/analytics/sales?from=2026-03-05&to=2026-03-06&branch=central");
    assertThat(central.path("amount").decimalValue()).isEqualByComparingTo("2000");
    JsonNode top = get("/api/analytics/top-products?from=2026-03-05&to=2026-03-06&limit=1");
    assertThat(top.path("items").get(0).path("sku").asString()).isEqualTo("ZZZ000007");
    JsonNode supplier =
        awaitJson("/api/suppliers/30-70000000-7", n -> n.path("invoices").asLong() == 1);
    assertThat(supplier.path("months").get(0).path("month").asString()).isEqualTo("2026-03");
    assertThat(supplier.path("products").get(0).path("lastUnitCost").decimalValue())
        .isEqualByComparingTo("600");
    JsonNode purchases = get("/api/analytics/purchases?from=2026-03-01&to=2026-03-31");
    assertThat(purchases.path("items").valueStream().map(i -> i.path("name").asString()))
        .contains("Galletitera SA");
    assertThat(status("/api/analytics/sales?from=2026-03-07&to=2026-03-06", token)).isEqualTo(400);
  }

  @Test
  void shouldPushTheChangeToAnOpenEventStreamAndCountItInTheGaugesWhenAStockLevelArrives()
      throws Exception {
    // given a dashboard connected to the event stream
    List<ServerSentEvent<String>> events = new CopyOnWriteArrayList<>();
    Disposable stream =
        WebClient.builder()
            .clientConnector(new JdkClientHttpConnector())
            .baseUrl("http://127.0.0.1:" + port)
            .build()
            .get()
            .uri("/api/events")
            .header("Authorization", "Bearer " + token)
            .accept(MediaType.TEXT_EVENT_STREAM)
            .retrieve()
            .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() {})
            .subscribe(events::add);
    try {
      await("the hello event").atMost(Duration.ofSeconds(30)).until(() -> !events.isEmpty());
      assertThat(events.get(0).event()).isEqualTo("hello");

      // when a new negative level for another branch reaches the read model
      Topics topics = Topics.withPrefix(PREFIX);
      try (KafkaProducer<byte[], byte[]> producer =
          new KafkaProducer<>(
              Map.of("bootstrap.servers", KafkaBrokerExtension.bootstrapServers(), "acks", "all"),
              new ByteArraySerializer(),
              new ByteArraySerializer())) {
        send(
            producer,
            topics.stockLevels,
            "norte|ALM000009",
            Fixtures.level("norte", "ALM000009", "-2", "100", StockStatus.NEGATIVE));
      }

      // then the stream carries a stock event with the level's fields
      ServerSentEvent<String> stock =
          await("a stock event for norte|ALM000009")
              .atMost(Duration.ofSeconds(30))
              .until(
                  () ->
                      events.stream()
                          .filter(e -> "stock".equals(e.event()))
                          .filter(e -> e.data() != null && e.data().contains("norte|ALM000009"))
                          .findFirst(),
                  Optional::isPresent)
              .orElseThrow();
      JsonNode event = JSON.readTree(stock.data());
      assertThat(event.path("sku").asString()).isEqualTo("ALM000009");
      assertThat(event.path("status").asString()).isEqualTo("NEGATIVE");
      assertThat(event.path("onHand").decimalValue()).isEqualByComparingTo("-2");
    } finally {
      stream.dispose();
    }

    // and the read-model gauges count it
    java.util.regex.Pattern negativeItems =
        java.util.regex.Pattern.compile(
            "(?m)^almacen_stock_items\\{[^}]*status=\"NEGATIVE\"[^}]*} 1\\.0$");
    await("gauges count the NEGATIVE item")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () ->
                assertThat(
                        http.send(
                                request("/actuator/prometheus", null),
                                HttpResponse.BodyHandlers.ofString())
                            .body())
                    .containsPattern(negativeItems)
                    .contains("almacen_stock_value_ars")
                    // requests are measured as a whole, not filter by filter
                    .contains("http_server_requests_seconds_count")
                    .doesNotContain("spring_security_filterchains"));
  }

  @Test
  void shouldDropARejectedInvoiceFromTheQueueAndThePendingCountWhenItsRejectionArrives()
      throws Exception {
    // given two invoices of branch oeste waiting for review
    Topics topics = Topics.withPrefix(PREFIX);
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", KafkaBrokerExtension.bootstrapServers(), "acks", "all"),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      send(
          producer,
          topics.invoices,
          "REJ-1",
          Fixtures.invoice("REJ-1", "oeste", InvoiceStatus.NEEDS_REVIEW));
      send(
          producer,
          topics.invoices,
          "REJ-2",
          Fixtures.invoice("REJ-2", "oeste", InvoiceStatus.NEEDS_REVIEW));
      awaitJson("/api/summary?branch=oeste", n -> n.path("invoicesPendingReview").asLong() == 2);

      // when ingest publishes the first one's rejection
      send(
          producer,
          topics.invoices,
          "REJ-1",
          Invoice.newBuilder(Fixtures.invoice("REJ-1", "oeste", InvoiceStatus.REJECTED))
              .setRejectReason("Mercadería devuelta")
              .setUser("encargado")
              .build());
    }

    // then it leaves the queue and the count, and is listed as rejected with its reason
    awaitJson("/api/summary?branch=oeste", n -> n.path("invoicesPendingReview").asLong() == 1);
    assertThat(get("/api/invoices?status=NEEDS_REVIEW").path("items").toString())
        .contains("\"REJ-2\"")
        .doesNotContain("\"REJ-1\"");
    JsonNode rejected = get("/api/invoices?status=rejected").path("items");
    assertThat(rejected.size()).isEqualTo(1);
    assertThat(rejected.get(0).path("invoiceId").asString()).isEqualTo("REJ-1");
    assertThat(rejected.get(0).path("rejectReason").asString()).isEqualTo("Mercadería devuelta");
    assertThat(get("/api/invoices/REJ-1").path("status").asString()).isEqualTo("REJECTED");
    assertThat(get("/api/invoices/REJ-2").path("rejectReason").isNull()).isTrue();
    assertThat(status("/api/invoices?status=ARCHIVED", token)).isEqualTo(400);
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

  private static final String NOTE_ID = "30712345671-NC-A-00003-00000001";

  /** A confirmed credit note whose line carries a 10 % bonificación (12 × 850 less 10 %). */
  private static Invoice creditNoteWithDiscount() {
    Invoice base = Fixtures.invoice(NOTE_ID, "central", InvoiceStatus.CONFIRMED);
    InvoiceLine line =
        InvoiceLine.newBuilder(base.getLines().get(0))
            .setDiscountPct(new java.math.BigDecimal("10.00"))
            .setLineTotal(new java.math.BigDecimal("9180.00"))
            .build();
    return Invoice.newBuilder(base)
        .setKind(InvoiceKind.CREDIT_NOTE)
        .setLines(List.of(line))
        .build();
  }

  private JsonNode awaitJson(String path, java.util.function.Predicate<JsonNode> ready) {
    JsonNode[] last = new JsonNode[1];
    await("ready: " + path)
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () -> {
              HttpResponse<String> r =
                  http.send(request(path, token), HttpResponse.BodyHandlers.ofString());
              assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
              last[0] = JSON.readTree(r.body());
              assertThat(ready.test(last[0])).as(path + " last=" + last[0]).isTrue();
            });
    return last[0];
  }

  @Test
  void shouldRefuseAViewerAndCommitAStockUsersMarkWhenLabelsAreMarkedPrinted() throws Exception {
    // given
    String stock =
        new TokenIssuer(KeyRing.loadOrCreate(HOME.resolve("keys")), Clock.systemUTC())
            .issue(
                "deposito", Set.of(Role.STOCK), Set.of("ingest", "query"), Duration.ofMinutes(5));
    String body = "{\"branch\":\"labels-it\",\"printedAt\":\"2026-03-10T12:00:00-03:00\"}";

    // when
    HttpResponse<String> viewer = http.send(post("/api/labels/printed", token, body), ofString());
    HttpResponse<String> allowed = http.send(post("/api/labels/printed", stock, body), ofString());

    // then: the 200 comes after the commit, and this instance lists from the mark on
    assertThat(viewer.statusCode()).isEqualTo(403);
    assertThat(allowed.statusCode()).isEqualTo(200);
    assertThat(allowed.body())
        .isEqualTo("{\"branch\":\"labels-it\",\"printedAt\":\"2026-03-10T12:00:00-03:00\"}");
    HttpResponse<String> labels =
        http.send(request("/api/labels?branch=labels-it", token), ofString());
    assertThat(labels.statusCode()).isEqualTo(200);
    assertThat(labels.body()).contains("\"since\":\"2026-03-10T12:00:00-03:00\"");
  }

  private HttpRequest post(String path, String bearer, String json) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", "Bearer " + bearer)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
  }

  @Test
  void shouldDeclareTheBearerSchemeForEveryOperationButLoginWhenOpenApiIsRead() throws Exception {
    // when: the document springdoc serves without a token
    HttpResponse<String> r =
        http.send(request("/v3/api-docs", null), HttpResponse.BodyHandlers.ofString());

    // then: a bearer JWT everywhere, and login says it needs none
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode doc = JSON.readTree(r.body());
    JsonNode scheme = doc.path("components").path("securitySchemes").path("bearer");
    assertThat(scheme.path("type").asString()).isEqualTo("http");
    assertThat(scheme.path("scheme").asString()).isEqualTo("bearer");
    assertThat(scheme.path("bearerFormat").asString()).isEqualTo("JWT");
    assertThat(doc.path("security").toString()).isEqualTo("[{\"bearer\":[]}]");
    assertThat(doc.path("paths").path("/api/stock").path("get").has("security")).isFalse();
    assertThat(doc.path("paths").path("/api/auth/login").path("post").path("security").toString())
        .isEqualTo("[]");
  }

  private JsonNode get(String path) throws Exception {
    HttpResponse<String> r = http.send(request(path, token), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private int status(String path, String bearer) throws IOException, InterruptedException {
    return http.send(request(path, bearer), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private HttpRequest request(String path, String bearer) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    return b.build();
  }

  private static Path tempHome() {
    try {
      return Files.createTempDirectory("query-it-");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
