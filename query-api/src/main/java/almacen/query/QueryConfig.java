package almacen.query;

import java.time.Duration;
import java.time.ZoneId;

/**
 * Knobs of the read-side topology.
 *
 * @param zone               business day boundaries (Buenos Aires)
 * @param movementsPerKey    newest ledger entries kept per branch|sku (the contract promises 1000)
 * @param priceHistoryPerSku newest prices kept per sku
 * @param salesDaysKept      business days of per-sale totals kept for the daily sales store
 * @param purgeInterval      how often (wall clock) old daily sales are purged
 */
public record QueryConfig(ZoneId zone, int movementsPerKey, int priceHistoryPerSku, int salesDaysKept,
    Duration purgeInterval) {

  public static final ZoneId BUENOS_AIRES = ZoneId.of("America/Argentina/Buenos_Aires");

  public QueryConfig {
    if (movementsPerKey < 1 || priceHistoryPerSku < 1 || salesDaysKept < 1) {
      throw new IllegalArgumentException("movementsPerKey, priceHistoryPerSku and salesDaysKept must be >= 1");
    }
  }

  public static QueryConfig defaults() {
    return new QueryConfig(BUENOS_AIRES, 1000, 1000, 35, Duration.ofHours(1));
  }
}
