package almacen.replay;

import almacen.domain.BusinessDay;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Number and date formats for accountants: plain (ISO, dot) or es-AR (1.234,56; dd/MM/yyyy; Buenos
 * Aires). The CSV itself (separator, quoting, the formula guard) is {@link
 * almacen.support.csv.Csv}'s.
 */
final class Formats {

  static final ZoneId BUENOS_AIRES = BusinessDay.ZONE;
  private static final DateTimeFormatter AR_DATE_TIME =
      DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss").withZone(BUENOS_AIRES);
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(BUENOS_AIRES);

  private final boolean esAr;

  Formats(boolean esAr) {
    this.esAr = esAr;
  }

  String number(BigDecimal v) {
    if (v == null) {
      return "";
    }
    if (!esAr) {
      return v.toPlainString();
    }
    DecimalFormat f =
        new DecimalFormat(
            "#,##0.00##", DecimalFormatSymbols.getInstance(Locale.forLanguageTag("es-AR")));
    return f.format(v);
  }

  String instant(Instant t) {
    return t == null ? "" : esAr ? AR_DATE_TIME.format(t) : ISO.format(t);
  }
}
