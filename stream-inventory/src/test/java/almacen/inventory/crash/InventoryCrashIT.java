package almacen.inventory.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import almacen.events.AdjustmentReason;
import almacen.events.Invoice;
import almacen.events.InvoiceKind;
import almacen.events.InvoiceLine;
import almacen.events.InvoiceSource;
import almacen.events.InvoiceStatus;
import almacen.events.InvoiceType;
import almacen.events.Sale;
import almacen.events.SaleLine;
import almacen.events.SourceKind;
import almacen.events.StockAdjustment;
import almacen.events.StockLevel;
import almacen.events.StockMovement;
import almacen.events.Supplier;
import almacen.kafkalocal.KafkaBrokerExtension;
import almacen.kafkalocal.KafkaLocalBroker;
import almacen.schemas.StoreNames;
import almacen.schemas.Topic;
import almacen.schemas.Topics;
import almacen.support.AlmacenSettings.TopicSettings;
import almacen.support.kafka.TopicProvisioner;
import java.io.File;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Exactly once under fire: the inventory app runs in a child JVM and is killed with SIGKILL five
 * times while 50,000 sale lines, invoices and adjustments flow. After recovery every level equals
 * the independently computed total, the ledger holds exactly one entry per input line, and the sum
 * of each key's ledger deltas equals its on-hand.
 */
@Tag("slow")
@ExtendWith(KafkaBrokerExtension.class)
class InventoryCrashIT {

  static final int PARTITIONS = 2;
  static final int SALES = 10_000;
  static final int LINES_PER_SALE = 5;
  static final int SKUS = 50;
  static final String[] BRANCHES = {"central", "norte"};
  static final int KILLS = 5;

  /** Ledger entries a start must commit before it is killed again. */
  static final int PROGRESS_BEFORE_KILL = 500;

  @Test
  void shouldApplyEveryLineExactlyOnceWhenKilledRepeatedlyDuringLoad(KafkaLocalBroker broker)
      throws Exception {
    // given
    String prefix = "crash.";
    Topics topics = Topics.withPrefix(prefix);
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      TopicProvisioner.ensureTopics(
          admin, topics, new TopicSettings(prefix, PARTITIONS, (short) 1, 1));
    }
    Path home = Files.createTempDirectory("crash-it");
    Map<String, BigDecimal> expectedOnHand = new HashMap<>();
    Map<String, Integer> expectedEntries = new HashMap<>();
    AtomicBoolean producing = new AtomicBoolean(true);
    Process app = startApp(broker, prefix, home);

    // when: load in a producer thread, SIGKILL the app five times meanwhile
    Thread load =
        new Thread(
            () -> produceLoad(broker, topics, expectedOnHand, expectedEntries, producing), "load");
    load.start();
    int kills = 0;
    long committed = committedMovements(broker, topics);
    while (kills < KILLS) {
      // kill mid-stream, once this start has committed some ledger entries of its own
      committed = awaitCommittedMovementsPast(broker, topics, committed + PROGRESS_BEFORE_KILL);
      app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      kills++;
      app = startApp(broker, prefix, home);
    }
    load.join(180_000);
    assertThat(producing.get()).as("load finished").isFalse();

    // then: once caught up, state equals the independent totals
    try {
      awaitConsistent(broker, topics, expectedOnHand, expectedEntries, Duration.ofSeconds(150));
    } finally {
      app.destroy();
      app.waitFor(15, TimeUnit.SECONDS);
    }
    assertThat(kills).isEqualTo(KILLS);
  }

  private static Process startApp(KafkaLocalBroker broker, String prefix, Path home)
      throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
            java,
            "-Xmx384m",
            "-cp",
            System.getProperty("java.class.path"),
            CrashTestApp.class.getName(),
            broker.bootstrapServers(),
            prefix,
            home.toString(),
            String.valueOf(PARTITIONS));
    pb.redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(new File("target/crash-app.log")));
    return pb.start();
  }

  private static void produceLoad(
      KafkaLocalBroker broker,
      Topics topics,
      Map<String, BigDecimal> onHand,
      Map<String, Integer> entries,
      AtomicBoolean producing) {
    Map<String, Object> config =
        Map.of(
            "bootstrap.servers",
            broker.bootstrapServers(),
            "acks",
            "all",
            "enable.idempotence",
            true,
            "linger.ms",
            5);
    AtomicReference<Exception> failure = new AtomicReference<>();
    try (KafkaProducer<String, byte[]> p =
        new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
      Instant t0 = Instant.parse("2026-11-01T12:00:00Z");
      for (int s = 0; s < SALES; s++) {
        if (s % 1000 == 0) {
          // a confirmed invoice restocking 10 skus of one branch
          String branch = BRANCHES[(s / 1000) % 2];
          List<InvoiceLine> lines = new ArrayList<>();
          for (int k = 0; k < 10; k++) {
            String sku = sku((s / 1000 * 10 + k) % SKUS);
            lines.add(
                new InvoiceLine(
                    sku,
                    null,
                    "x",
                    new BigDecimal("100.000"),
                    new BigDecimal("10.0000"),
                    new BigDecimal("21.00"),
                    new BigDecimal("1000.00"),
                    new BigDecimal("0.00")));
            add(onHand, entries, branch, sku, new BigDecimal("100"));
          }
          send(
              p,
              topics.invoices,
              "INV-" + s,
              new Invoice(
                  "INV-" + s,
                  new Supplier("30-71234567-1", "S"),
                  InvoiceType.A,
                  1,
                  (long) s,
                  LocalDate.of(2026, 11, 1),
                  null,
                  branch,
                  false,
                  lines,
                  new BigDecimal("10000.00"),
                  new BigDecimal("2100.00"),
                  new BigDecimal("0.00"),
                  new BigDecimal("12100.00"),
                  InvoiceStatus.CONFIRMED,
                  List.of(),
                  1.0,
                  false,
                  new InvoiceSource(SourceKind.MANUAL, null, false),
                  t0,
                  InvoiceKind.INVOICE,
                  null,
                  null,
                  List.of(),
                  List.of()),
              failure);
        }
        if (s % 500 == 250) {
          String sku = sku(s % SKUS);
          send(
              p,
              topics.stockAdjustments,
              "ADJ-" + s,
              new StockAdjustment(
                  "ADJ-" + s,
                  "central",
                  sku,
                  new BigDecimal("-1.000"),
                  null,
                  AdjustmentReason.DAMAGE,
                  null,
                  t0.plusSeconds(s),
                  null),
              failure);
          add(onHand, entries, "central", sku, new BigDecimal("-1"));
        }
        String branch = BRANCHES[s % 2];
        List<SaleLine> lines = new ArrayList<>();
        for (int l = 0; l < LINES_PER_SALE; l++) {
          String sku = sku((s * 7 + l * 13) % SKUS);
          BigDecimal qty = l == 0 ? new BigDecimal("0.250") : BigDecimal.ONE;
          lines.add(new SaleLine(sku, qty.setScale(3), new BigDecimal("100.00")));
          add(onHand, entries, branch, sku, qty.negate());
        }
        Sale sale =
            new Sale("SALE-" + s, branch, t0.plusSeconds(s), lines, t0.plusSeconds(s), null);
        send(p, topics.sales, sale.getSaleId(), sale, failure);
        if (s % 2000 == 0) {
          send(p, topics.sales, sale.getSaleId(), sale, failure); // a till retry: must count once
        }
      }
      p.flush();
    }
    if (failure.get() != null) {
      throw new IllegalStateException("a load record was not written", failure.get());
    }
    producing.set(false);
  }

  private static void add(
      Map<String, BigDecimal> onHand,
      Map<String, Integer> entries,
      String branch,
      String sku,
      BigDecimal delta) {
    String key = StoreNames.branchSkuKey(branch, sku);
    onHand.merge(key, delta, BigDecimal::add);
    entries.merge(key, 1, Integer::sum);
  }

  private static String sku(int i) {
    return String.format("SKU%04d", i);
  }

  // the load's futures are not kept: a failure arrives through the callback and fails the load
  // thread after its flush
  @SuppressWarnings({"unchecked", "FutureReturnValueIgnored"})
  private static <V> void send(
      KafkaProducer<String, byte[]> p,
      Topic<String, V> topic,
      String key,
      Object value,
      AtomicReference<Exception> failure) {
    var headers = new org.apache.kafka.common.header.internals.RecordHeaders();
    p.send(
        new ProducerRecord<>(
            topic.name(),
            null,
            key,
            topic.valueSerde().serializer().serialize(topic.name(), headers, (V) value),
            headers),
        (m, e) -> {
          if (e != null) {
            failure.compareAndSet(null, e);
          }
        });
  }

  private static void awaitConsistent(
      KafkaLocalBroker broker,
      Topics topics,
      Map<String, BigDecimal> expectedOnHand,
      Map<String, Integer> expectedEntries,
      Duration timeout) {
    Map<String, Integer> counts = new HashMap<>();
    await("state consistent after recovery")
        .atMost(timeout)
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofSeconds(2))
        .untilAsserted(
            () -> {
              counts.clear();
              List<String> problems =
                  problems(broker, topics, expectedOnHand, expectedEntries, counts);
              assertThat(problems)
                  .as(
                      "%d problems, e.g. %s",
                      problems.size(), problems.subList(0, Math.min(5, problems.size())))
                  .isEmpty();
            });
    assertThat(counts.values().stream().mapToInt(Integer::intValue).sum())
        .isEqualTo(expectedEntries.values().stream().mapToInt(Integer::intValue).sum());
  }

  /** What differs between the topics and the expected totals; fills the ledger count per key. */
  private static List<String> problems(
      KafkaLocalBroker broker,
      Topics topics,
      Map<String, BigDecimal> expectedOnHand,
      Map<String, Integer> expectedEntries,
      Map<String, Integer> counts) {
    Map<String, StockLevel> levels = new HashMap<>();
    readAll(
        broker,
        topics.stockLevels,
        r -> {
          StockLevel l =
              topics.stockLevels.valueSerde().deserializer().deserialize(r.topic(), r.value());
          levels.put(r.key() == null ? "" : new String(r.key(), StandardCharsets.UTF_8), l);
        });
    Map<String, BigDecimal> sums = new HashMap<>();
    Set<String> ids = new HashSet<>();
    int[] dupes = {0};
    readAll(
        broker,
        topics.stockMovements,
        r -> {
          StockMovement m =
              topics.stockMovements.valueSerde().deserializer().deserialize(r.topic(), r.value());
          String key = StoreNames.branchSkuKey(m.getBranch(), m.getSku());
          sums.merge(key, m.getDelta(), BigDecimal::add);
          counts.merge(key, 1, Integer::sum);
          if (!ids.add(m.getMovementId())) {
            dupes[0]++;
          }
        });
    List<String> problems = new ArrayList<>();
    for (var e : expectedOnHand.entrySet()) {
      StockLevel level = levels.get(e.getKey());
      if (level == null || level.getOnHand().compareTo(e.getValue()) != 0) {
        problems.add(
            e.getKey()
                + " onHand "
                + (level == null ? null : level.getOnHand())
                + " != "
                + e.getValue());
      }
      if (!expectedEntries.get(e.getKey()).equals(counts.get(e.getKey()))) {
        problems.add(
            e.getKey()
                + " entries "
                + counts.get(e.getKey())
                + " != "
                + expectedEntries.get(e.getKey()));
      }
      if (sums.get(e.getKey()) == null
          || level == null
          || sums.get(e.getKey()).compareTo(level.getOnHand()) != 0) {
        problems.add(e.getKey() + " sum of deltas " + sums.get(e.getKey()) + " != onHand");
      }
    }
    if (dupes[0] > 0) {
      problems.add(dupes[0] + " duplicate ledger entries");
    }
    return problems;
  }

  /** The committed end (last stable offsets, summed) of stock-movements. */
  private static long committedMovements(KafkaLocalBroker broker, Topics topics) {
    try (KafkaConsumer<byte[], byte[]> c =
        new KafkaConsumer<>(
            Map.of(
                "bootstrap.servers",
                broker.bootstrapServers(),
                "isolation.level",
                "read_committed"),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      List<TopicPartition> parts = new ArrayList<>();
      c.partitionsFor(topics.stockMovements.name())
          .forEach(i -> parts.add(new TopicPartition(i.topic(), i.partition())));
      return c.endOffsets(parts).values().stream().mapToLong(Long::longValue).sum();
    }
  }

  private static long awaitCommittedMovementsPast(
      KafkaLocalBroker broker, Topics topics, long target) {
    long[] now = {0};
    await("stock-movements committed past " + target)
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> (now[0] = committedMovements(broker, topics)) >= target);
    return now[0];
  }

  private static void readAll(
      KafkaLocalBroker broker,
      Topic<String, ?> topic,
      java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> sink) {
    try (KafkaConsumer<byte[], byte[]> c =
        new KafkaConsumer<>(
            Map.of(
                "bootstrap.servers",
                broker.bootstrapServers(),
                "isolation.level",
                "read_committed",
                "max.poll.records",
                5000),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      List<TopicPartition> parts = new ArrayList<>();
      c.partitionsFor(topic.name())
          .forEach(i -> parts.add(new TopicPartition(topic.name(), i.partition())));
      c.assign(parts);
      c.seekToBeginning(parts);
      Map<TopicPartition, Long> end = c.endOffsets(parts);
      await(topic.name() + " read to its end")
          .atMost(Duration.ofSeconds(60))
          .pollInSameThread()
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(10)) // the poll itself waits up to 200 ms
          .until(
              () -> {
                if (parts.stream().allMatch(tp -> c.position(tp) >= end.get(tp))) {
                  return true;
                }
                c.poll(Duration.ofMillis(200)).forEach(sink);
                return false;
              });
    }
  }
}
