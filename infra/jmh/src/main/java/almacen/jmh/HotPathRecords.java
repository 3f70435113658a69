package almacen.jmh;

import almacen.events.Product;
import almacen.events.Sale;
import almacen.events.SaleLine;
import almacen.events.ScaleValue;
import almacen.events.StockLevel;
import almacen.events.StockMovement;
import almacen.events.TaxRegime;
import almacen.events.Unit;
import almacen.inventory.domain.CommandType;
import almacen.inventory.domain.DemandSettings;
import almacen.inventory.domain.LedgerResult;
import almacen.inventory.domain.ProductInfo;
import almacen.inventory.domain.StockCommand;
import almacen.inventory.domain.StockCommands;
import almacen.inventory.domain.StockLedger;
import almacen.schemas.StoreNames;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The records the benchmarks measure, shaped like a shop's: a five-line till sale (one line
 * weighed), and the levels its skus have after two purchases and a week of daily sales, built by
 * the ledger itself so that every field (average cost, stock value, demand, cover) is one the app
 * would write.
 */
public final class HotPathRecords {

  public static final String BRANCH = "central";

  /** 12:30 in Buenos Aires on a Friday. */
  public static final Instant SOLD_AT = Instant.parse("2026-12-04T15:30:00Z");

  /** Days of sales before {@link #SOLD_AT} in a level's history (its daily buckets): a week. */
  public static final int DAYS_OF_SALES = 7;

  /** A sku that sells every day: the whole demand window, 28 buckets. */
  public static final int FULL_WINDOW_DAYS = 28;

  public static final String CASHIER = "caja1";

  /** The skus of {@link #sale()}, in line order. */
  public static final List<String> SALE_SKUS =
      List.of("ALM000001", "ALM000017", "ALM000042", "ALM000108", "ALM000136");

  private HotPathRecords() {}

  public static StockLedger ledger() {
    return new StockLedger(DemandSettings.defaults());
  }

  public static StockCommands commands() {
    return new StockCommands(TaxRegime.RI, DemandSettings.BUENOS_AIRES);
  }

  /** A till sale: four packaged products by the unit and 750 g of cheese. */
  public static Sale sale() {
    return sale(
        "V-20261204-000123",
        BRANCH,
        SOLD_AT,
        List.of(
            line(SALE_SKUS.get(0), "2.000", "1250.00"),
            line(SALE_SKUS.get(1), "1.000", "899.90"),
            line(SALE_SKUS.get(2), "0.750", "7400.00"),
            line(SALE_SKUS.get(3), "3.000", "450.00"),
            line(SALE_SKUS.get(4), "1.000", "2310.50")));
  }

  public static Sale sale(String saleId, String branch, Instant soldAt, List<SaleLine> lines) {
    return new Sale(saleId, branch, soldAt, lines, soldAt.plusMillis(1_200), CASHIER);
  }

  public static SaleLine line(String sku, String qty, String unitPrice) {
    return new SaleLine(sku, new BigDecimal(qty), new BigDecimal(unitPrice));
  }

  /** The catalogue's view of a sku: a minimum of 10 units, no maximum. */
  public static ProductInfo productInfo(String sku) {
    return new ProductInfo(sku, new BigDecimal("10"), null, true);
  }

  /** A catalogue entry as ingest writes it. */
  public static Product product(String sku) {
    return Product.newBuilder()
        .setSku(sku)
        .setName("Producto " + sku)
        .setCategory("Almacén")
        .setEan(null)
        .setUnit(Unit.UNIT)
        .setMinStock(new BigDecimal("10.000"))
        .setMaxStock(null)
        .setIvaRatePct(new BigDecimal("21.00"))
        .setMarkupPct(new BigDecimal("35.00"))
        .setActive(true)
        .setUpdatedAt(SOLD_AT.minus(Duration.ofDays(30)))
        .setPlu(null)
        .setScaleValue(ScaleValue.WEIGHT)
        .setPackSize(new BigDecimal("12.000"))
        .setSupplierCuit("30712345671")
        .build();
  }

  /**
   * The level of {@code sku} at {@link #BRANCH} before the sale: {@link #DAYS_OF_SALES} buckets.
   */
  public static StockLevel level(String sku) {
    return level(sku, DAYS_OF_SALES);
  }

  /** The level of {@code sku} after {@code days} days of sales: {@code days} buckets. */
  public static StockLevel level(String sku, int days) {
    return history(sku, days).level();
  }

  /** The ledger entry of the history's last sale of {@code sku}. */
  public static StockMovement movement(String sku) {
    return history(sku, DAYS_OF_SALES).movement();
  }

  /** The levels of every sku of {@link #sale()} after {@code days} days of sales, by key. */
  public static Map<String, StockLevel> saleLevels(int days) {
    Map<String, StockLevel> levels = new LinkedHashMap<>();
    for (String sku : SALE_SKUS) {
      levels.put(StoreNames.branchSkuKey(BRANCH, sku), level(sku, days));
    }
    return levels;
  }

  /**
   * 60 units at $ 975,50 and, three days later, 24 at $ 1.010,00 (so the average cost has four
   * decimals), then one to three units sold on each of the last {@code days} days.
   */
  private static LedgerResult history(String sku, int days) {
    StockLedger ledger = ledger();
    ProductInfo product = productInfo(sku);
    Instant start = SOLD_AT.minus(Duration.ofDays(days + 3L));
    LedgerResult result =
        ledger.apply(null, purchase(sku, "60", "975.50", "FC-0001-00001234#1", start), product);
    result =
        ledger.apply(
            result.level(),
            purchase(sku, "24", "1010.00", "FC-0001-00001301#1", start.plus(Duration.ofDays(3))),
            product);
    for (int daysBefore = days; daysBefore >= 1; daysBefore--) {
      StockCommand sold =
          new StockCommand(
              CommandType.SALE,
              BRANCH,
              sku,
              BigDecimal.valueOf(daysBefore % 3 + 1L),
              null,
              "V-202611-" + daysBefore + "#1",
              SOLD_AT.minus(Duration.ofDays(daysBefore)),
              null,
              CASHIER);
      result = ledger.apply(result.level(), sold, product);
    }
    return result;
  }

  private static StockCommand purchase(
      String sku, String qty, String unitCost, String ref, Instant at) {
    return new StockCommand(
        CommandType.PURCHASE,
        BRANCH,
        sku,
        new BigDecimal(qty),
        new BigDecimal(unitCost),
        ref,
        at,
        null,
        "admin");
  }
}
