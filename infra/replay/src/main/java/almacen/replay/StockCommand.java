package almacen.replay;

import almacen.events.StockLevel;
import almacen.events.TaxRegime;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Stock on hand, average cost and value per branch and sku at a past business instant. */
@Command(
    name = "stock",
    mixinStandardHelpOptions = true,
    description =
        "Rebuild stock as of an instant from the source topics (sales, invoices, adjustments, transfers, products).")
final class StockCommand implements Callable<Integer> {

  @ParentCommand ReplayCli cli;

  @Option(
      names = "--as-of",
      required = true,
      description = "ISO-8601 instant with offset, e.g. 2025-10-31T23:59:59-03:00")
  OffsetDateTime asOf;

  @Option(names = "--branch")
  String branch;

  @Option(names = "--sku")
  String sku;

  @Option(names = "--format", defaultValue = "table", description = "table, csv or json")
  String format;

  @Option(
      names = "--tax-regime",
      defaultValue = "RI",
      description = "RI or MONOTRIBUTO (cost basis of purchases)")
  TaxRegime regime;

  @Override
  public Integer call() {
    SourceReplay replay = new SourceReplay(cli.topics(), asOf.toInstant(), regime);
    try (MergedReader reader = new MergedReader(cli.bootstrap, cli.err, cli.quiet, true)) {
      reader.readMerged(replay.sourceTopics(), replay::accept);
    }
    List<StockLevel> rows = new ArrayList<>();
    for (StockLevel l : replay.levels().values()) {
      if ((branch == null || branch.equals(l.getBranch()))
          && (sku == null || sku.equals(l.getSku()))) {
        rows.add(l);
      }
    }
    BigDecimal total =
        rows.stream().map(StockLevel::getStockValue).reduce(BigDecimal.ZERO, BigDecimal::add);
    StockReport.print(cli.out, format, asOf, rows, total);
    if (!cli.quiet) {
      cli.err.printf(
          "stock: %d keys, %d duplicate ids ignored, %d invalid events skipped%n",
          rows.size(), replay.duplicates(), replay.invalid());
    }
    return 0;
  }
}
