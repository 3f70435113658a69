package almacen.replay;

import almacen.events.StockLevel;
import almacen.events.TaxRegime;
import almacen.schemas.Topics;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * Rebuilds current stock three independent ways — from the source topics, from the stock-movements
 * ledger, and the live stock-levels — and reports every difference; also checks the ledger's
 * invariants (after = before + delta, sequence without gaps, one entry per source line). Exit 0
 * when everything agrees, 1 with a diff table otherwise.
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description =
        "Check that sources, ledger and live state agree (exit 0) or print the differences (exit 1).")
final class VerifyCommand implements Callable<Integer> {

  @ParentCommand ReplayCli cli;

  @Option(names = "--branch")
  String branch;

  @Option(names = "--tax-regime", defaultValue = "RI")
  TaxRegime regime;

  @Option(
      names = "--result-file",
      description =
          "Where to record this run's outcome for query-api's "
              + "almacen_replay_verify_* metrics (default: $ALMACEN_HOME/replay/verify-last.json when ALMACEN_HOME is set; "
              + "'none' to skip)")
  String resultFile =
      System.getenv("ALMACEN_HOME") == null
          ? "none"
          : java.nio.file.Path.of(System.getenv("ALMACEN_HOME"), "replay", "verify-last.json")
              .toString();

  @Override
  public Integer call() {
    Topics topics = cli.topics();
    SourceReplay sources = new SourceReplay(topics, null, regime);
    // the ledger and the live levels are read on a second thread while this one replays the
    // sources: each needs a core, and they only meet in the comparison below
    LedgerRead read;
    try (TopicReader background = new TopicReader(cli.bootstrap, cli.err, true)) {
      CompletableFuture<LedgerRead> ledgerRead =
          CompletableFuture.supplyAsync(() -> LedgerRead.of(topics, background));
      try (MergedReader reader = new MergedReader(cli.bootstrap, cli.err, cli.quiet)) {
        reader.readMerged(sources.sourceTopics(), sources::accept);
      } catch (RuntimeException e) {
        // stop the other read before its consumer is closed; the first failure is the one told
        background.wakeup();
        ledgerRead.exceptionally(ignored -> null).join();
        throw e;
      }
      read = ledgerRead.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
    if (!cli.quiet) {
      double seconds = Math.max(read.seconds, 1e-3);
      cli.err.printf(
          Locale.ROOT,
          "%-18s %,d records in %.1f s (%,.0f rec/s), beside the sources%n",
          "ledger and live",
          read.records,
          seconds,
          read.records / seconds);
    }
    List<String> problems = new ArrayList<>(read.problems);
    for (LedgerRead.Repeat repeat : read.repeats) {
      if (!sources.repeatAllowed(repeat.movementId())) {
        problems.add(repeat.key() + ": ledger entry " + repeat.movementId() + " appears twice");
      }
    }
    Map<String, LedgerRead.LedgerKey> ledger = read.ledger;
    Map<String, StockLevel> live = read.live;
    Map<String, StockLevel> fromSourcesByKey = sources.levels();
    Map<String, Long> expectedEntriesByKey = sources.movementsByKey();
    TreeSet<String> keys = new TreeSet<>(fromSourcesByKey.keySet());
    keys.addAll(ledger.keySet());
    keys.addAll(live.keySet());
    List<String[]> diffs = new ArrayList<>();
    for (String key : keys) {
      if (branch != null && !key.startsWith(branch + "|")) {
        continue;
      }
      StockLevel fromSources = fromSourcesByKey.get(key);
      LedgerRead.LedgerKey fromLedger = ledger.get(key);
      StockLevel fromLive = live.get(key);
      String s = fromSources == null ? "-" : fromSources.getOnHand().toPlainString();
      String l = fromLedger == null ? "-" : fromLedger.onHand.toPlainString();
      String v = fromLive == null ? "-" : fromLive.getOnHand().toPlainString();
      boolean onHandOk =
          same(
                  fromSources == null ? null : fromSources.getOnHand(),
                  fromLedger == null ? null : fromLedger.onHand)
              && same(
                  fromLedger == null ? null : fromLedger.onHand,
                  fromLive == null ? null : fromLive.getOnHand());
      boolean sumOk = fromLedger == null || fromLedger.sumDeltas.compareTo(fromLedger.onHand) == 0;
      boolean costOk =
          fromSources == null
              || fromLive == null
              || fromSources.getAvgCost().compareTo(fromLive.getAvgCost()) == 0;
      long expectedEntries = expectedEntriesByKey.getOrDefault(key, 0L);
      boolean entriesOk = (fromLedger == null ? 0 : fromLedger.entries) == expectedEntries;
      if (!onHandOk || !sumOk || !costOk || !entriesOk) {
        diffs.add(
            new String[] {
              key,
              s,
              l,
              v,
              fromSources == null ? "-" : fromSources.getAvgCost().toPlainString(),
              fromLive == null ? "-" : fromLive.getAvgCost().toPlainString(),
              expectedEntries + "/" + (fromLedger == null ? 0 : fromLedger.entries)
            });
      }
    }
    VerifyResult.write(
        resultFile,
        new VerifyResult(
            java.time.Instant.now(),
            diffs.isEmpty() && problems.isEmpty(),
            keys.size(),
            diffs.size(),
            problems.size()),
        cli.err);
    if (diffs.isEmpty() && problems.isEmpty()) {
      cli.out.printf(
          "OK: sources, ledger and live state agree on %d keys (%d ledger entries)%n",
          keys.size(), ledger.values().stream().mapToLong(k -> k.entries).sum());
      return 0;
    }
    cli.out.printf("DIFFERENCES: %d keys, %d ledger problems%n", diffs.size(), problems.size());
    cli.out.printf(
        "%-30s %12s %12s %12s %14s %14s %12s%n",
        "BRANCH|SKU", "SOURCES", "LEDGER", "LIVE", "AVG(SOURCES)", "AVG(LIVE)", "ENTRIES s/l");
    for (String[] d : diffs) {
      cli.out.printf("%-30s %12s %12s %12s %14s %14s %12s%n", (Object[]) d);
    }
    problems.stream().limit(100).forEach(p -> cli.out.println("ledger: " + p));
    return 1;
  }

  /** Equal amounts, a missing one counting as zero. */
  private static boolean same(BigDecimal a, BigDecimal b) {
    return Objects.requireNonNullElse(a, BigDecimal.ZERO)
            .compareTo(Objects.requireNonNullElse(b, BigDecimal.ZERO))
        == 0;
  }
}
