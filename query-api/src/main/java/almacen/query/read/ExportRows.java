package almacen.query.read;

import almacen.events.Price;
import almacen.events.Product;
import almacen.events.StockLevel;
import almacen.events.StockMovement;
import almacen.query.read.Views.StockView;
import almacen.schemas.StoreNames;
import almacen.support.csv.Csv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;

/**
 * The CSV exports: their columns, the stock rows (levels joined with products and prices) and the
 * movements.
 */
public final class ExportRows {

  public static final List<String> STOCK_CSV_COLUMNS =
      List.of(
          "branch",
          "sku",
          "name",
          "category",
          "unit",
          "onHand",
          "minStock",
          "maxStock",
          "status",
          "avgCost",
          "stockValue",
          "dailySales28d",
          "daysOfCover",
          "reorderQty",
          "listPrice",
          "updatedAt");
  public static final List<String> MOVEMENTS_CSV_COLUMNS =
      List.of(
          "branch",
          "sku",
          "sequence",
          "movementId",
          "type",
          "delta",
          "before",
          "after",
          "unitCost",
          "sourceRef",
          "occurredAt",
          "user");

  /**
   * The same columns for people ({@code ?locale=es-AR}): a Spanish spreadsheet user reads the
   * header, a program reads the plain export.
   */
  public static final List<String> MOVEMENTS_CSV_COLUMNS_ES =
      List.of(
          "Sucursal",
          "SKU",
          "Secuencia",
          "Movimiento",
          "Tipo",
          "Cantidad",
          "Antes",
          "Después",
          "Costo unitario",
          "Origen",
          "Fecha",
          "Usuario");

  private final StoreReader reader;
  private final ZoneId zone;

  ExportRows(StoreReader reader, ZoneId zone) {
    this.reader = reader;
    this.zone = zone;
  }

  /**
   * This instance's levels of {@code branch} (null: every branch) as CSV rows (no header); the
   * iterator is closed before returning.
   */
  void writeStock(Writer out, String branch, Csv csv) {
    reader.<StockLevel, Void>read(
        StoreNames.QUERY_STOCK_LEVELS,
        s -> {
          try (KeyValueIterator<String, StockLevel> it =
              branch == null ? s.all() : s.prefixScan(branch + "|", new StringSerializer())) {
            while (it.hasNext()) {
              writeStockRow(out, it.next().value, csv);
            }
          }
          return null;
        });
  }

  private void writeStockRow(Writer out, StockLevel level, Csv csv) {
    Product product =
        reader.<Product, Product>read(StoreNames.QUERY_PRODUCTS, s -> s.get(level.getSku()));
    Price price = reader.<Price, Price>read(StoreNames.QUERY_PRICES, s -> s.get(level.getSku()));
    StockView v = StockViews.of(level.getBranch(), level.getSku(), level, product, price, zone);
    write(
        out,
        csv.row(
            zone,
            v.branch(),
            v.sku(),
            v.name(),
            v.category(),
            v.unit(),
            v.onHand(),
            v.minStock(),
            v.maxStock(),
            v.status(),
            v.avgCost(),
            v.stockValue(),
            v.dailySales28d(),
            v.daysOfCover(),
            v.reorderQty(),
            v.listPrice(),
            level.getUpdatedAt()));
  }

  /**
   * This instance's retained movements with {@code from <= occurredAt < to} (either bound
   * optional).
   */
  void write(Writer out, Instant from, Instant to, Csv csv) {
    reader.<StockMovement, Void>read(
        StoreNames.QUERY_MOVEMENTS,
        s -> {
          try (KeyValueIterator<String, StockMovement> it = s.all()) {
            while (it.hasNext()) {
              StockMovement m = it.next().value;
              if ((from == null || !m.getOccurredAt().isBefore(from))
                  && (to == null || m.getOccurredAt().isBefore(to))) {
                write(
                    out,
                    csv.row(
                        zone,
                        m.getBranch(),
                        m.getSku(),
                        m.getSequence(),
                        m.getMovementId(),
                        m.getType().name(),
                        m.getDelta(),
                        m.getBefore(),
                        m.getAfter(),
                        m.getUnitCost(),
                        m.getSourceRef(),
                        m.getOccurredAt(),
                        m.getUser()));
              }
            }
          }
          return null;
        });
  }

  /** Writes one row, turning an I/O failure into an unchecked one (rows are written in lambdas). */
  static void write(Writer out, String row) {
    try {
      out.write(row);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the CSV export", e);
    }
  }
}
