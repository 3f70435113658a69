package almacen.perf;

import almacen.schemas.Topics;
import almacen.support.cli.CommandRunner;
import almacen.support.cli.CommandRunner.Failure;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.tools.StreamsResetter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Reset-and-rebuild of a Streams app after a bug fix (scripts/reprocess). In this order, each step
 * only once the one before succeeded: 1. the app's group must be empty (the app stopped), 2.
 * Kafka's StreamsResetter puts its input offsets back to the beginning and deletes its internal
 * topics, 3. the reset is checked, 4. the derived topics are truncated (rebuilt from the sources,
 * never touched), 5. its local state is deleted. {@code --dry-run} prints all of that and changes
 * nothing.
 */
@Command(
    name = "reprocess",
    mixinStandardHelpOptions = true,
    description =
        "Reset a Streams app to the start of its inputs, truncate what it derives and wipe its local state.")
public final class Reprocess implements Callable<Integer> {

  static final int PARTLY_DONE = 3;
  private static final long TIMEOUT_S = 30;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "APP", description = "inventory or pricing")
  String app;

  @Option(
      names = "--bootstrap",
      description =
          "Kafka bootstrap servers (default: $KAFKA_BOOTSTRAP_SERVERS or " + "127.0.0.1:9092)")
  String bootstrap = envOr("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");

  @Option(
      names = "--prefix",
      description = "Topic prefix (default: $ALMACEN_TOPICS_PREFIX or almacen.)")
  String prefix = envOr("ALMACEN_TOPICS_PREFIX", Topics.DEFAULT_PREFIX);

  @Option(
      names = "--home",
      description =
          "ALMACEN_HOME, whose state/<app> is wiped (default: $ALMACEN_HOME or " + ".almacen)")
  Path home = Path.of(envOr("ALMACEN_HOME", ".almacen"));

  @Option(
      names = "--dry-run",
      description = "Print what would be reset, truncated and deleted; change nothing")
  boolean dryRun;

  @Option(
      names = "--wait-s",
      description =
          "How long to wait for the group to empty (a killed instance leaves "
              + "it only after its session timeout; default 60)")
  int waitSeconds = 60;

  PrintStream out = CommandRunner.stdout();

  public static void main(String[] args) {
    System.exit(run(CommandRunner.stdout(), CommandRunner.stderr(), args));
  }

  /**
   * Runs the command; a failure is a message on {@code err} and exit 1 when nothing was changed
   * (the app may be started again as it was), {@value #PARTLY_DONE} once the reset began (the app
   * must not start before a successful run: it would rebuild on top of what was not truncated); a
   * bad argument exits 2.
   */
  static int run(PrintStream out, PrintStream err, String... args) {
    Reprocess command = new Reprocess();
    command.out = out;
    return CommandRunner.run(
        command,
        out,
        err,
        new Failure(
            commandLine -> "reprocess FAILED: ",
            e -> e instanceof PartlyDone ? PARTLY_DONE : 1,
            e -> false),
        args);
  }

  @Override
  public Integer call() throws Exception {
    ReprocessPlan plan;
    try {
      plan = ReprocessPlan.of(app, Topics.withPrefix(prefix), home);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      if (dryRun) {
        printPlan(admin, plan);
        out.println("Dry run: nothing was changed.");
        return 0;
      }
      awaitEmptyGroup(admin, plan);
      try {
        reset(plan);
        checkReset(admin, plan);
        truncate(admin, plan);
        wipe(plan.stateDir());
      } catch (RuntimeException e) {
        throw new PartlyDone(e.getMessage(), e);
      }
    }
    out.println(
        "Reprocess of "
            + plan.app()
            + " ready: start the app and it rebuilds from the start of its inputs.");
    return 0;
  }

  private void printPlan(Admin admin, ReprocessPlan plan) {
    Optional<ConsumerGroupDescription> group = describe(admin, plan.applicationId());
    int members = group.map(g -> g.members().size()).orElse(0);
    out.println(
        "Group "
            + plan.applicationId()
            + ": "
            + group.map(g -> g.groupState().toString()).orElse("absent")
            + ", "
            + members
            + " member(s)"
            + (members == 0 ? "" : " -- the app is running; a real run refuses until it stops"));
    Map<TopicPartition, OffsetAndMetadata> committed = committed(admin, plan.applicationId());
    Map<TopicPartition, Long> earliest = offsets(admin, plan.inputs(), OffsetSpec.earliest());
    out.println("Input offsets reset to the beginning (committed -> new):");
    earliest.forEach(
        (tp, first) -> {
          OffsetAndMetadata current = committed.get(tp);
          out.println(
              "  " + tp + ": " + (current == null ? "none" : current.offset()) + " -> " + first);
        });
    out.println("Internal topics deleted: " + internalTopics(admin, plan));
    Map<TopicPartition, Long> first = offsets(admin, plan.truncated(), OffsetSpec.earliest());
    Map<TopicPartition, Long> end = offsets(admin, plan.truncated(), OffsetSpec.latest());
    out.println("Derived topics truncated (records deleted):");
    end.forEach(
        (tp, last) ->
            out.println(
                "  "
                    + tp
                    + ": "
                    + (last - first.get(tp))
                    + " (offsets "
                    + first.get(tp)
                    + ".."
                    + last
                    + ")"));
    out.println(
        "Derived compacted topics overwritten key by key, not truncated: " + plan.overwritten());
    out.println(
        "Local state deleted: "
            + plan.stateDir().toAbsolutePath()
            + (Files.exists(plan.stateDir()) ? "" : " (absent)"));
  }

  /** A stopped instance leaves the group at once; a killed one only after its session timeout. */
  private void awaitEmptyGroup(Admin admin, ReprocessPlan plan) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(waitSeconds);
    int members = members(admin, plan);
    while (members > 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "The "
                + plan.app()
                + " app (group "
                + plan.applicationId()
                + ") still has "
                + members
                + " member(s) after "
                + waitSeconds
                + " s: stop it first. Nothing was changed.");
      }
      Thread.sleep(1000);
      members = members(admin, plan);
    }
  }

  private void reset(ReprocessPlan plan) {
    // no --force: the resetter refuses by itself too if an instance joined since the check
    int rc =
        new StreamsResetter()
            .execute(
                new String[] {
                  "--bootstrap-server",
                  bootstrap,
                  "--application-id",
                  plan.applicationId(),
                  "--input-topics",
                  String.join(",", plan.inputs()),
                  "--to-earliest"
                });
    if (rc != 0) {
      throw new IllegalStateException(
          "StreamsResetter failed (exit "
              + rc
              + ", its message above). Nothing was "
              + "truncated and the local state is kept; fix the cause and run reprocess again.");
    }
  }

  /**
   * Trusts the resetter's result only once the broker shows it: offsets at the beginning, internal
   * topics gone.
   */
  private void checkReset(Admin admin, ReprocessPlan plan) {
    Map<TopicPartition, Long> earliest = offsets(admin, plan.inputs(), OffsetSpec.earliest());
    Map<TopicPartition, OffsetAndMetadata> committed = committed(admin, plan.applicationId());
    List<String> wrong =
        earliest.entrySet().stream()
            .filter(
                e ->
                    committed.get(e.getKey()) != null
                        && committed.get(e.getKey()).offset() != e.getValue())
            .map(
                e ->
                    e.getKey()
                        + " at "
                        + committed.get(e.getKey()).offset()
                        + ", not "
                        + e.getValue())
            .toList();
    List<String> internal = internalTopicsOnceDeleted(admin, plan);
    if (!wrong.isEmpty() || !internal.isEmpty()) {
      throw new IllegalStateException(
          "The reset did not take: offsets "
              + wrong
              + ", internal topics left "
              + internal
              + ". Nothing was truncated and the local state is kept; run reprocess again.");
    }
    out.println(
        "Reset confirmed: "
            + plan.applicationId()
            + " starts from the beginning of "
            + plan.inputs());
  }

  private void truncate(Admin admin, ReprocessPlan plan) {
    Map<TopicPartition, RecordsToDelete> delete = new HashMap<>();
    offsets(admin, plan.truncated(), OffsetSpec.latest())
        .forEach((tp, end) -> delete.put(tp, RecordsToDelete.beforeOffset(end)));
    try {
      await(admin.deleteRecords(delete).all(), "truncate " + plan.truncated());
    } catch (IllegalStateException e) {
      throw new IllegalStateException(
          e.getMessage()
              + ". The reset is done but the derived topics are not "
              + "truncated and the local state is kept: run reprocess again (it is safe to repeat).",
          e);
    }
    out.println("Truncated derived topics " + plan.truncated());
  }

  private void wipe(Path stateDir) {
    if (!Files.exists(stateDir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(stateDir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "The reset and truncation are done, but the local state "
              + stateDir
              + " could not be deleted: delete it by hand before starting the app",
          e);
    }
    out.println("Deleted local state " + stateDir);
  }

  private static int members(Admin admin, ReprocessPlan plan) {
    return describe(admin, plan.applicationId()).map(g -> g.members().size()).orElse(0);
  }

  /**
   * The group, or empty when the broker has none of that name (the app never committed, or it was
   * deleted).
   */
  private static Optional<ConsumerGroupDescription> describe(Admin admin, String group) {
    try {
      return Optional.of(
          admin
              .describeConsumerGroups(List.of(group))
              .all()
              .get(TIMEOUT_S, TimeUnit.SECONDS)
              .get(group));
    } catch (ExecutionException e) {
      if (e.getCause() instanceof GroupIdNotFoundException) {
        return Optional.empty();
      }
      throw new IllegalStateException(
          "Cannot describe group " + group + ": " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while describing group " + group, e);
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "Cannot describe group "
              + group
              + ": no answer from the broker within "
              + TIMEOUT_S
              + " s",
          e);
    }
  }

  private static Map<TopicPartition, OffsetAndMetadata> committed(Admin admin, String group) {
    Map<TopicPartition, OffsetAndMetadata> offsets =
        await(
            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata(),
            "read the offsets of group " + group);
    Map<TopicPartition, OffsetAndMetadata> present = new HashMap<>();
    offsets.forEach(
        (tp, o) -> {
          if (o != null) {
            present.put(tp, o);
          }
        });
    return present;
  }

  /** Topic deletion reaches every broker's metadata shortly after the controller accepted it. */
  private static List<String> internalTopicsOnceDeleted(Admin admin, ReprocessPlan plan) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
    List<String> left = internalTopics(admin, plan);
    while (!left.isEmpty() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(
            "Interrupted while waiting for " + left + " to be deleted", e);
      }
      left = internalTopics(admin, plan);
    }
    return left;
  }

  private static List<String> internalTopics(Admin admin, ReprocessPlan plan) {
    return await(admin.listTopics().names(), "list topics").stream()
        .filter(plan::isInternal)
        .sorted()
        .toList();
  }

  /** Offsets of every partition of {@code topics}, sorted for printing. */
  private static Map<TopicPartition, Long> offsets(
      Admin admin, List<String> topics, OffsetSpec spec) {
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    await(admin.describeTopics(topics).allTopicNames(), "describe " + topics)
        .forEach(
            (name, description) ->
                description
                    .partitions()
                    .forEach(p -> request.put(new TopicPartition(name, p.partition()), spec)));
    Map<TopicPartition, ListOffsetsResultInfo> result =
        await(admin.listOffsets(request).all(), "list offsets");
    Map<TopicPartition, Long> sorted =
        new TreeMap<>(
            Comparator.comparing(TopicPartition::topic)
                .thenComparingInt(TopicPartition::partition));
    result.forEach((tp, info) -> sorted.put(tp, info.offset()));
    return sorted;
  }

  private static <T> T await(KafkaFuture<T> future, String what) {
    try {
      return future.get(TIMEOUT_S, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while trying to " + what, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Cannot " + what + ": " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "Cannot " + what + ": no answer from the broker within " + TIMEOUT_S + " s", e);
    }
  }

  private static String envOr(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }

  /** A failure after the reset began: running reprocess again is safe, starting the app is not. */
  static final class PartlyDone extends IllegalStateException {
    PartlyDone(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
