package almacen.replay;

import almacen.events.Price;
import almacen.schemas.Topics;
import almacen.support.csv.Csv;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** The price list in force at an instant, from price-history (memory: one price per sku). */
@Command(
    name = "prices",
    mixinStandardHelpOptions = true,
    description = "Price list in force at an instant.")
final class PricesCommand implements Callable<Integer> {

  /** {@code {"asOf","items":[{"sku","listPrice","effectiveAt","reason"}]}}. */
  record PriceList(String asOf, List<Item> items) {}

  record Item(String sku, BigDecimal listPrice, String effectiveAt, String reason) {}

  @ParentCommand ReplayCli cli;

  @Option(names = "--as-of", required = true, description = "ISO-8601 instant with offset")
  OffsetDateTime asOf;

  @Option(names = "--format", defaultValue = "table", description = "table, csv or json")
  String format;

  @Override
  public Integer call() {
    Instant at = asOf.toInstant();
    Topics topics = cli.topics();
    Map<String, Price> inForce = new TreeMap<>();
    try (TopicReader reader = cli.reader()) {
      reader.readAll(
          List.of(topics.priceHistory.name()),
          record -> {
            Price p =
                topics
                    .priceHistory
                    .valueSerde()
                    .deserializer()
                    .deserialize(record.topic(), record.value());
            if (p != null && !p.getEffectiveAt().isAfter(at)) {
              inForce.merge(
                  p.getSku(), p, (a, b) -> b.getEffectiveAt().isBefore(a.getEffectiveAt()) ? a : b);
            }
          });
    }
    Formats f = new Formats(false);
    switch (format) {
      case "json" -> {
        List<Item> items =
            inForce.values().stream()
                .map(
                    p ->
                        new Item(
                            p.getSku(),
                            p.getListPrice(),
                            f.instant(p.getEffectiveAt()),
                            p.getReason().name()))
                .toList();
        cli.out.println(ReportJson.write(new PriceList(asOf.toString(), items)));
      }
      case "csv" -> {
        Csv csv = Csv.plain();
        cli.out.print(
            csv.header(
                "sku",
                "listPrice",
                "costBasis",
                "inflationFactor",
                "markupPct",
                "ivaRatePct",
                "effectiveAt",
                "reason"));
        inForce
            .values()
            .forEach(
                p ->
                    cli.out.print(
                        csv.row(
                            Formats.BUENOS_AIRES,
                            p.getSku(),
                            p.getListPrice(),
                            p.getCostBasis(),
                            p.getInflationFactor(),
                            p.getMarkupPct(),
                            p.getIvaRatePct(),
                            p.getEffectiveAt(),
                            p.getReason().name())));
      }
      case "table" -> {
        cli.out.printf("%-14s %14s  %-25s %s%n", "SKU", "PRECIO", "VIGENTE DESDE", "MOTIVO");
        inForce
            .values()
            .forEach(
                p ->
                    cli.out.printf(
                        "%-14s %14s  %-25s %s%n",
                        p.getSku(),
                        p.getListPrice().toPlainString(),
                        f.instant(p.getEffectiveAt()),
                        p.getReason()));
      }
      default -> {
        cli.err.println("Unknown format " + format + " (table, csv, json)");
        return 2;
      }
    }
    return 0;
  }
}
