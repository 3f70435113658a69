package almacen.replay;

import almacen.events.StockLevel;
import almacen.events.StockMovement;
import almacen.events.TaxRegime;
import almacen.schemas.StoreNames;
import almacen.schemas.Topics;
import com.carrotsearch.hppc.LongHashSet;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.Callable;
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

  /** One ledger key as read from stock-movements. */
  static final class LedgerKey {
    BigDecimal onHand = BigDecimal.ZERO;
    BigDecimal sumDeltas = BigDecimal.ZERO;
    long lastSequence;
    long entries;
  }

  @Override
  public Integer call() {
    Topics topics = cli.topics();
    SourceReplay sources = new SourceReplay(topics, null, regime);
    try (MergedReader reader = new MergedReader(cli.bootstrap, cli.err, cli.quiet)) {
      reader.readMerged(sources.sourceTopics(), sources::accept);
    }
    List<String> problems = new ArrayList<>();
    Map<String, LedgerKey> ledger = new HashMap<>();
    LongHashSet movementIds = new LongHashSet(); // as IdHash: millions of entries in a small heap
    Map<String, StockLevel> live = new HashMap<>();
    try (TopicReader reader = cli.reader()) {
      reader.readAll(
          List.of(topics.stockMovements.name()),
          r -> {
            StockMovement m =
                topics.stockMovements.valueSerde().deserializer().deserialize(r.topic(), r.value());
            String key = StoreNames.branchSkuKey(m.getBranch(), m.getSku());
            LedgerKey k = ledger.computeIfAbsent(key, x -> new LedgerKey());
            if (m.getAfter().compareTo(m.getBefore().add(m.getDelta())) != 0) {
              problems.add(
                  key + " " + m.getMovementId() + ": after " + m.getAfter() + " != before + delta");
            }
            if (m.getBefore().compareTo(k.onHand) != 0) {
              problems.add(
                  key
                      + " "
                      + m.getMovementId()
                      + ": before "
                      + m.getBefore()
                      + " != previous after "
                      + k.onHand);
            }
            if (m.getSequence() != k.lastSequence + 1) {
              problems.add(key + ": sequence gap, " + k.lastSequence + " then " + m.getSequence());
            }
            if (!movementIds.add(IdHash.of(m.getMovementId()))
                && !sources.repeatAllowed(m.getMovementId())) {
              problems.add(key + ": ledger entry " + m.getMovementId() + " appears twice");
            }
            k.onHand = m.getAfter();
            k.sumDeltas = k.sumDeltas.add(m.getDelta());
            k.lastSequence = m.getSequence();
            k.entries++;
          });
      reader.readAll(
          List.of(topics.stockLevels.name()),
          r -> {
            if (r.value() == null) {
              return;
            }
            StockLevel l =
                topics.stockLevels.valueSerde().deserializer().deserialize(r.topic(), r.value());
            live.put(StoreNames.branchSkuKey(l.getBranch(), l.getSku()), l);
          });
    }
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
      LedgerKey fromLedger = ledger.get(key);
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
