package almacen.inventory.domain;

import java.time.ZoneId;
import java.util.Objects;

/**
 * Knobs of the demand signal: the supplier lead time and the days of stock to hold after it, and
 * the zone whose calendar days bucket the sales (Buenos Aires).
 */
public record DemandSettings(int leadTimeDays, int coverDays, ZoneId zone) {

  public static final ZoneId BUENOS_AIRES = ZoneId.of("America/Argentina/Buenos_Aires");

  public DemandSettings {
    if (leadTimeDays < 0 || coverDays < 0) {
      throw new IllegalArgumentException("leadTimeDays and coverDays must be >= 0");
    }
    Objects.requireNonNull(zone, "zone");
  }

  public static DemandSettings defaults() {
    return new DemandSettings(7, 14, BUENOS_AIRES);
  }
}
