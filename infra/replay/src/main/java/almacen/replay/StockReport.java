package almacen.replay;

import almacen.events.StockLevel;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** Prints rebuilt stock as a table, CSV or the JSON of CONTRACT.md (only JSON on stdout). */
final class StockReport {

  private StockReport() {
  }

  static void print(PrintStream out, String format, OffsetDateTime asOf, List<StockLevel> rows, BigDecimal total) {
    switch (format) {
      case "json" -> {
        StringBuilder json = new StringBuilder("{\"asOf\":\"").append(asOf).append("\",\"items\":[");
        for (int i = 0; i < rows.size(); i++) {
          StockLevel l = rows.get(i);
          json.append(i == 0 ? "" : ",").append("{\"branch\":\"").append(l.getBranch()).append("\",\"sku\":\"")
              .append(l.getSku()).append("\",\"onHand\":").append(l.getOnHand().toPlainString())
              .append(",\"avgCost\":").append(l.getAvgCost().toPlainString()).append(",\"stockValue\":")
              .append(l.getStockValue().toPlainString()).append('}');
        }
        out.println(json.append("],\"totals\":{\"stockValue\":").append(total.toPlainString()).append("}}"));
      }
      case "csv" -> {
        out.println("branch,sku,onHand,avgCost,stockValue");
        rows.forEach(l -> out.println(String.join(",", Formats.csv(l.getBranch(), ','), Formats.csv(l.getSku(), ','),
            l.getOnHand().toPlainString(),
            l.getAvgCost().toPlainString(), l.getStockValue().toPlainString())));
        out.println("TOTAL,,,," + total.toPlainString());
      }
      default -> {
        out.printf("Stock al %s%n%-12s %-14s %12s %14s %16s%n", asOf, "SUCURSAL", "SKU", "STOCK", "COSTO PROM.",
            "VALOR");
        rows.forEach(l -> out.printf("%-12s %-14s %12s %14s %16s%n", l.getBranch(), l.getSku(),
            l.getOnHand().toPlainString(), l.getAvgCost().toPlainString(), l.getStockValue().toPlainString()));
        out.printf("%-12s %-14s %12s %14s %16s%n", "TOTAL", "", "", "", total.toPlainString());
      }
    }
  }
}
