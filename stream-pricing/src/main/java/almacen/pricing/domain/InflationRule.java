package almacen.pricing.domain;

import almacen.domain.Bounds;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Which monthly inflation records may ever be used for a price. */
public final class InflationRule {

  public static final BigDecimal MIN_RATE_PCT = Bounds.MIN_INFLATION_PCT;
  public static final BigDecimal MAX_RATE_PCT = Bounds.MAX_INFLATION_PCT;
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM");

  private InflationRule() {}

  /**
   * The month of a usable record, or an {@link IllegalArgumentException} saying why it is not: key
   * not "YYYY-MM", key and month disagreeing, or a rate outside −50..+1000 % per month (the bounds
   * of every write).
   */
  public static YearMonth requireUsable(String key, String month, BigDecimal ratePct) {
    YearMonth parsed = parseMonth(key);
    if (!key.equals(month)) {
      throw new IllegalArgumentException(
          "Inflation record key " + key + " differs from its month " + month);
    }
    if (ratePct == null) {
      throw new IllegalArgumentException("Inflation record " + key + " has no rate");
    }
    if (ratePct.compareTo(MIN_RATE_PCT) < 0 || ratePct.compareTo(MAX_RATE_PCT) > 0) {
      throw new IllegalArgumentException(
          "Inflation rate "
              + ratePct.toPlainString()
              + " % for "
              + key
              + " is outside -50..+1000 % per month; the record is never used");
    }
    return parsed;
  }

  public static YearMonth parseMonth(String key) {
    if (key == null || key.length() != 7) {
      throw new IllegalArgumentException("Inflation record key must be YYYY-MM, was " + key);
    }
    try {
      return YearMonth.parse(key, MONTH);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("Inflation record key must be YYYY-MM, was " + key, e);
    }
  }
}
