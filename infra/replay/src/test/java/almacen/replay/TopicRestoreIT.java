package almacen.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import almacen.kafkalocal.KafkaBrokerExtension;
import almacen.kafkalocal.KafkaLocalBroker;
import almacen.schemas.Topic;
import almacen.schemas.Topics;
import almacen.support.AlmacenSettings.TopicSettings;
import almacen.support.kafka.TopicProvisioner;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * backup-topics --restore against a real KRaft broker: all or nothing, topics created as the
 * services would.
 */
@Tag("integration")
@ExtendWith(KafkaBrokerExtension.class)
class TopicRestoreIT {

  static String bootstrap;

  @TempDir Path dir;

  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeAll
  static void broker(KafkaLocalBroker broker) {
    bootstrap = broker.bootstrapServers();
  }

  @Test
  void shouldCreateMissingTopicsAsTheCatalogueDoesAndRestoreEveryRecordWhenTheClusterHasNone()
      throws Exception {
    // given: a backup of products (compacted) with a record on partition 1, and of sales; no topic
    // exists yet
    Topics topics = Topics.withPrefix("restore1.");
    writeBackup(topics.products, line(0, 1_000L, "ALM1", "p0"), line(1, 2_000L, "ALM2", "p1"));
    writeBackup(
        topics.sales,
        line(0, 3_000L, "S-1", "s1"),
        line(0, 4_000L, "S-2", "s2"),
        line(0, 5_000L, "S-3", "s3"));

    // when
    int code = restore("restore1.", "--partitions", "1");

    // then: every catalogue topic exists with the catalogue's cleanup policy and min ISR, products
    // with the
    // partitions its backup needs, and each record is back on its partition with its timestamp and
    // headers
    assertThat(code).as(err()).isZero();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      assertThat(admin.listTopics().names().get())
          .containsAll(topics.all().stream().map(Topic::name).toList());
      assertThat(config(admin, topics.products.name(), TopicConfig.CLEANUP_POLICY_CONFIG))
          .isEqualTo("compact");
      assertThat(config(admin, topics.sales.name(), TopicConfig.CLEANUP_POLICY_CONFIG))
          .isEqualTo("delete");
      assertThat(config(admin, topics.sales.name(), TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG))
          .isEqualTo("1");
      assertThat(
              admin
                  .describeTopics(List.of(topics.products.name()))
                  .allTopicNames()
                  .get()
                  .get(topics.products.name())
                  .partitions())
          .hasSize(2);
    }
    List<ConsumerRecord<byte[], byte[]>> products = committed(topics.products.name());
    assertThat(products)
        .extracting(
            r ->
                r.partition()
                    + "/"
                    + r.timestamp()
                    + "/"
                    + text(r.key())
                    + "/"
                    + text(r.value())
                    + "/"
                    + text(r.headers().lastHeader("event-type").value()))
        .containsExactlyInAnyOrder("0/1000/ALM1/p0/Test", "1/2000/ALM2/p1/Test");
    assertThat(committed(topics.sales.name()))
        .extracting(r -> text(r.key()))
        .containsExactly("S-1", "S-2", "S-3");
  }

  @Test
  void shouldCommitNothingAndExitOneWhenTheBrokerRefusesARecordMidway() throws Exception {
    // given: existing empty topics, sales refusing records over 2,000 bytes, and a backup whose
    // products are fine
    // but whose second sale is 10 kB
    Topics topics = Topics.withPrefix("restore2.");
    provision(topics);
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      ConfigResource sales = new ConfigResource(ConfigResource.Type.TOPIC, topics.sales.name());
      admin
          .incrementalAlterConfigs(
              Map.of(
                  sales,
                  List.of(
                      new AlterConfigOp(
                          new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "2000"),
                          AlterConfigOp.OpType.SET))))
          .all()
          .get();
    }
    writeBackup(topics.products, line(0, 1_000L, "ALM1", "p0"), line(0, 2_000L, "ALM2", "p1"));
    writeBackup(
        topics.sales, line(0, 3_000L, "S-1", "s1"), line(0, 4_000L, "S-2", "x".repeat(10_000)));

    // when
    int code = restore("restore2.");

    // then: a non-zero exit saying so, and nothing of the restore is visible to almacén's
    // (read_committed) readers
    assertThat(code).isEqualTo(1);
    assertThat(err()).contains("restore FAILED", "rolled back", "RecordTooLarge");
    assertThat(committed(topics.products.name())).isEmpty();
    assertThat(committed(topics.sales.name())).isEmpty();

    // and when the backup is fixed, a second restore goes through: the aborted records count for
    // nothing
    writeBackup(topics.sales, line(0, 3_000L, "S-1", "s1"), line(0, 4_000L, "S-2", "s2"));
    assertThat(restore("restore2.")).as(err()).isZero();
    assertThat(committed(topics.products.name())).hasSize(2);
    assertThat(committed(topics.sales.name()))
        .extracting(r -> text(r.key()))
        .containsExactly("S-1", "S-2");
  }

  @Test
  void shouldRefuseBeforeWritingAnythingWhenATopicIsNotEmptyUnlessForced() throws Exception {
    // given: sales already holds a sale; the backup has products (restored first) and sales
    Topics topics = Topics.withPrefix("restore3.");
    provision(topics);
    try (KafkaProducer<byte[], byte[]> p =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", bootstrap),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      p.send(new ProducerRecord<>(topics.sales.name(), bytes("S-0"), bytes("s0")))
          .get(30, TimeUnit.SECONDS);
    }
    writeBackup(topics.products, line(0, 1_000L, "ALM1", "p0"));
    writeBackup(topics.sales, line(0, 3_000L, "S-1", "s1"));

    // when
    int refused = restore("restore3.");

    // then: refused, saying which topic and how to override, with products untouched
    assertThat(refused).isEqualTo(1);
    assertThat(err())
        .contains("non-empty", topics.sales.name(), "--force", "Nothing was restored")
        .doesNotContain(topics.products.name() + ",");
    assertThat(committed(topics.products.name())).isEmpty();

    // and when forced, the backup is appended
    assertThat(restore("restore3.", "--force")).as(err()).isZero();
    assertThat(committed(topics.products.name())).hasSize(1);
    assertThat(committed(topics.sales.name()))
        .extracting(r -> text(r.key()))
        .containsExactly("S-0", "S-1");
  }

  @Test
  void shouldRestoreWhatBackupWroteWhenRoundTripped() throws Exception {
    // given: records restored under one prefix, then backed up
    Topics topics = Topics.withPrefix("restore4.");
    writeBackup(
        topics.invoices,
        line(0, 1_000L, "I-1", "{\"quoted\":\"a,b\"}\n"),
        line(0, 2_000L, null, null));
    assertThat(restore("restore4.")).as(err()).isZero();
    Path second = Files.createDirectories(dir.resolve("second"));
    assertThat(
            TopicBackupCli.run(
                quietOut(),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                "--bootstrap",
                bootstrap,
                "--prefix",
                "restore4.",
                "--quiet",
                "backup",
                second.toString()))
        .as(err())
        .isZero();

    // then: the backup file holds the same lines
    assertThat(Files.readAllLines(second.resolve(topics.invoices.name() + ".jsonl")))
        .isEqualTo(Files.readAllLines(dir.resolve(topics.invoices.name() + ".jsonl")));
    try (var files = Files.list(second)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .noneMatch(n -> n.endsWith(".partial"))
          .hasSize(topics.all().size());
    }
  }

  @Test
  void shouldRestoreOnlyTheSourcesUnlessDerivedTopicsAreAskedFor() throws Exception {
    // given: a backup holding a sale and the ledger entry the inventory app derived from it
    Topics plain = Topics.withPrefix("restore5.");
    writeBackup(plain.sales, line(0, 1_000L, "S-1", "s1"));
    writeBackup(plain.stockMovements, line(0, 2_000L, "central|ALM1", "m1"));

    // when
    int code = restore("restore5.");

    // then: the sale is back; the ledger is left to the app, which derives it again when it starts
    assertThat(code).as(err()).isZero();
    assertThat(err()).contains("skipped restore5.stock-movements", "--include-derived");
    assertThat(committed(plain.sales.name())).hasSize(1);
    assertThat(committed(plain.stockMovements.name())).isEmpty();

    // and when the same backup goes to another installation with --include-derived, the ledger
    // comes too
    Topics audit = Topics.withPrefix("restore6.");
    Files.move(
        dir.resolve(plain.sales.name() + ".jsonl"), dir.resolve(audit.sales.name() + ".jsonl"));
    Files.move(
        dir.resolve(plain.stockMovements.name() + ".jsonl"),
        dir.resolve(audit.stockMovements.name() + ".jsonl"));
    assertThat(restore("restore6.", "--include-derived")).as(err()).isZero();
    assertThat(committed(audit.stockMovements.name())).hasSize(1);
  }

  @Test
  void shouldRefuseWhenADerivedTopicAlreadyHoldsRecords() throws Exception {
    // given: an installation whose ledger holds an entry, and a backup of sales only
    Topics topics = Topics.withPrefix("restore7.");
    provision(topics);
    try (KafkaProducer<byte[], byte[]> p =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", bootstrap),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      p.send(new ProducerRecord<>(topics.stockMovements.name(), bytes("central|A"), bytes("m0")))
          .get(30, TimeUnit.SECONDS);
    }
    writeBackup(topics.sales, line(0, 1_000L, "S-1", "s1"));

    // when
    int code = restore("restore7.");

    // then: the app would derive the restored sales on top of that ledger, so nothing is restored
    assertThat(code).isEqualTo(1);
    assertThat(err()).contains("non-empty", topics.stockMovements.name(), "Nothing was restored");
    assertThat(committed(topics.sales.name())).isEmpty();
  }

  @Test
  void shouldPlaceEveryRecordByItsKeyKeepingEachKeysOrderWhenRestoredByKeyIntoMorePartitions()
      throws Exception {
    // given: single mode's backup, everything on partition 0: three sales each for twelve skus'
    // keys
    Topics topics = Topics.withPrefix("restore8.");
    // (recent timestamps: the sales topic's retention would delete records of 1970 while the test
    // reads them)
    long now = System.currentTimeMillis();
    List<String> lines = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      for (int key = 0; key < 12; key++) {
        lines.add(line(0, now + round * 12L + key, "K-" + key, "r" + round));
      }
    }
    writeBackup(topics.sales, lines.toArray(String[]::new));

    // when: restored into chain mode's six partitions
    int code = restore("restore8.", "--by-key", "--partitions", "6");

    // then: every record is back, the keys spread over several partitions, each key on one
    // partition with its
    // records in their original order
    assertThat(code).as(err()).isZero();
    List<ConsumerRecord<byte[], byte[]>> sales = committed(topics.sales.name());
    assertThat(sales).hasSize(36);
    assertThat(sales.stream().map(ConsumerRecord::partition).distinct().count()).isGreaterThan(1);
    Map<String, List<ConsumerRecord<byte[], byte[]>>> byKey = new java.util.TreeMap<>();
    sales.forEach(r -> byKey.computeIfAbsent(text(r.key()), k -> new ArrayList<>()).add(r));
    assertThat(byKey).hasSize(12);
    byKey.forEach(
        (key, records) -> {
          assertThat(records)
              .extracting(ConsumerRecord::partition)
              .as(key)
              .containsOnly(records.get(0).partition());
          assertThat(records)
              .extracting(r -> text(r.value()))
              .as(key)
              .containsExactly("r0", "r1", "r2");
        });
  }

  // ---- helpers

  private int restore(String prefix, String... options) {
    List<String> args =
        new ArrayList<>(
            List.of("--bootstrap", bootstrap, "--prefix", prefix, "--quiet", "restore"));
    args.addAll(List.of(options));
    args.add(dir.toString());
    return TopicBackupCli.run(
        quietOut(),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        args.toArray(String[]::new));
  }

  private static PrintStream quietOut() {
    return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private static void provision(Topics topics) {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      TopicProvisioner.ensureTopics(
          admin, topics, new TopicSettings(topics.prefix(), 1, (short) 1, 1));
    }
  }

  private void writeBackup(Topic<String, ?> topic, String... lines) throws Exception {
    Files.writeString(dir.resolve(topic.name() + ".jsonl"), String.join("\n", lines) + "\n");
  }

  private static String line(int partition, long timestamp, String key, String value) {
    RecordHeaders headers = new RecordHeaders();
    headers.add("event-type", bytes("Test"));
    return BackupLine.of(
            new ConsumerRecord<>(
                "t",
                partition,
                0L,
                timestamp,
                org.apache.kafka.common.record.TimestampType.CREATE_TIME,
                0,
                0,
                bytes(key),
                bytes(value),
                headers,
                java.util.Optional.empty()))
        .toJson();
  }

  private static String config(Admin admin, String topic, String name) throws Exception {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    return admin.describeConfigs(List.of(resource)).all().get().get(resource).get(name).value();
  }

  /**
   * What a read_committed reader sees of {@code topic} once no transaction is left open on it: a
   * commit's markers reach the partitions just after commitTransaction returns.
   */
  private static List<ConsumerRecord<byte[], byte[]>> committed(String topic) {
    await().atMost(Duration.ofSeconds(10)).until(() -> noOpenTransaction(topic));
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (TopicReader reader = new TopicReader(bootstrap, quietOut(), true)) {
      reader.readAll(List.of(topic), records::add);
    }
    return records;
  }

  private static boolean noOpenTransaction(String topic) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      var partitions =
          admin
              .describeTopics(List.of(topic))
              .allTopicNames()
              .get()
              .get(topic)
              .partitions()
              .stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      return endOffsets(admin, partitions, IsolationLevel.READ_COMMITTED)
          .equals(endOffsets(admin, partitions, IsolationLevel.READ_UNCOMMITTED));
    }
  }

  private static Map<TopicPartition, Long> endOffsets(
      Admin admin, List<TopicPartition> partitions, IsolationLevel level) throws Exception {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
    Map<TopicPartition, Long> out = new HashMap<>();
    admin
        .listOffsets(latest, new ListOffsetsOptions(level))
        .all()
        .get()
        .forEach((tp, info) -> out.put(tp, info.offset()));
    return out;
  }

  private static byte[] bytes(String s) {
    return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] b) {
    return b == null ? null : new String(b, StandardCharsets.UTF_8);
  }
}
