package almacen.replay;

import almacen.events.Price;
import almacen.schemas.Topics;
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
@Command(name = "prices", mixinStandardHelpOptions = true, description = "Price list in force at an instant.")
final class PricesCommand implements Callable<Integer> {

  @ParentCommand
  ReplayCli cli;

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
      reader.readAll(List.of(topics.priceHistory.name()), record -> {
        Price p = topics.priceHistory.valueSerde().deserializer().deserialize(record.topic(), record.value());
        if (p != null && !p.getEffectiveAt().isAfter(at)) {
          inForce.merge(p.getSku(), p, (a, b) -> b.getEffectiveAt().isBefore(a.getEffectiveAt()) ? a : b);
        }
      });
    }
    Formats f = new Formats(false);
    switch (format) {
      case "json" -> {
        StringBuilder json = new StringBuilder("{\"asOf\":\"" + asOf + "\",\"items\":[");
        boolean first = true;
        for (Price p : inForce.values()) {
          json.append(first ? "" : ",").append("{\"sku\":\"").append(p.getSku()).append("\",\"listPrice\":")
              .append(p.getListPrice().toPlainString()).append(",\"effectiveAt\":\"")
              .append(f.instant(p.getEffectiveAt())).append("\",\"reason\":\"").append(p.getReason()).append("\"}");
          first = false;
        }
        cli.out.println(json.append("]}"));
      }
      case "csv" -> {
        cli.out.println("sku,listPrice,costBasis,inflationFactor,markupPct,ivaRatePct,effectiveAt,reason");
        inForce.values().forEach(p -> cli.out.println(String.join(",", Formats.csv(p.getSku(), ','), p.getListPrice().toPlainString(),
            p.getCostBasis().toPlainString(), p.getInflationFactor().toPlainString(), p.getMarkupPct().toPlainString(),
            p.getIvaRatePct().toPlainString(), f.instant(p.getEffectiveAt()), p.getReason().name())));
      }
      case "table" -> {
        cli.out.printf("%-14s %14s  %-25s %s%n", "SKU", "PRECIO", "VIGENTE DESDE", "MOTIVO");
        inForce.values().forEach(p -> cli.out.printf("%-14s %14s  %-25s %s%n", p.getSku(),
            p.getListPrice().toPlainString(), f.instant(p.getEffectiveAt()), p.getReason()));
      }
      default -> {
        cli.err.println("Unknown format " + format + " (table, csv, json)");
        return 2;
      }
    }
    return 0;
  }
}
