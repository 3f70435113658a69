package almacen.replay;

import almacen.events.StockLevel;
import almacen.support.csv.Csv;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** Prints rebuilt stock as a table, CSV or the JSON of CONTRACT.md (only JSON on stdout). */
final class StockReport {

  /**
   * The JSON of CONTRACT.md: {@code
   * {"asOf","items":[{"branch","sku","onHand","avgCost","stockValue"}],"totals"}}.
   */
  record Report(String asOf, List<Item> items, Totals totals) {}

  record Item(
      String branch, String sku, BigDecimal onHand, BigDecimal avgCost, BigDecimal stockValue) {}

  record Totals(BigDecimal stockValue) {}

  private StockReport() {}

  static void print(
      PrintStream out,
      String format,
      OffsetDateTime asOf,
      List<StockLevel> rows,
      BigDecimal total) {
    switch (format) {
      case "json" -> {
        List<Item> items =
            rows.stream()
                .map(
                    l ->
                        new Item(
                            l.getBranch(),
                            l.getSku(),
                            l.getOnHand(),
                            l.getAvgCost(),
                            l.getStockValue()))
                .toList();
        out.println(ReportJson.write(new Report(asOf.toString(), items, new Totals(total))));
      }
      case "csv" -> {
        Csv csv = Csv.plain();
        out.print(csv.header("branch", "sku", "onHand", "avgCost", "stockValue"));
        rows.forEach(
            l ->
                out.print(
                    csv.row(
                        null,
                        l.getBranch(),
                        l.getSku(),
                        l.getOnHand(),
                        l.getAvgCost(),
                        l.getStockValue())));
        out.print(csv.row(null, "TOTAL", null, null, null, total));
      }
      default -> {
        out.printf(
            "Stock al %s%n%-12s %-14s %12s %14s %16s%n",
            asOf, "SUCURSAL", "SKU", "STOCK", "COSTO PROM.", "VALOR");
        rows.forEach(
            l ->
                out.printf(
                    "%-12s %-14s %12s %14s %16s%n",
                    l.getBranch(),
                    l.getSku(),
                    l.getOnHand().toPlainString(),
                    l.getAvgCost().toPlainString(),
                    l.getStockValue().toPlainString()));
        out.printf("%-12s %-14s %12s %14s %16s%n", "TOTAL", "", "", "", total.toPlainString());
      }
    }
  }
}
