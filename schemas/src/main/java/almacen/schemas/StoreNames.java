package almacen.schemas;

/**
 * State store, repartition and processor-group names, shared by the topologies, query-api and the
 * tests. Changing one is a breaking change for running applications (their changelogs).
 */
public final class StoreNames {

  private StoreNames() {}

  // stream-inventory
  public static final String INVENTORY_APP = "inventory";
  public static final String INVENTORY_DEDUPE = "inventory-dedupe";
  public static final String INVENTORY_LEVELS = "inventory-levels";
  public static final String INVENTORY_PRODUCTS = "inventory-products";
  public static final String INVENTORY_BY_KEY_REPARTITION = "inventory-by-branch-sku";

  /** Index sku|branch → branch, so a catalogue change re-evaluates every branch holding the sku. */
  public static final String INVENTORY_SKU_BRANCHES = "inventory-sku-branches";

  // stream-pricing
  public static final String PRICING_APP = "pricing";
  public static final String PRICING_COSTS = "pricing-costs";
  public static final String PRICING_PRODUCTS = "pricing-products";
  public static final String PRICING_INFLATION = "pricing-inflation";
  public static final String PRICING_PRICES = "pricing-prices";
  public static final String PRICING_COST_BY_SKU_REPARTITION = "pricing-cost-by-sku";

  /** Every valid inflation month to every pricing task, so each holds the whole series. */
  public static final String PRICING_INFLATION_BROADCAST_REPARTITION =
      "pricing-inflation-broadcast";

  // query-api
  public static final String QUERY_APP = "query";
  public static final String QUERY_STOCK_LEVELS = "query-stock-levels";
  public static final String QUERY_MOVEMENTS = "query-movements";
  public static final String QUERY_PRODUCTS = "query-products";
  public static final String QUERY_PRICES = "query-prices";
  public static final String QUERY_PRICE_HISTORY = "query-price-history";

  /**
   * The last change of each sku's list price ({@code sku} → the Price that changed it, with the
   * price before it as {@code previousListPrice}): what shelf labels are due.
   */
  public static final String QUERY_PRICE_CHANGES = "query-price-changes";

  /** The last time each branch marked its shelf labels printed ({@code branch} → LabelPrint). */
  public static final String QUERY_LABEL_PRINTS = "query-label-prints";

  public static final String QUERY_ALERTS = "query-alerts";
  public static final String QUERY_INVOICES = "query-invoices";
  public static final String QUERY_INFLATION = "query-inflation";
  public static final String QUERY_SALES_DAILY = "query-sales-daily";

  /**
   * Sales per Buenos Aires day, branch and sku ({@code day|branch|sku} → units, amount), from
   * sales.
   */
  public static final String QUERY_ANALYTICS_SALES = "query-analytics-sales";

  /**
   * The saleIds counted by {@link #QUERY_ANALYTICS_SALES} ({@code saleId} → {@code day|offset}):
   * each once.
   */
  public static final String QUERY_ANALYTICS_SALE_IDS = "query-analytics-sale-ids";

  /**
   * Cost of the units sold per day, branch and sku ({@code day|branch|sku} → units, cost), from
   * SALE ledger entries.
   */
  public static final String QUERY_ANALYTICS_COSTS = "query-analytics-costs";

  /** The key of everything per branch and sku: {@code branch|sku}. */
  public static String branchSkuKey(String branch, String sku) {
    return branch + "|" + sku;
  }
}
