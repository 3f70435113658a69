package almacen.query;

import almacen.domain.BusinessDay;
import java.time.Duration;
import java.time.ZoneId;

/**
 * Knobs of the read-side topology.
 *
 * @param zone business day boundaries (Buenos Aires)
 * @param movementsPerKey newest ledger entries kept per branch|sku (the contract promises 1000)
 * @param priceHistoryPerSku newest prices kept per sku
 * @param salesDaysKept business days of per-sale totals kept for the daily sales store
 * @param purgeInterval how often (wall clock) old daily sales and analytics days are purged
 * @param analyticsDaysKept business days kept in the analytics stores (sales and cost of sales per
 *     day); older days are purged. At least the longest range the API answers.
 */
public record QueryConfig(
    ZoneId zone,
    int movementsPerKey,
    int priceHistoryPerSku,
    int salesDaysKept,
    Duration purgeInterval,
    int analyticsDaysKept) {

  public static final ZoneId BUENOS_AIRES = BusinessDay.ZONE;

  /** The longest date range (days, both ends included) an analytics endpoint answers. */
  public static final int MAX_ANALYTICS_RANGE_DAYS = 400;

  /** Two years and a bit: a whole range of last year can be compared with this year's. */
  public static final int DEFAULT_ANALYTICS_DAYS_KEPT = 800;

  public QueryConfig {
    if (movementsPerKey < 1 || priceHistoryPerSku < 1 || salesDaysKept < 1) {
      throw new IllegalArgumentException(
          "movementsPerKey, priceHistoryPerSku and salesDaysKept must be >= 1");
    }
    if (analyticsDaysKept < 1) {
      throw new IllegalArgumentException(
          "analyticsDaysKept must be >= 1, got " + analyticsDaysKept);
    }
  }

  /** The knobs with the default analytics retention. */
  public QueryConfig(
      ZoneId zone,
      int movementsPerKey,
      int priceHistoryPerSku,
      int salesDaysKept,
      Duration purgeInterval) {
    this(
        zone,
        movementsPerKey,
        priceHistoryPerSku,
        salesDaysKept,
        purgeInterval,
        DEFAULT_ANALYTICS_DAYS_KEPT);
  }

  public static QueryConfig defaults() {
    return new QueryConfig(
        BUENOS_AIRES, 1000, 1000, 35, Duration.ofHours(1), DEFAULT_ANALYTICS_DAYS_KEPT);
  }

  public QueryConfig withAnalyticsDaysKept(int days) {
    return new QueryConfig(
        zone, movementsPerKey, priceHistoryPerSku, salesDaysKept, purgeInterval, days);
  }
}
