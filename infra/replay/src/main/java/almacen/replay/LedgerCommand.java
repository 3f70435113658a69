package almacen.replay;

import almacen.events.StockMovement;
import almacen.schemas.Topics;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** The movement ledger for an accountant, as CSV, in ledger order per branch|sku. */
@Command(name = "ledger", mixinStandardHelpOptions = true,
    description = "Export stock-movements between two instants as CSV (streamed).")
final class LedgerCommand implements Callable<Integer> {

  @ParentCommand
  ReplayCli cli;

  @Option(names = "--from", required = true, description = "ISO-8601 instant with offset, inclusive")
  OffsetDateTime from;

  @Option(names = "--to", required = true, description = "ISO-8601 instant with offset, inclusive")
  OffsetDateTime to;

  @Option(names = "--sku")
  String sku;

  @Option(names = "--branch")
  String branch;

  @Option(names = "--format", defaultValue = "csv", description = "csv (the only format)")
  String format;

  @Option(names = "--number-format", defaultValue = "plain", description = "plain or es-AR (1.234,56; dd/MM/yyyy; ';')")
  String numberFormat;

  @Override
  public Integer call() {
    Formats f = new Formats("es-AR".equalsIgnoreCase(numberFormat));
    char s = f.separator();
    Instant start = from.toInstant();
    Instant end = to.toInstant();
    Topics topics = cli.topics();
    cli.out.println(String.join(String.valueOf(s), "occurredAt", "branch", "sku", "type", "delta", "before", "after",
        "unitCost", "sourceRef", "sequence", "movementId"));
    long[] written = {0};
    try (TopicReader reader = cli.reader()) {
      reader.readAll(List.of(topics.stockMovements.name()), record -> {
        StockMovement m = topics.stockMovements.valueSerde().deserializer()
            .deserialize(record.topic(), record.value());
        if (m == null || m.getOccurredAt().isBefore(start) || m.getOccurredAt().isAfter(end)
            || (sku != null && !sku.equals(m.getSku())) || (branch != null && !branch.equals(m.getBranch()))) {
          return;
        }
        cli.out.println(String.join(String.valueOf(s), f.instant(m.getOccurredAt()), Formats.csv(m.getBranch(), s),
            Formats.csv(m.getSku(), s), m.getType().name(), f.number(m.getDelta()), f.number(m.getBefore()),
            f.number(m.getAfter()), f.number(m.getUnitCost()), Formats.csv(m.getSourceRef(), s),
            String.valueOf(m.getSequence()), Formats.csv(m.getMovementId(), s)));
        written[0]++;
      });
    }
    if (!cli.quiet) {
      cli.err.println("ledger: " + written[0] + " movements written");
    }
    return 0;
  }
}
