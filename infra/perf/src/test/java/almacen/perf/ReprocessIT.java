package almacen.perf;

import static org.assertj.core.api.Assertions.assertThat;

import almacen.kafkalocal.KafkaBrokerExtension;
import almacen.kafkalocal.KafkaLocalBroker;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/reprocess's Java part against a real KRaft broker: a stopped inventory app that had read
 * 3 sales, with a changelog, 2 ledger records and local state.
 */
@Tag("integration")
@ExtendWith(KafkaBrokerExtension.class)
class ReprocessIT {

  static String bootstrap;

  @TempDir Path home;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeAll
  static void broker(KafkaLocalBroker broker) {
    bootstrap = broker.bootstrapServers();
  }

  @Test
  void shouldPrintThePlanAndChangeNothingWhenDryRun() throws Exception {
    // given
    App app = stoppedApp("dry.");

    // when
    int code = reprocess(app, "--dry-run");

    // then: the plan is printed
    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(code).as(err()).isZero();
    assertThat(printed)
        .contains(
            "Group dry.inventory: ",
            "dry.sales-0: 3 -> 0",
            "dry.inventory-ledger-changelog",
            "dry.stock-movements-0: 2",
            "dry.stock-levels",
            home.resolve("state/inventory").toString(),
            "nothing was changed");
    // and nothing changed
    assertUntouched(app);
  }

  @Test
  void shouldRefuseAndChangeNothingWhenTheGroupStillHasAMember() throws Exception {
    // given: an instance of the app still in its group
    App app = stoppedApp("running.");
    try (KafkaConsumer<String, String> instance = member(app)) {

      // when
      int code = reprocess(app, "--wait-s", "2");

      // then
      assertThat(code).isEqualTo(1);
      assertThat(err())
          .contains(
              "reprocess FAILED", "still has 1 member(s)", "stop it first", "Nothing was changed");
      assertUntouched(app);
    }
  }

  @Test
  void shouldResetThenTruncateThenWipeStateWhenTheAppIsStopped() throws Exception {
    // given
    App app = stoppedApp("real.");

    // when
    int code = reprocess(app);

    // then: inputs from the beginning, internal topic gone, ledger empty, local state gone; sources
    // intact
    assertThat(code).as(err()).isZero();
    try (Admin admin = admin()) {
      assertThat(committed(admin, app)).isZero();
      assertThat(admin.listTopics().names().get())
          .doesNotContain(app.changelog)
          .contains(app.topics.sales.name());
      TopicPartition ledger = new TopicPartition(app.topics.stockMovements.name(), 0);
      assertThat(offset(admin, ledger, OffsetSpec.earliest()))
          .isEqualTo(offset(admin, ledger, OffsetSpec.latest()));
      TopicPartition sales = new TopicPartition(app.topics.sales.name(), 0);
      assertThat(
              offset(admin, sales, OffsetSpec.latest())
                  - offset(admin, sales, OffsetSpec.earliest()))
          .isEqualTo(3);
    }
    assertThat(home.resolve("state/inventory")).doesNotExist();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("Reset confirmed", "Truncated", "Deleted local state");
  }

  @Test
  void shouldResetAndRebuildWhenTheAppNeverCommittedAGroup() throws Exception {
    // given: topics, a ledger, but no group of that name on the broker (Kafka 4 answers
    // GroupIdNotFound)
    Topics topics = Topics.withPrefix("fresh.");
    try (Admin admin = admin()) {
      TopicProvisioner.ensureTopics(admin, topics, new TopicSettings("fresh.", 1, (short) 1, 1));
    }
    App app =
        new App(
            topics, "fresh.inventory", "fresh.inventory-none-changelog", home.resolve("unused"));

    // when
    int dry = reprocess(app, "--dry-run");
    int real = reprocess(app);

    // then
    assertThat(dry).as(err()).isZero();
    assertThat(real).as(err()).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("Group fresh.inventory: absent, 0 member(s)", "Reset confirmed");
  }

  // ---- helpers

  record App(Topics topics, String group, String changelog, Path stateFile) {}

  /** An inventory app that read 3 sales and wrote 2 ledger records, then stopped. */
  private App stoppedApp(String prefix) throws Exception {
    Topics topics = Topics.withPrefix(prefix);
    String group = prefix + "inventory";
    String changelog = group + "-ledger-changelog";
    try (Admin admin = admin()) {
      TopicProvisioner.ensureTopics(admin, topics, new TopicSettings(prefix, 1, (short) 1, 1));
      admin
          .createTopics(List.of(new NewTopic(changelog, 1, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
      try (KafkaProducer<String, String> p =
          new KafkaProducer<>(
              Map.of("bootstrap.servers", bootstrap),
              new StringSerializer(),
              new StringSerializer())) {
        for (int i = 1; i <= 3; i++) {
          p.send(new ProducerRecord<>(topics.sales.name(), "S-" + i, "sale"))
              .get(30, TimeUnit.SECONDS);
        }
        for (int i = 1; i <= 2; i++) {
          p.send(new ProducerRecord<>(topics.stockMovements.name(), "central|A", "m" + i))
              .get(30, TimeUnit.SECONDS);
        }
      }
      admin
          .alterConsumerGroupOffsets(
              group, Map.of(new TopicPartition(topics.sales.name(), 0), new OffsetAndMetadata(3)))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
    Path stateFile = home.resolve("state/inventory/" + group + "/0_0/rocksdb.sst");
    Files.createDirectories(stateFile.getParent());
    Files.writeString(stateFile, "state");
    return new App(topics, group, changelog, stateFile);
  }

  private void assertUntouched(App app) throws Exception {
    try (Admin admin = admin()) {
      assertThat(committed(admin, app)).isEqualTo(3);
      assertThat(admin.listTopics().names().get()).contains(app.changelog);
      TopicPartition ledger = new TopicPartition(app.topics.stockMovements.name(), 0);
      assertThat(
              offset(admin, ledger, OffsetSpec.latest())
                  - offset(admin, ledger, OffsetSpec.earliest()))
          .isEqualTo(2);
    }
    assertThat(app.stateFile).exists();
  }

  private KafkaConsumer<String, String> member(App app) {
    KafkaConsumer<String, String> c =
        new KafkaConsumer<>(
            Map.of(
                "bootstrap.servers",
                bootstrap,
                "group.id",
                app.group,
                "enable.auto.commit",
                "false",
                "session.timeout.ms",
                "45000"),
            new StringDeserializer(),
            new StringDeserializer());
    c.subscribe(List.of(app.topics.sales.name()));
    long deadline = System.currentTimeMillis() + 30_000;
    while (c.assignment().isEmpty() && System.currentTimeMillis() < deadline) {
      c.poll(Duration.ofMillis(200));
    }
    assertThat(c.assignment()).as("the member joined").isNotEmpty();
    return c;
  }

  private int reprocess(App app, String... options) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "inventory",
                "--bootstrap",
                bootstrap,
                "--prefix",
                app.topics.prefix(),
                "--home",
                home.toString()));
    args.addAll(List.of(options));
    return Reprocess.run(
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        args.toArray(String[]::new));
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8) + out.toString(StandardCharsets.UTF_8);
  }

  private static Admin admin() {
    return Admin.create(Map.of("bootstrap.servers", bootstrap));
  }

  private static long committed(Admin admin, App app) throws Exception {
    OffsetAndMetadata o =
        admin
            .listConsumerGroupOffsets(app.group)
            .partitionsToOffsetAndMetadata()
            .get()
            .get(new TopicPartition(app.topics.sales.name(), 0));
    return Optional.ofNullable(o).map(OffsetAndMetadata::offset).orElse(-1L);
  }

  private static long offset(Admin admin, TopicPartition tp, OffsetSpec spec) throws Exception {
    return admin.listOffsets(Map.of(tp, spec)).all().get().get(tp).offset();
  }
}
