package almacen.inventory;

import almacen.events.TaxRegime;
import almacen.inventory.domain.DemandSettings;
import almacen.inventory.domain.SourceRules;
import almacen.inventory.domain.StockCommands;
import java.time.Duration;
import java.util.Objects;

/**
 * What the inventory topology is built from.
 *
 * @param taxRegime the shop's regime, for the cost basis of purchases ({@code
 *     almacen.pricing.tax-regime})
 * @param saleDedupeWindow how long a saleId is remembered (stream time); invoice, adjustment and
 *     transfer ids forever
 * @param demand lead time, cover days and the business-day zone
 * @param partitions partitions of the by-key repartition topic; must equal the products topic's
 *     ({@code almacen.topics.partitions}) because levels are partitioned by sku
 * @param liveWindow a source event at most this old (record time vs wall clock) is "live" and asks
 *     for a commit right after it is processed, so the till sees it without waiting for the commit
 *     interval; older events (catching up) are batched by the commit interval. Zero turns it off.
 */
public record InventoryConfig(
    TaxRegime taxRegime,
    Duration saleDedupeWindow,
    DemandSettings demand,
    int partitions,
    Duration liveWindow) {

  public static final Duration DEFAULT_SALE_DEDUPE_WINDOW = SourceRules.DEFAULT_SALE_ID_MEMORY;
  public static final Duration DEFAULT_LIVE_WINDOW = Duration.ofSeconds(2);

  public InventoryConfig {
    Objects.requireNonNull(taxRegime, "taxRegime");
    Objects.requireNonNull(saleDedupeWindow, "saleDedupeWindow");
    Objects.requireNonNull(demand, "demand");
    if (saleDedupeWindow.isNegative() || saleDedupeWindow.isZero()) {
      throw new IllegalArgumentException("saleDedupeWindow must be positive");
    }
    Objects.requireNonNull(liveWindow, "liveWindow");
    if (liveWindow.isNegative()) {
      throw new IllegalArgumentException("liveWindow must not be negative");
    }
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be >= 1");
    }
  }

  /** The source-event rules this configuration selects (regime, business zone, sale id memory). */
  public SourceRules sourceRules() {
    return SourceRules.of(new StockCommands(taxRegime, demand.zone()), saleDedupeWindow);
  }

  public static InventoryConfig defaults(int partitions) {
    return new InventoryConfig(
        TaxRegime.RI,
        DEFAULT_SALE_DEDUPE_WINDOW,
        DemandSettings.defaults(),
        partitions,
        DEFAULT_LIVE_WINDOW);
  }
}
