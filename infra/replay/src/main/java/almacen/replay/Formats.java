package almacen.replay;

import almacen.domain.BusinessDay;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Number and date formats for accountants: plain (ISO, dot) or es-AR (comma, dd/MM/yyyy, Buenos Aires). */
final class Formats {

  static final ZoneId BUENOS_AIRES = BusinessDay.ZONE;
  private static final DateTimeFormatter AR_DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss")
      .withZone(BUENOS_AIRES);
  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(BUENOS_AIRES);

  private final boolean esAr;

  Formats(boolean esAr) {
    this.esAr = esAr;
  }

  char separator() {
    return esAr ? ';' : ',';
  }

  String number(BigDecimal v) {
    if (v == null) {
      return "";
    }
    if (!esAr) {
      return v.toPlainString();
    }
    DecimalFormat f = new DecimalFormat("#,##0.00##", DecimalFormatSymbols.getInstance(Locale.forLanguageTag("es-AR")));
    return f.format(v);
  }

  String instant(Instant t) {
    return t == null ? "" : esAr ? AR_DATE_TIME.format(t) : ISO.format(t);
  }

  /**
   * A text cell (numbers go through {@link #number}, so a negative delta stays a number): quoted when needed, and
   * a cell a spreadsheet would evaluate (OWASP: starts with = + - @, tab or CR) gets a leading ' inside quotes.
   * The same rule as query-api's CSV exports.
   */
  static String csv(String s, char sep) {
    if (s == null) {
      return "";
    }
    boolean formula = !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0;
    String guarded = formula ? "'" + s : s;
    return formula || guarded.indexOf(sep) >= 0 || guarded.indexOf('"') >= 0 || guarded.indexOf('\n') >= 0
        || guarded.indexOf('\r') >= 0 ? '"' + guarded.replace("\"", "\"\"") + '"' : guarded;
  }
}
