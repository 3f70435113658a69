package almacen.inventory.domain;

import almacen.domain.BusinessDay;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Knobs of the demand signal: the supplier lead time and the days of stock to hold after it, and
 * the zone whose calendar days bucket the sales (Buenos Aires).
 */
public record DemandSettings(int leadTimeDays, int coverDays, ZoneId zone) {

  public static final ZoneId BUENOS_AIRES = BusinessDay.ZONE;

  /** Defaults, constants so that configuration annotations can name them. */
  public static final int DEFAULT_LEAD_TIME_DAYS = 7;

  public static final int DEFAULT_COVER_DAYS = 14;

  public DemandSettings {
    if (leadTimeDays < 0 || coverDays < 0) {
      throw new IllegalArgumentException("leadTimeDays and coverDays must be >= 0");
    }
    Objects.requireNonNull(zone, "zone");
  }

  public static DemandSettings defaults() {
    return new DemandSettings(DEFAULT_LEAD_TIME_DAYS, DEFAULT_COVER_DAYS, BUENOS_AIRES);
  }
}
