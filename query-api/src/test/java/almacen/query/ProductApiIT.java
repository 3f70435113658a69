package almacen.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import almacen.events.PriceReason;
import almacen.events.Product;
import almacen.events.ScaleValue;
import almacen.events.Unit;
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
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The catalogue and the till's look-up by code, on a real broker, over HTTP. */
@Tag("integration")
@ExtendWith(KafkaBrokerExtension.class)
@SpringBootTest(
    classes = QueryApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProductApiIT {

  static final String PREFIX = "pit.";
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
    registry.add("almacen.topics.partitions", () -> "6");
  }

  @BeforeAll
  static void issueToken() {
    KeyRing ring = KeyRing.loadOrCreate(HOME.resolve("keys"));
    token =
        new TokenIssuer(ring, Clock.systemUTC())
            .issue("it", Set.of(Role.VIEWER), Set.of("ingest", "query"), Duration.ofMinutes(10));
  }

  @Test
  void shouldSearchAndLookUpCodesWhenProductsAndPricesArrive() throws Exception {
    // given a packaged product with an EAN-13 and a weighed one with a PLU, both priced
    Topics topics = Topics.withPrefix(PREFIX);
    Product cheese = Fixtures.product("FIAM-1", "Queso cremoso", "Fiambres", null, "0", null);
    cheese.setUnit(Unit.KG);
    cheese.setPlu("12345");
    cheese.setScaleValue(ScaleValue.WEIGHT);
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
              "ALM000001", "Azúcar común 1 kg", "Almacén", "7790070410122", "5", null));
      send(producer, topics.products, "FIAM-1", cheese);
      send(
          producer,
          topics.prices,
          "ALM000001",
          Fixtures.price("ALM000001", "1200.00", Fixtures.T0, PriceReason.COST));
      send(
          producer,
          topics.prices,
          "FIAM-1",
          Fixtures.price("FIAM-1", "8000.00", Fixtures.T0, PriceReason.COST));
      producer.flush();
    }

    // when / then: search folds accents and case, and joins the list price
    JsonNode found =
        awaitJson(
            "/api/products?q=AZUCAR",
            n ->
                n.path("total").asLong() == 1
                    && !n.path("items").get(0).path("listPrice").isNull());
    assertThat(found.path("items").get(0).path("sku").asString()).isEqualTo("ALM000001");
    assertThat(found.path("items").get(0).path("listPrice").decimalValue())
        .isEqualByComparingTo("1200");
    JsonNode product =
        awaitJson("/api/products/FIAM-1", n -> n.path("plu").asString().equals("12345"));
    assertThat(product.path("scaleValue").asString()).isEqualTo("WEIGHT");
    assertThat(product.path("packSize").decimalValue()).isEqualByComparingTo("1");

    // and the till reads an EAN and a scale label of 1.250 kg
    JsonNode ean = awaitJson("/api/products/by-code/7790070410122?branch=central", n -> true);
    assertThat(ean.path("qty").decimalValue()).isEqualByComparingTo("1");
    assertThat(ean.path("lineTotal").decimalValue()).isEqualByComparingTo("1200");
    JsonNode label = awaitJson("/api/products/by-code/2012345012509", n -> true);
    assertThat(label.path("sku").asString()).isEqualTo("FIAM-1");
    assertThat(label.path("unit").asString()).isEqualTo("KG");
    assertThat(label.path("qty").decimalValue()).isEqualByComparingTo("1.25");
    assertThat(label.path("lineTotal").decimalValue()).isEqualByComparingTo("10000");
    HttpResponse<String> bad = send("/api/products/by-code/7790070410123");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(bad.body()).path("error").asString()).isEqualTo("BAD_CHECK_DIGIT");
    assertThat(send("/api/products/by-code/4006381333931").statusCode()).isEqualTo(404);
    assertThat(send("/api/products/NOPE-1").statusCode()).isEqualTo(404);
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

  private JsonNode awaitJson(String path, java.util.function.Predicate<JsonNode> ready) {
    JsonNode[] last = new JsonNode[1];
    await("ready: " + path)
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () -> {
              HttpResponse<String> r = send(path);
              assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
              last[0] = JSON.readTree(r.body());
              assertThat(ready.test(last[0])).as(path + " last=" + last[0]).isTrue();
            });
    return last[0];
  }

  private HttpResponse<String> send(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", "Bearer " + token)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static Path tempHome() {
    try {
      return Files.createTempDirectory("product-it-");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
