package almacen.replay;

import almacen.events.StockMovement;
import almacen.schemas.Topics;
import almacen.support.csv.Csv;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** The movement ledger for an accountant, as CSV, in ledger order per branch|sku. */
@Command(
    name = "ledger",
    mixinStandardHelpOptions = true,
    description = "Export stock-movements between two instants as CSV (streamed).")
final class LedgerCommand implements Callable<Integer> {

  @ParentCommand ReplayCli cli;

  @Option(
      names = "--from",
      required = true,
      description = "ISO-8601 instant with offset, inclusive")
  OffsetDateTime from;

  @Option(names = "--to", required = true, description = "ISO-8601 instant with offset, inclusive")
  OffsetDateTime to;

  @Option(names = "--sku")
  String sku;

  @Option(names = "--branch")
  String branch;

  @Option(names = "--format", defaultValue = "csv", description = "csv (the only format)")
  String format;

  @Option(
      names = "--number-format",
      defaultValue = "plain",
      description = "plain or es-AR (1.234,56; dd/MM/yyyy; ';')")
  String numberFormat;

  @Override
  public Integer call() {
    boolean esAr = "es-AR".equalsIgnoreCase(numberFormat);
    Formats f = new Formats(esAr);
    Csv csv = esAr ? Csv.esAr() : Csv.plain();
    Instant start = from.toInstant();
    Instant end = to.toInstant();
    Topics topics = cli.topics();
    cli.out.print(
        csv.header(
            "occurredAt",
            "branch",
            "sku",
            "type",
            "delta",
            "before",
            "after",
            "unitCost",
            "sourceRef",
            "sequence",
            "movementId"));
    long[] written = {0};
    try (TopicReader reader = cli.reader()) {
      reader.readAll(
          List.of(topics.stockMovements.name()),
          record -> {
            StockMovement m =
                topics
                    .stockMovements
                    .valueSerde()
                    .deserializer()
                    .deserialize(record.topic(), record.value());
            if (m == null
                || m.getOccurredAt().isBefore(start)
                || m.getOccurredAt().isAfter(end)
                || (sku != null && !sku.equals(m.getSku()))
                || (branch != null && !branch.equals(m.getBranch()))) {
              return;
            }
            cli.out.print(
                csv.row(
                    Formats.BUENOS_AIRES,
                    m.getOccurredAt(),
                    m.getBranch(),
                    m.getSku(),
                    m.getType().name(),
                    Csv.number(f.number(m.getDelta())),
                    Csv.number(f.number(m.getBefore())),
                    Csv.number(f.number(m.getAfter())),
                    Csv.number(f.number(m.getUnitCost())),
                    m.getSourceRef(),
                    m.getSequence(),
                    m.getMovementId()));
            written[0]++;
          });
    }
    if (!cli.quiet) {
      cli.err.println("ledger: " + written[0] + " movements written");
    }
    return 0;
  }
}
