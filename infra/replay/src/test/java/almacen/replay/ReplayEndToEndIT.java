package almacen.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import almacen.events.AdjustmentReason;
import almacen.events.Invoice;
import almacen.events.InvoiceKind;
import almacen.events.InvoiceLine;
import almacen.events.InvoiceSource;
import almacen.events.InvoiceStatus;
import almacen.events.InvoiceType;
import almacen.events.Product;
import almacen.events.Sale;
import almacen.events.SaleLine;
import almacen.events.ScaleValue;
import almacen.events.SourceKind;
import almacen.events.StockAdjustment;
import almacen.events.StockLevel;
import almacen.events.StockStatus;
import almacen.events.StockTransfer;
import almacen.events.Supplier;
import almacen.events.Unit;
import almacen.inventory.InventoryConfig;
import almacen.inventory.InventoryTopology;
import almacen.kafkalocal.KafkaBrokerExtension;
import almacen.kafkalocal.KafkaLocalBroker;
import almacen.schemas.StoreNames;
import almacen.schemas.Topic;
import almacen.schemas.Topics;
import almacen.support.AlmacenSettings;
import almacen.support.AlmacenSettings.StreamsSettings;
import almacen.support.AlmacenSettings.TopicSettings;
import almacen.support.kafka.TopicProvisioner;
import almacen.support.streams.ManagedKafkaStreams;
import almacen.support.streams.StreamsConfigFactory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A month of shop activity through the real topics and the real inventory app; then the audit
 * replay at three instants against expectations computed by hand here, verify = 0, and a
 * deliberately corrupted live record that verify must find — and only that one.
 */
@Tag("integration")
@ExtendWith(KafkaBrokerExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplayEndToEndIT {

  static final String PREFIX = "replayit.";
  static final String A = "ALM000001";
  static final String B = "BEB000001";
  static Topics topics;
  static String bootstrap;
  static ManagedKafkaStreams inventory;
  static long clock = System.currentTimeMillis() - 3_600_000;

  @BeforeAll
  static void generateAMonthOfActivity(KafkaLocalBroker broker) throws Exception {
    bootstrap = broker.bootstrapServers();
    Path home = Files.createTempDirectory("replay-it");
    AlmacenSettings settings =
        new AlmacenSettings(
            "local",
            home,
            bootstrap,
            new TopicSettings(PREFIX, 2, (short) 1, 1),
            new StreamsSettings(
                "exactly_once_v2",
                Duration.ofMillis(100),
                0,
                1,
                "",
                Duration.ofSeconds(60),
                Duration.ofSeconds(10)));
    topics = settings.topicCatalogue();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      TopicProvisioner.ensureTopics(admin, topics, settings.topics());
    }
    inventory =
        new ManagedKafkaStreams(
            builder ->
                InventoryTopology.define(
                    builder, InventoryConfig.defaults(2), topics, new SimpleMeterRegistry()),
            StreamsConfigFactory.build(StoreNames.INVENTORY_APP, settings, Map.of()),
            Duration.ofSeconds(10),
            null);
    inventory.start();
    assertThat(inventory.awaitRunning(Duration.ofSeconds(90))).isTrue();

    try (KafkaProducer<String, byte[]> p =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", bootstrap, "acks", "all"),
            new StringSerializer(),
            new ByteArraySerializer())) {
      send(p, topics.products, A, product(A, "10.000"));
      send(p, topics.products, B, product(B, "5.000"));
      send(
          p,
          topics.invoices,
          "I1",
          invoice("I1", LocalDate.of(2025, 10, 1), "100.000", "500.0000"));
      for (int d = 2; d <= 9; d++) {
        send(p, topics.sales, "S-" + d, sale("S-" + d, "central", A, "5.000", day(d)));
      }
      send(p, topics.sales, "SB-3", sale("SB-3", "central", B, "1.000", day(3)));
      send(p, topics.sales, "S-5", sale("S-5", "central", A, "5.000", day(5))); // a till retry
      awaitAgreement();
      send(
          p,
          topics.invoices,
          "I2",
          invoice("I2", LocalDate.of(2025, 10, 15), "50.000", "600.0000"));
      send(
          p,
          topics.invoices,
          "I3",
          invoice("I3", LocalDate.of(2025, 10, 10), "20.000", "550.0000")); // late, older
      send(
          p,
          topics.invoices,
          "I2",
          invoice("I2", LocalDate.of(2025, 10, 15), "50.000", "600.0000")); // re-upload
      awaitAgreement();
      for (int d = 16; d <= 19; d++) {
        send(p, topics.sales, "S-" + d, sale("S-" + d, "central", A, "10.000", day(d)));
      }
      awaitAgreement();
      send(
          p,
          topics.stockAdjustments,
          "C-20",
          new StockAdjustment(
              "C-20",
              "central",
              A,
              null,
              new BigDecimal("85.000"),
              AdjustmentReason.COUNT,
              "conteo mensual",
              day(20),
              null));
      send(
          p,
          topics.stockTransfers,
          "T-25",
          new StockTransfer(
              "T-25", "central", "norte", A, new BigDecimal("15.000"), day(25), null));
      awaitAgreement();
      for (int d = 26; d <= 30; d++) {
        send(p, topics.sales, "S-" + d, sale("S-" + d, "central", A, "2.000", day(d)));
      }
      p.flush();
    }
    awaitAgreement();
  }

  @AfterAll
  static void stop() {
    if (inventory != null) {
      inventory.stop();
    }
  }

  @Test
  @Order(1)
  void shouldRebuildStockAtThreeInstantsWhenReplayedFromSources() {
    // Oct 10: I1 +100 @500, 8 sales of 5 (→60), I3 (issued Oct 10) +20 @550; I2 (Oct 15) not yet.
    BigDecimal avg10 =
        avg(
            new BigDecimal("60"),
            new BigDecimal("500.0000"),
            new BigDecimal("20"),
            new BigDecimal("550"));
    assertThat(avg10).isEqualByComparingTo("512.5000");
    assertStock("2025-10-10T23:59:59-03:00", "central", A, "80.000", avg10, "41000.00");
    assertStock("2025-10-10T23:59:59-03:00", "central", B, "-1.000", null, "0.00");

    // Oct 20: arrival order I1, sales (60), I2 +50 @600, I3 +20 @550, 4 sales of 10 (→90), count
    // 85.
    BigDecimal afterI2 =
        avg(
            new BigDecimal("60"),
            new BigDecimal("500.0000"),
            new BigDecimal("50"),
            new BigDecimal("600"));
    BigDecimal afterI3 =
        avg(new BigDecimal("110"), afterI2, new BigDecimal("20"), new BigDecimal("550"));
    assertThat(afterI2).isEqualByComparingTo("545.4545");
    assertThat(afterI3).isEqualByComparingTo("546.1538");
    assertStock("2025-10-20T23:59:59-03:00", "central", A, "85.000", afterI3, value("85", afterI3));

    // Oct 31: transfer of 15 to norte at central's avg cost, 5 sales of 2 → central 60, norte 15.
    assertStock("2025-10-31T23:59:59-03:00", "central", A, "60.000", afterI3, value("60", afterI3));
    assertStock("2025-10-31T23:59:59-03:00", "norte", A, "15.000", afterI3, value("15", afterI3));
  }

  @Test
  @Order(2)
  void shouldExitZeroWhenSourcesLedgerAndLiveStateAgree() throws Exception {
    // when
    Path result = Files.createTempDirectory("verify-result").resolve("verify-last.json");
    Result r = replay("verify", "--result-file", result.toString());

    // then
    assertThat(r.out).startsWith("OK:");
    assertThat(r.code).isZero();
    assertThat(Files.readString(result))
        .contains("\"ok\":true,\"keys\":3,\"differences\":0,\"ledgerProblems\":0");
  }

  @Test
  @Order(3)
  void shouldReportExactlyTheCorruptedKeyWhenLiveStateIsTamperedWith() throws Exception {
    // given: a bad stock-levels record written on purpose
    StockLevel bad =
        new StockLevel(
            "central",
            A,
            new BigDecimal("999.000"),
            new BigDecimal("546.1538"),
            new BigDecimal("545607.65"),
            StockStatus.OK,
            new BigDecimal("10.000"),
            null,
            true,
            new BigDecimal("0.000"),
            null,
            new BigDecimal("0.000"),
            List.of(),
            99L,
            Instant.now(),
            Instant.now());
    try (KafkaProducer<String, byte[]> p =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", bootstrap, "acks", "all"),
            new StringSerializer(),
            new ByteArraySerializer())) {
      send(p, topics.stockLevels, "central|" + A, bad);
    }

    // when
    Path result = Files.createTempDirectory("verify-result").resolve("verify-last.json");
    Result r = replay("verify", "--result-file", result.toString());

    // then
    assertThat(r.code).isEqualTo(1);
    assertThat(Files.readString(result)).contains("\"ok\":false", "\"differences\":1");
    List<String> rows =
        r.out.lines().filter(l -> l.contains("|")).filter(l -> !l.startsWith("BRANCH")).toList();
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0)).startsWith("central|" + A).contains("999.000");
  }

  @Test
  @Order(4)
  void shouldExportTheLedgerForTheRangeInEsArFormatWhenAskedForOneSku() {
    // when the accountant asks for central's yerba movements of 2 and 3 October, es-AR
    Result r =
        replay(
            "ledger",
            "--from",
            "2025-10-02T00:00:00-03:00",
            "--to",
            "2025-10-03T23:59:59-03:00",
            "--sku",
            A,
            "--branch",
            "central",
            "--number-format",
            "es-AR");

    // then two sale entries, semicolon-separated, decimal comma, Buenos Aires dates; before/after
    // depend on the
    // order the app applied the sales of those days (they arrive on two partitions), so only their
    // sum is fixed
    assertThat(r.code).isZero();
    List<String> lines = r.out.lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0))
        .isEqualTo(
            "occurredAt;branch;sku;type;delta;before;after;unitCost;sourceRef;sequence;movementId");
    assertLedgerRow(
        lines.get(1),
        "02/10/2025 12:00:00;central;ALM000001;SALE;-5,00",
        "500,00;S-2#1",
        "S-2#1:SALE");
    assertLedgerRow(
        lines.get(2),
        "03/10/2025 12:00:00;central;ALM000001;SALE;-5,00",
        "500,00;S-3#1",
        "S-3#1:SALE");
  }

  private static void assertLedgerRow(
      String row, String head, String costAndSource, String movementId) {
    String[] f = row.split(";");
    assertThat(String.join(";", List.of(f).subList(0, 5))).isEqualTo(head);
    assertThat(f[7] + ";" + f[8]).isEqualTo(costAndSource);
    assertThat(f[10]).isEqualTo(movementId);
    BigDecimal delta = esAr(f[4]);
    assertThat(esAr(f[6]))
        .as("after = before + delta in " + row)
        .isEqualByComparingTo(esAr(f[5]).add(delta));
  }

  private static BigDecimal esAr(String n) {
    return new BigDecimal(n.replace(".", "").replace(',', '.'));
  }

  @Test
  @Order(5)
  void shouldListThePricesInForceAtAnInstantWhenPriceHistoryHasSeveralVersions() throws Exception {
    // given three price versions: yerba on 1 and 15 October, the other product on 5 October
    try (KafkaProducer<String, byte[]> p =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", bootstrap, "acks", "all"),
            new StringSerializer(),
            new ByteArraySerializer())) {
      send(p, topics.priceHistory, A, price(A, "1000.00", day(1)));
      send(p, topics.priceHistory, A, price(A, "1200.00", day(15)));
      send(p, topics.priceHistory, B, price(B, "500.00", day(5)));
    }

    // when the list in force on 10 October is asked for in each format
    Result json = replay("prices", "--as-of", "2025-10-10T23:59:59-03:00", "--format", "json");
    Result csv = replay("prices", "--as-of", "2025-10-10T23:59:59-03:00", "--format", "csv");
    Result table = replay("prices", "--as-of", "2025-10-10T23:59:59-03:00");
    Result unknown = replay("prices", "--as-of", "2025-10-10T23:59:59-03:00", "--format", "xml");

    // then the 1 October yerba price (not the later one) and the other product's price
    assertThat(json.code).isZero();
    assertThat(json.out.trim())
        .isEqualTo(
            "{\"asOf\":\"2025-10-10T23:59:59-03:00\",\"items\":["
                + "{\"sku\":\"ALM000001\",\"listPrice\":1000.00,\"effectiveAt\":\"2025-10-01T12:00:00-03:00\",\"reason\":\"COST\"},"
                + "{\"sku\":\"BEB000001\",\"listPrice\":500.00,\"effectiveAt\":\"2025-10-05T12:00:00-03:00\",\"reason\":\"COST\"}]}");
    assertThat(csv.out.lines().toList())
        .containsExactly(
            "sku,listPrice,costBasis,inflationFactor,markupPct,ivaRatePct,effectiveAt,reason",
            "ALM000001,1000.00,500.0000,1.1000000000,35.00,21.00,2025-10-01T12:00:00-03:00,COST",
            "BEB000001,500.00,500.0000,1.1000000000,35.00,21.00,2025-10-05T12:00:00-03:00,COST");
    assertThat(table.out.lines().toList())
        .hasSize(3)
        .element(1)
        .asString()
        .startsWith("ALM000001")
        .contains("1000.00", "2025-10-01T12:00:00-03:00", "COST");
    assertThat(unknown.code).isEqualTo(2);
  }

  @Test
  @Order(6)
  void shouldRebuildTheSameStockFromARestoredBackupWhenRestoredUnderAnotherPrefix()
      throws Exception {
    // given a backup of every topic, renamed for a second installation's prefix
    Path dir = Files.createTempDirectory("backup-it");
    assertThat(topicsCli("backup", PREFIX, dir)).isZero();
    String restoredPrefix = "restoredit.";
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.move(f, dir.resolve(f.getFileName().toString().replace(PREFIX, restoredPrefix)));
      }
    }
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      TopicProvisioner.ensureTopics(
          admin,
          Topics.withPrefix(restoredPrefix),
          new TopicSettings(restoredPrefix, 2, (short) 1, 1));
    }

    // when it is restored there, and restored a second time
    int restored = topicsCli("restore", restoredPrefix, dir);
    int again = topicsCli("restore", restoredPrefix, dir);

    // then the audit replay of the restored sources equals the original's, and a second restore is
    // refused
    assertThat(restored).isZero();
    assertThat(again).isEqualTo(1);
    String asOf = "2025-10-31T23:59:59-03:00";
    Result original = replay("stock", "--as-of", asOf, "--format", "csv");
    Result copy = replayWithPrefix(restoredPrefix, "stock", "--as-of", asOf, "--format", "csv");
    assertThat(copy.code).isZero();
    assertThat(copy.out).isEqualTo(original.out).contains("central,ALM000001,60.000");
  }

  private static int topicsCli(String command, String prefix, Path dir) {
    return TopicBackupCli.run(
        System.out,
        System.err,
        "--bootstrap",
        bootstrap,
        "--prefix",
        prefix,
        "--quiet",
        command,
        "--dir",
        dir.toString());
  }

  private static almacen.events.Price price(String sku, String listPrice, Instant effectiveAt) {
    return new almacen.events.Price(
        sku,
        new BigDecimal(listPrice),
        new BigDecimal("500.0000"),
        new BigDecimal("500.0000"),
        LocalDate.of(2025, 10, 1),
        "I1",
        new BigDecimal("1.1000000000"),
        LocalDate.of(2025, 10, 16),
        new BigDecimal("35.00"),
        new BigDecimal("21.00"),
        almacen.events.TaxRegime.RI,
        new BigDecimal("10.00"),
        effectiveAt,
        almacen.events.PriceReason.COST,
        null);
  }

  private static void assertStock(
      String asOf, String branch, String sku, String onHand, BigDecimal avg, String value) {
    Result r =
        replay("stock", "--as-of", asOf, "--branch", branch, "--sku", sku, "--format", "json");
    assertThat(r.code).isZero();
    String expected =
        "{\"asOf\":\""
            + OffsetDateTime.parse(asOf)
            + "\",\"items\":[{\"branch\":\""
            + branch
            + "\",\"sku\":\""
            + sku
            + "\",\"onHand\":"
            + onHand
            + ",\"avgCost\":"
            + (avg == null ? "0.0000" : avg.toPlainString())
            + ",\"stockValue\":"
            + value
            + "}],\"totals\":{\"stockValue\":"
            + value
            + "}}";
    assertThat(r.out.trim()).isEqualTo(expected);
  }

  /** Moving average as an accountant computes it, kept at 4 decimals like the ledger. */
  private static BigDecimal avg(
      BigDecimal before, BigDecimal avg, BigDecimal qty, BigDecimal cost) {
    return before
        .multiply(avg)
        .add(qty.multiply(cost))
        .divide(before.add(qty), 4, RoundingMode.HALF_UP);
  }

  private static String value(String qty, BigDecimal avg) {
    return new BigDecimal(qty).multiply(avg).setScale(2, RoundingMode.HALF_UP).toPlainString();
  }

  record Result(int code, String out) {}

  private static Result replay(String... args) {
    return replayWithPrefix(PREFIX, args);
  }

  private static Result replayWithPrefix(String prefix, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<String> all =
        new ArrayList<>(List.of("--bootstrap", bootstrap, "--prefix", prefix, "--quiet"));
    all.addAll(List.of(args));
    int code =
        ReplayCli.run(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            System.err,
            all.toArray(String[]::new));
    return new Result(code, out.toString(StandardCharsets.UTF_8));
  }

  /**
   * Waits until the live app has applied everything sent so far. Like a shop, the test sends a
   * count or an invoice after the earlier sales were processed: events for one sku that arrive in
   * the same instant on different partitions may be applied in either order (see docs/replay.md).
   */
  private static void awaitAgreement() {
    await("inventory catches up")
        .atMost(Duration.ofSeconds(90))
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () ->
                assertThat(replay("verify").out)
                    .as("last verify, streams state %s", inventory.streams().state())
                    .startsWith("OK:"));
  }

  @SuppressWarnings("unchecked")
  private static <V> void send(
      KafkaProducer<String, byte[]> p, Topic<String, V> topic, String key, Object value)
      throws Exception {
    var headers = new org.apache.kafka.common.header.internals.RecordHeaders();
    byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), headers, (V) value);
    clock += 10;
    p.send(new ProducerRecord<>(topic.name(), null, clock, key, bytes, headers)).get();
  }

  private static Instant day(int d) {
    return OffsetDateTime.parse(String.format("2025-10-%02dT12:00:00-03:00", d)).toInstant();
  }

  private static Product product(String sku, String minStock) {
    return new Product(
        sku,
        "Producto " + sku,
        "Almacén",
        null,
        Unit.UNIT,
        new BigDecimal(minStock),
        null,
        new BigDecimal("21.00"),
        null,
        true,
        Instant.now(),
        null,
        ScaleValue.WEIGHT,
        new BigDecimal("1.000"),
        null);
  }

  private static Sale sale(String id, String branch, String sku, String qty, Instant at) {
    return new Sale(
        id,
        branch,
        at,
        List.of(new SaleLine(sku, new BigDecimal(qty), new BigDecimal("900.00"))),
        at,
        null);
  }

  private static Invoice invoice(String id, LocalDate date, String qty, String unitCost) {
    BigDecimal net =
        new BigDecimal(qty).multiply(new BigDecimal(unitCost)).setScale(2, RoundingMode.HALF_UP);
    BigDecimal iva = net.multiply(new BigDecimal("0.21")).setScale(2, RoundingMode.HALF_UP);
    return new Invoice(
        id,
        new Supplier("30-71234567-1", "Distribuidora Sur"),
        InvoiceType.A,
        3,
        1L,
        date,
        null,
        "central",
        false,
        List.of(
            new InvoiceLine(
                A,
                "P1",
                "Producto A",
                new BigDecimal(qty),
                new BigDecimal(unitCost),
                new BigDecimal("21.00"),
                net,
                new BigDecimal("0.00"))),
        net,
        iva,
        new BigDecimal("0.00"),
        net.add(iva),
        InvoiceStatus.CONFIRMED,
        List.of(),
        1.0,
        false,
        new InvoiceSource(SourceKind.MANUAL, null, false),
        Instant.now(),
        InvoiceKind.INVOICE,
        null,
        null,
        List.of(),
        List.of());
  }
}
