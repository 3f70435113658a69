package almacen.replay;

import almacen.schemas.Topics;
import almacen.support.cli.CommandRunner;
import almacen.support.cli.CommandRunner.Failure;
import java.io.PrintStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The audit CLI: rebuilds past state from the topics, verifies live state, exports the ledger and
 * price lists. Reads only (plain consumer, read_committed, no group): safe against production.
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    version = "almacén replay 0.1",
    description = "Rebuild, verify and export almacén state from its Kafka topics.",
    subcommands = {
      StockCommand.class,
      VerifyCommand.class,
      LedgerCommand.class,
      PricesCommand.class
    })
public final class ReplayCli {

  @Option(
      names = "--bootstrap",
      description = "Kafka bootstrap servers (default: $KAFKA_BOOTSTRAP_SERVERS or 127.0.0.1:9092)")
  String bootstrap = envOr("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");

  @Option(names = "--prefix", description = "Topic prefix (default: almacen.)")
  String prefix = Topics.DEFAULT_PREFIX;

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress output on stderr")
  boolean quiet;

  @Option(
      names = "--stats",
      description =
          "At the end, print on stderr the run's time, its peak heap against the maximum, and GC time")
  boolean stats;

  PrintStream out = CommandRunner.stdout();
  PrintStream err = CommandRunner.stderr();

  Topics topics() {
    return Topics.withPrefix(prefix);
  }

  TopicReader reader() {
    return new TopicReader(bootstrap, err, quiet);
  }

  static String envOr(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String... args) {
    ReplayCli cli = new ReplayCli();
    return run(cli.out, cli.err, args);
  }

  /**
   * For tests and embedding: the report goes to {@code out}, progress, help errors and logs to
   * {@code err}. Exit 0 when done (verify: everything agrees), 1 only when verify found a
   * difference, 2 on a bad argument or any error (an unreachable broker is one line saying so).
   */
  public static int run(PrintStream out, PrintStream err, String... args) {
    ReplayCli cli = new ReplayCli();
    cli.out = out;
    cli.err = err;
    long start = System.nanoTime();
    int status =
        CommandRunner.run(
            cli,
            out,
            err,
            Failure.exiting(ERROR, commandLine -> "replay " + commandLine.getCommandName() + ": ")
                .oneLineFor(BrokerUnreachableException.class::isInstance),
            args);
    if (cli.stats) {
      err.println(RunStats.since(start));
    }
    return status;
  }

  /** The exit status of a failed run, apart from verify's 1 for a difference. */
  static final int ERROR = 2;
}
