package almacen.query.read;

import almacen.domain.Decimals;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Value formatting shared by the JSON and CSV answers. */
public final class Json {

  private Json() {}

  /** ISO-8601 with the Buenos Aires offset, e.g. 2026-03-10T12:00:00-03:00. */
  public static String instant(Instant instant, ZoneId zone) {
    return instant == null
        ? null
        : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone).toOffsetDateTime());
  }

  public static BigDecimal money(BigDecimal v) {
    return Decimals.money(v);
  }

  public static BigDecimal qty(BigDecimal v) {
    return Decimals.qty(v);
  }
}
