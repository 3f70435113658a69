package almacen.replay;

import almacen.schemas.Topic;
import almacen.schemas.Topics;
import almacen.support.AlmacenSettings.TopicSettings;
import almacen.support.cli.CommandRunner;
import almacen.support.cli.CommandRunner.Failure;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * Backup and restore of almacén's topics as files: one JSON line per record (see {@link
 * BackupLine}), so a shop can keep its history on a USB stick and an engineer can move it to a new
 * cluster. Restore is all or nothing ({@link TopicRestore}).
 */
@Command(
    name = "backup-topics",
    mixinStandardHelpOptions = true,
    version = "almacén backup-topics 0.2",
    description =
        "Back up every almacén topic to DIR/<topic>.jsonl, or restore them, all or nothing.",
    footer = {
      "",
      "From the repo root: scripts/backup-topics DIR  |  scripts/backup-topics --restore [--force] DIR",
      "Options of a command: scripts/backup-topics --restore --help",
      "Exit 0 on success, 1 when nothing (restore) or not everything (backup) was written, 2 on bad arguments."
    },
    subcommands = {TopicBackupCli.Backup.class, TopicBackupCli.Restore.class})
public final class TopicBackupCli {

  @Option(
      names = "--bootstrap",
      description =
          "Kafka bootstrap servers (default: $KAFKA_BOOTSTRAP_SERVERS or " + "127.0.0.1:9092)")
  String bootstrap = ReplayCli.envOr("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");

  @Option(
      names = "--prefix",
      description = "Topic prefix (default: $ALMACEN_TOPICS_PREFIX or almacen.)")
  String prefix = ReplayCli.envOr("ALMACEN_TOPICS_PREFIX", Topics.DEFAULT_PREFIX);

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress output on stderr (errors are always printed)")
  boolean quiet;

  PrintStream err = CommandRunner.stderr();

  Topics topics() {
    return Topics.withPrefix(prefix);
  }

  public static void main(String[] args) {
    System.exit(run(CommandRunner.stdout(), CommandRunner.stderr(), args));
  }

  /**
   * Runs the CLI (help on {@code out}); every failure is one clear line on {@code err} and exit 1,
   * with its causes.
   */
  static int run(PrintStream out, PrintStream err, String... args) {
    TopicBackupCli cli = new TopicBackupCli();
    cli.err = err;
    return CommandRunner.run(
        cli,
        out,
        err,
        Failure.exiting(1, commandLine -> commandLine.getCommandName() + " FAILED: ")
            .oneLineFor(BrokerUnreachableException.class::isInstance),
        args);
  }

  /** The backup directory: the first parameter, or {@code --dir} as before. */
  static final class DirArgument {
    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec command;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "Backup directory")
    Path positional;

    @Option(
        names = "--dir",
        paramLabel = "DIR",
        description = "Backup directory (same as the parameter)")
    Path option;

    Path dir() {
      if (positional == null && option == null) {
        throw new CommandLine.ParameterException(
            command.commandLine(), "Missing the backup directory DIR");
      }
      return option != null ? option : positional;
    }
  }

  @Command(
      name = "backup",
      mixinStandardHelpOptions = true,
      description =
          "Write every topic to DIR/<topic>.jsonl (read_committed; each file appears whole or not at all).")
  static final class Backup implements Callable<Integer> {
    @ParentCommand TopicBackupCli cli;

    @CommandLine.Mixin DirArgument dir;

    @Override
    public Integer call() throws IOException {
      Path target = dir.dir();
      Files.createDirectories(target);
      long total = 0;
      try (TopicReader reader = new TopicReader(cli.bootstrap, cli.err, cli.quiet)) {
        for (Topic<String, ?> topic : cli.topics().all()) {
          total += backup(reader, topic.name(), target.resolve(topic.name() + ".jsonl"));
        }
      }
      if (!cli.quiet) {
        cli.err.println(
            "backed up "
                + total
                + " records of "
                + cli.topics().all().size()
                + " topics into "
                + target);
      }
      return 0;
    }

    /**
     * Written beside the target and moved into place: a failed backup never leaves a truncated file
     * behind.
     */
    private static long backup(TopicReader reader, String topic, Path file) throws IOException {
      Path partial = file.resolveSibling(file.getFileName() + ".partial");
      long records;
      try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
        records =
            reader.readAll(
                List.of(topic),
                r -> {
                  try {
                    out.write(BackupLine.of(r).toJson());
                    out.write('\n');
                  } catch (IOException e) {
                    throw new UncheckedIOException("Cannot write " + partial, e);
                  }
                });
      }
      Files.move(
          partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return records;
    }
  }

  @Command(
      name = "restore",
      mixinStandardHelpOptions = true,
      description =
          "Produce the source topics' DIR/<topic>.jsonl back (same partition, key, value, headers, "
              + "timestamp), all or nothing: "
              + "every file is checked and every topic found empty before anything is written; missing topics are created "
              + "as the services create them; all records go in one Kafka transaction, rolled back on any failure.")
  static final class Restore implements Callable<Integer> {
    @ParentCommand TopicBackupCli cli;

    @CommandLine.Mixin DirArgument dir;

    @Option(
        names = "--force",
        description =
            "Restore even into non-empty topics (appends: facts may be duplicated). "
                + "Without it a restore into a topic that holds records is refused, before anything is written.")
    boolean force;

    @Option(
        names = "--include-derived",
        description =
            "Also restore the topics the Streams apps derive (ledger, "
                + "levels, alerts, prices, price history) as they were, e.g. to audit them. Without it they are skipped: the "
                + "apps rebuild them from the restored sources when they start. Never start the apps on a restore made with "
                + "it before scripts/reprocess: they would derive everything a second time.")
    boolean includeDerived;

    @Option(
        names = "--partitions",
        description =
            "Partitions of a topic it creates (default: "
                + "$ALMACEN_TOPICS_PARTITIONS or 1; more if the backup has records for more)")
    int partitions = Integer.parseInt(ReplayCli.envOr("ALMACEN_TOPICS_PARTITIONS", "1"));

    @Option(
        names = "--replication-factor",
        description =
            "RF of a topic it creates (default: " + "$ALMACEN_TOPICS_REPLICATIONFACTOR or 1)")
    short replicationFactor =
        Short.parseShort(ReplayCli.envOr("ALMACEN_TOPICS_REPLICATIONFACTOR", "1"));

    @Option(
        names = "--min-insync-replicas",
        description =
            "min.insync.replicas of a topic it creates (default: "
                + "$ALMACEN_TOPICS_MININSYNCREPLICAS or 1)")
    int minInsyncReplicas =
        Integer.parseInt(ReplayCli.envOr("ALMACEN_TOPICS_MININSYNCREPLICAS", "1"));

    @Option(
        names = "--transaction-timeout-s",
        description =
            "Longest the whole restore may take, in seconds "
                + "(default 900, the broker's default maximum)")
    int transactionTimeoutSeconds = 900;

    @Option(
        names = "--by-key",
        description =
            "Place each record by its key over the target topic's partitions "
                + "(a cluster with more partitions than the backup's, e.g. single mode's 1 into chain mode's 6), keeping "
                + "the order of each key; without it every record goes back to the partition it came from.")
    boolean byKey;

    @Option(
        names = "--sources-only",
        description =
            "Restore only the facts ingest-ocr wrote, and the dead letters "
                + "(the default; kept so a runbook can say it): the Streams apps derive the ledger, levels, alerts and prices "
                + "again, with their own state. Cannot be combined with --include-derived.")
    boolean sourcesOnly;

    @Override
    public Integer call() {
      if (sourcesOnly && includeDerived) {
        throw new CommandLine.ParameterException(
            new CommandLine(this),
            "--sources-only and --include-derived " + "contradict each other");
      }
      Path source = dir.dir();
      TopicSettings settings =
          new TopicSettings(cli.prefix, partitions, replicationFactor, minInsyncReplicas);
      TopicRestore.Outcome outcome =
          new TopicRestore(
                  cli.topics(),
                  cli.bootstrap,
                  settings,
                  force,
                  includeDerived,
                  byKey,
                  Duration.ofSeconds(transactionTimeoutSeconds),
                  cli.err,
                  cli.quiet)
              .restore(source);
      if (!cli.quiet) {
        cli.err.println(
            "restored "
                + outcome.records()
                + " records into "
                + outcome.topicsRestored().size()
                + " topics from "
                + source
                + (outcome.topicsCreated().isEmpty()
                    ? ""
                    : " (created " + outcome.topicsCreated().size() + " missing topics)"));
      }
      return 0;
    }
  }
}
