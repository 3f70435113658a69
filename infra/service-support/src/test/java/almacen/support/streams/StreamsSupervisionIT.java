package almacen.support.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import almacen.kafkalocal.KafkaBrokerExtension;
import almacen.kafkalocal.KafkaLocalBroker;
import almacen.support.AlmacenSettings;
import almacen.support.AlmacenSettings.StreamsSettings;
import almacen.support.AlmacenSettings.TopicSettings;
import almacen.support.InstanceIdentity;
import almacen.support.kafka.TopicProvisioner;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Crash recovery of a Streams app against a real broker: exit when threads keep dying, static
 * membership.
 */
@Tag("integration")
@ExtendWith(KafkaBrokerExtension.class)
class StreamsSupervisionIT {

  private final List<Integer> exits = new CopyOnWriteArrayList<>();

  @Test
  void shouldCallExitHookNonZeroWhenStreamThreadsKeepDying(KafkaLocalBroker broker)
      throws Exception {
    // given: a processor that cannot even start, so every replacement thread dies too
    AlmacenSettings settings = provisioned(broker, "dying.");
    Consumer<StreamsBuilder> topology =
        builder ->
            builder.stream(
                    settings.topicCatalogue().sales.name(),
                    Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("dying-in"))
                .process(NeverStarts::new, Named.as("never-starts"));
    ManagedKafkaStreams app =
        new ManagedKafkaStreams(
            topology,
            StreamsConfigFactory.build("dying-it", settings, Map.of()),
            Duration.ofSeconds(10),
            null,
            (status, reason) -> exits.add(status),
            new ThreadDeathPolicy(2, Duration.ofMinutes(10), System::nanoTime));

    // when
    app.start();
    try {
      // the dying stream threads are the point here: not a failure of the wait
      await("exit hook called")
          .atMost(Duration.ofSeconds(90))
          .dontCatchUncaughtExceptions()
          .until(() -> !exits.isEmpty());

      // then: two replacements, then the client gave up and asked for a non-zero exit
      assertThat(exits).containsExactly(ProcessExit.STREAMS_FAILED);
      assertThat(app.streams().state())
          .isIn(KafkaStreams.State.PENDING_ERROR, KafkaStreams.State.ERROR);
      assertThat(app.ready()).isFalse();
    } finally {
      app.stop();
    }
  }

  @Test
  void shouldLeaveGroupEmptyWhenStaticMemberStops(KafkaLocalBroker broker) throws Exception {
    // given: a running static member
    AlmacenSettings settings = provisioned(broker, "leave.");
    ManagedKafkaStreams app = staticMember(settings, "leave-it");
    app.start();
    assertThat(app.awaitRunning(Duration.ofSeconds(60))).isTrue();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      List<MemberDescription> members = group(admin, "leave.leave-it").members().stream().toList();
      assertThat(members)
          .singleElement()
          .satisfies(
              m -> assertThat(m.groupInstanceId()).contains("leave.leave-it-shop-pc-8082-1"));

      // when
      long stoppedAt = System.nanoTime();
      app.stop();

      // then: empty well before the 15 s session timeout, so scripts/reprocess can reset it at once
      await("group empty")
          .atMost(Duration.ofSeconds(5))
          .until(() -> group(admin, "leave.leave-it").members().isEmpty());
      assertThat(Duration.ofNanos(System.nanoTime() - stoppedAt)).isLessThan(Duration.ofSeconds(5));
    }
    assertThat(exits).isEmpty();
  }

  @Test
  void shouldRunAgainBeforeSessionTimeoutWhenKilledStaticMemberRestarts(KafkaLocalBroker broker)
      throws Exception {
    // given: a static member that disappears without leaving the group, as a SIGKILL does
    AlmacenSettings settings = provisioned(broker, "rejoin.");
    ManagedKafkaStreams killed = staticMember(settings, "rejoin-it");
    killed.start();
    assertThat(killed.awaitRunning(Duration.ofSeconds(60))).isTrue();
    killed
        .streams()
        .close(
            CloseOptions.groupMembershipOperation(
                    CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP)
                .withTimeout(Duration.ofSeconds(10)));

    // when: the same instance starts again
    ManagedKafkaStreams restarted = staticMember(settings, "rejoin-it");
    long startedAt = System.nanoTime();
    restarted.start();
    try {
      // then: it takes the dead member's place at once; a dynamic member would wait out the 15 s
      // session
      assertThat(restarted.awaitRunning(Duration.ofSeconds(60))).isTrue();
      assertThat(Duration.ofNanos(System.nanoTime() - startedAt))
          .isLessThan(StreamsConfigFactory.SESSION_TIMEOUT.minusSeconds(5));
    } finally {
      restarted.stop();
    }
  }

  private ManagedKafkaStreams staticMember(AlmacenSettings settings, String name) {
    Consumer<StreamsBuilder> topology =
        builder ->
            builder.stream(
                    settings.topicCatalogue().sales.name(),
                    Consumed.with(Serdes.String(), Serdes.ByteArray()).withName(name + "-in"))
                .foreach((k, v) -> {}, Named.as(name + "-noop"));
    return new ManagedKafkaStreams(
        topology,
        StreamsConfigFactory.build(name, settings, new InstanceIdentity("shop-pc-8082"), Map.of()),
        Duration.ofSeconds(10),
        null,
        (status, reason) -> exits.add(status),
        ThreadDeathPolicy.standard());
  }

  private static ConsumerGroupDescription group(Admin admin, String groupId) throws Exception {
    return admin.describeConsumerGroups(List.of(groupId)).all().get().get(groupId);
  }

  /**
   * Settings for a one-partition EOS test app under its own topic prefix, with the catalogue's
   * topics created.
   */
  private static AlmacenSettings provisioned(KafkaLocalBroker broker, String prefix)
      throws Exception {
    AlmacenSettings settings =
        new AlmacenSettings(
            "local",
            Files.createTempDirectory("almacen-supervision"),
            broker.bootstrapServers(),
            new TopicSettings(prefix, 1, (short) 1, 1),
            new StreamsSettings(
                "exactly_once_v2",
                Duration.ofMillis(100),
                0,
                1,
                "",
                Duration.ofSeconds(60),
                Duration.ofSeconds(10)));
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      TopicProvisioner.ensureTopics(admin, settings.topicCatalogue(), settings.topics());
    }
    return settings;
  }

  /** Fails in init, which no record-level error handler covers: the stream thread dies. */
  private static final class NeverStarts implements Processor<String, byte[], Void, Void> {
    @Override
    public void init(ProcessorContext<Void, Void> context) {
      throw new IllegalStateException("this processor cannot start");
    }

    @Override
    public void process(Record<String, byte[]> record) {
      throw new IllegalStateException("never reached");
    }
  }
}
