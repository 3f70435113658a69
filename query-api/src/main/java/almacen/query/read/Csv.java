package almacen.query.read;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Every CSV export is written here, so quoting, the locale and the formula-injection guard live in one place.
 * Plain (default): {@code ,} separator, decimal point, ISO-8601 dates. es-AR ({@code ?locale=es-AR}): {@code ;},
 * decimal comma, {@code dd/MM/yyyy} (instants {@code dd/MM/yyyy HH:mm:ss}, Buenos Aires), and a UTF-8 BOM first so
 * a spreadsheet set to Spanish opens it right.
 *
 * <p>A cell's Java type decides how it is written: numbers ({@link BigDecimal}, {@link Long}, {@link Integer})
 * stay numbers (a delta of -2.000 must sum in a spreadsheet); everything else is text, and a text cell that a
 * spreadsheet would take for a formula (OWASP: it starts with {@code = + - @}, tab or CR) gets a leading
 * {@code '} and quotes, so a product named {@code =HYPERLINK(...)} is shown, never evaluated.
 */
public final class Csv {

  private static final Csv PLAIN = new Csv(',', false);
  private static final Csv ES_AR = new Csv(';', true);
  private static final String BOM = "\uFEFF";
  private static final DateTimeFormatter AR_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter AR_DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

  private final char separator;
  private final boolean esAr;

  private Csv(char separator, boolean esAr) {
    this.separator = separator;
    this.esAr = esAr;
  }

  public static Csv plain() {
    return PLAIN;
  }

  /**
   * The format for a {@code ?locale=} value: absent or blank → plain, {@code es-AR} (any case, {@code _} too) →
   * es-AR; anything else is refused with {@link IllegalArgumentException}.
   */
  public static Csv forLocale(String locale) {
    if (locale == null || locale.isBlank()) {
      return PLAIN;
    }
    if (locale.trim().replace('_', '-').toLowerCase(Locale.ROOT).equals("es-ar")) {
      return ES_AR;
    }
    throw new IllegalArgumentException("locale must be es-AR or absent");
  }

  /** The {@code ?locale=} value that selects this format (for forwarding to other instances), or null. */
  public String locale() {
    return esAr ? "es-AR" : null;
  }

  /** Written once, before the header: the BOM for es-AR, nothing otherwise. */
  public String preamble() {
    return esAr ? BOM : "";
  }

  /** A header line: column names are text like any other. */
  public String header(String... columns) {
    return line(null, columns);
  }

  /** One line, {@code \n}-terminated; {@code zone} is where instants are shown. */
  public String row(ZoneId zone, Object... cells) {
    return line(zone, cells);
  }

  private String line(ZoneId zone, Object[] cells) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        line.append(separator);
      }
      line.append(cell(cells[i], zone));
    }
    return line.append('\n').toString();
  }

  private String cell(Object value, ZoneId zone) {
    if (value == null) {
      return "";
    }
    if (value instanceof BigDecimal d) {
      return number(d.toPlainString());
    }
    if (value instanceof Long || value instanceof Integer) {
      return value.toString();
    }
    if (value instanceof Instant t) {
      return esAr ? AR_DATE_TIME.format(t.atZone(zone)) : Json.instant(t, zone);
    }
    if (value instanceof LocalDate d) {
      return esAr ? AR_DATE.format(d) : d.toString();
    }
    return text(value.toString());
  }

  private String number(String plain) {
    return esAr ? plain.replace('.', ',') : plain;
  }

  /** A text cell: guarded against formulas, quoted when it must be (RFC 4180). */
  String text(String s) {
    boolean formula = !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0;
    String guarded = formula ? "'" + s : s;
    if (formula || guarded.indexOf(separator) >= 0 || guarded.indexOf('"') >= 0 || guarded.indexOf('\n') >= 0
        || guarded.indexOf('\r') >= 0) {
      return '"' + guarded.replace("\"", "\"\"") + '"';
    }
    return guarded;
  }
}
