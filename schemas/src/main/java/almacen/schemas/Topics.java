package almacen.schemas;

import almacen.events.DeadLetter;
import almacen.events.InflationMonth;
import almacen.events.Invoice;
import almacen.events.LabelPrint;
import almacen.events.Price;
import almacen.events.Product;
import almacen.events.Sale;
import almacen.events.StockAdjustment;
import almacen.events.StockAlert;
import almacen.events.StockLevel;
import almacen.events.StockMovement;
import almacen.events.StockTransfer;
import almacen.events.User;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The immutable topic catalogue. Every topic name in almacén comes from here; services build one
 * instance from config ({@code almacen.topics.prefix}, default {@code almacen.}).
 */
public final class Topics {

  public static final String DEFAULT_PREFIX = "almacen.";
  private static final long FOREVER = -1L;
  private static final Pattern PREFIX = Pattern.compile("^[a-zA-Z0-9._-]{0,100}$");

  public final Topic<String, Product> products;
  public final Topic<String, Sale> sales;
  public final Topic<String, Invoice> invoices;
  public final Topic<String, StockAdjustment> stockAdjustments;
  public final Topic<String, StockTransfer> stockTransfers;
  public final Topic<String, StockMovement> stockMovements;
  public final Topic<String, StockLevel> stockLevels;
  public final Topic<String, StockAlert> stockAlerts;
  public final Topic<String, InflationMonth> inflationIndex;
  public final Topic<String, Price> prices;
  public final Topic<String, Price> priceHistory;
  public final Topic<String, LabelPrint> labelPrints;
  public final Topic<String, DeadLetter> dlq;
  public final Topic<String, User> users;
  private final String prefix;

  private Topics(String prefix) {
    if (!PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException("Bad topic prefix: " + prefix);
    }
    this.prefix = prefix;
    products = topic("products", Product.class, true, null);
    sales = topic("sales", Sale.class, false, FOREVER);
    invoices = topic("invoices", Invoice.class, false, FOREVER);
    stockAdjustments = topic("stock-adjustments", StockAdjustment.class, false, FOREVER);
    stockTransfers = topic("stock-transfers", StockTransfer.class, false, FOREVER);
    stockMovements = topic("stock-movements", StockMovement.class, false, FOREVER);
    stockLevels = topic("stock-levels", StockLevel.class, true, null);
    stockAlerts = topic("stock-alerts", StockAlert.class, false, FOREVER);
    inflationIndex = topic("inflation-index", InflationMonth.class, true, null);
    prices = topic("prices", Price.class, true, null);
    priceHistory = topic("price-history", Price.class, false, FOREVER);
    labelPrints = topic("label-prints", LabelPrint.class, true, null);
    dlq = topic("dlq", DeadLetter.class, false, FOREVER);
    users = topic("users", User.class, true, null);
  }

  public static Topics withPrefix(String prefix) {
    return new Topics(prefix == null ? DEFAULT_PREFIX : prefix);
  }

  public static Topics defaults() {
    return withPrefix(DEFAULT_PREFIX);
  }

  public String prefix() {
    return prefix;
  }

  public List<Topic<String, ?>> all() {
    return List.of(
        products,
        sales,
        invoices,
        stockAdjustments,
        stockTransfers,
        stockMovements,
        stockLevels,
        stockAlerts,
        inflationIndex,
        prices,
        priceHistory,
        labelPrints,
        dlq,
        users);
  }

  /** Source topics: facts entered by people or the till, replayed by audits. */
  public List<Topic<String, ?>> sources() {
    return List.of(products, sales, invoices, stockAdjustments, stockTransfers, inflationIndex);
  }

  public static Serde<String> keySerde() {
    return Serdes.String();
  }

  private <V extends SpecificRecordBase> Topic<String, V> topic(
      String shortName, Class<V> type, boolean compacted, Long retentionMs) {
    return new Topic<>(
        prefix + shortName, keySerde(), AvroEventSerde.of(type), compacted, retentionMs);
  }
}
