package almacen.support.csv;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;

/**
 * Every CSV almacén reads or writes goes through here, on Apache Commons CSV, so quoting, the
 * locale and the formula-injection guard live in one place.
 *
 * <p>Writing. Plain (default): {@code ,} separator, decimal point, ISO-8601 dates. es-AR ({@code
 * ?locale=es-AR}): {@code ;}, decimal comma, {@code dd/MM/yyyy} (instants {@code dd/MM/yyyy
 * HH:mm:ss} in the given zone), and a UTF-8 BOM first so a spreadsheet set to Spanish opens it
 * right. A cell's Java type decides how it is written: numbers ({@link BigDecimal}, {@link Long},
 * {@link Integer}, or {@link #number} for one formatted elsewhere) stay numbers (a delta of -2.000
 * must sum in a spreadsheet); everything else is text, and a text cell that a spreadsheet would
 * take for a formula (OWASP: it starts with {@code = + - @}, tab or CR) gets a leading {@code '}
 * and quotes, so a product named {@code =HYPERLINK(...)} is shown, never evaluated.
 *
 * <p>Reading ({@link #read}): comma separated, cells trimmed, RFC 4180 quotes, blank lines skipped,
 * an optional BOM, an optional header line recognised by its first cell; each row keeps the 1-based
 * line it starts on.
 */
public final class Csv {

  /** A row read from a body: the 1-based line it starts on, and its cells. */
  public record Row(int line, List<String> cells) {}

  /** A number already formatted by the caller: written as is, never taken for a formula. */
  public record Numeric(String text) {}

  /**
   * A body that is not CSV (an unterminated quote, text after a closing quote): {@code line} is
   * 1-based.
   */
  public static final class MalformedException extends RuntimeException {
    private final int line;

    MalformedException(int line, String message, Throwable cause) {
      super(message, cause);
      this.line = line;
    }

    public int line() {
      return line;
    }
  }

  private static final String BOM = "\uFEFF";
  private static final String FORMULA_STARTS = "=+-@\t\r";
  private static final DateTimeFormatter AR_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter AR_DATE_TIME =
      DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");
  private static final CSVFormat READ =
      CSVFormat.RFC4180
          .builder()
          .setIgnoreEmptyLines(true)
          .setIgnoreSurroundingSpaces(true)
          .setTrim(true)
          .get();
  private static final Csv PLAIN = new Csv(',', false);
  private static final Csv ES_AR = new Csv(';', true);

  private final CSVFormat minimal;
  private final CSVFormat quoted;
  private final boolean esAr;

  private Csv(char separator, boolean esAr) {
    CSVFormat base =
        CSVFormat.RFC4180.builder().setDelimiter(separator).setRecordSeparator('\n').get();
    this.minimal = base.builder().setQuoteMode(QuoteMode.MINIMAL).get();
    this.quoted = base.builder().setQuoteMode(QuoteMode.ALL).get();
    this.esAr = esAr;
  }

  public static Csv plain() {
    return PLAIN;
  }

  public static Csv esAr() {
    return ES_AR;
  }

  /**
   * The format for a {@code ?locale=} value: absent or blank → plain, {@code es-AR} (any case,
   * {@code _} too) → es-AR; anything else is refused with {@link IllegalArgumentException}.
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

  /** A number formatted by the caller (e.g. with grouping), written as a number. */
  public static Numeric number(String formatted) {
    return new Numeric(formatted);
  }

  /**
   * The {@code ?locale=} value that selects this format (for forwarding to other instances), or
   * null.
   */
  public String locale() {
    return esAr ? "es-AR" : null;
  }

  public char separator() {
    return minimal.getDelimiterString().charAt(0);
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
    try {
      for (int i = 0; i < cells.length; i++) {
        Object value = cells[i];
        if (isScalar(value)) {
          minimal.print(scalar(value, zone), line, i == 0);
        } else {
          String text = value.toString();
          boolean formula = !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0;
          (formula ? quoted : minimal).print(formula ? "'" + text : text, line, i == 0);
        }
      }
      minimal.println(line);
    } catch (IOException e) {
      throw new UncheckedIOException("A StringBuilder does not fail", e);
    }
    return line.toString();
  }

  private static boolean isScalar(Object value) {
    return value == null
        || value instanceof BigDecimal
        || value instanceof Long
        || value instanceof Integer
        || value instanceof Numeric
        || value instanceof Instant
        || value instanceof LocalDate;
  }

  /** Numbers and dates: never formulas, formatted for the locale; null is an empty cell. */
  private String scalar(Object value, ZoneId zone) {
    if (value == null) {
      return null;
    }
    if (value instanceof BigDecimal d) {
      String plain = d.toPlainString();
      return esAr ? plain.replace('.', ',') : plain;
    }
    if (value instanceof Numeric n) {
      return n.text();
    }
    if (value instanceof Instant t) {
      return esAr
          ? AR_DATE_TIME.format(t.atZone(zone))
          : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.atZone(zone).toOffsetDateTime());
    }
    if (value instanceof LocalDate d) {
      return esAr ? AR_DATE.format(d) : d.toString();
    }
    return value.toString();
  }

  /**
   * The rows of a CSV body (null: none). A first line whose first cell is {@code headerFirstCell}
   * (any case) is a header and skipped. A body that is not CSV throws {@link MalformedException}
   * with the line where it broke.
   */
  public static List<Row> read(String body, String headerFirstCell) {
    return read(body, Optional.of(headerFirstCell));
  }

  /**
   * Every row of a CSV body, its header included, for a body whose header names its columns in any
   * order (the first row is then the header, wherever blank lines put it).
   */
  public static List<Row> readAll(String body) {
    return read(body, Optional.empty());
  }

  private static List<Row> read(String body, Optional<String> headerFirstCell) {
    List<Row> rows = new ArrayList<>();
    if (body == null) {
      return rows;
    }
    String text = body.startsWith(BOM) ? body.substring(1) : body;
    LineIndex lines = new LineIndex(text);
    CSVParser parser;
    try {
      parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(READ).get();
    } catch (IOException e) {
      throw new UncheckedIOException("A StringReader does not fail", e);
    }
    long linesDone = 0;
    try (parser) {
      for (CSVRecord record : parser) {
        linesDone = parser.getCurrentLineNumber();
        List<String> cells = record.toList();
        if (cells.size() == 1 && cells.get(0).isEmpty()) {
          continue; // a line of blanks, as an empty line
        }
        int line = lines.lineAt(record.getCharacterPosition());
        if (line == 1
            && headerFirstCell.isPresent()
            && cells
                .get(0)
                .toLowerCase(Locale.ROOT)
                .equals(headerFirstCell.get().toLowerCase(Locale.ROOT))) {
          continue;
        }
        rows.add(new Row(line, cells));
      }
    } catch (IOException | UncheckedIOException e) {
      // the broken record starts after the last good one (blank lines between them aside)
      int line = (int) Math.min(Integer.MAX_VALUE, linesDone + 1);
      throw new MalformedException(
          line, "line " + line + ": not valid CSV (" + firstLine(e) + ")", e);
    }
    return rows;
  }

  private static String firstLine(Exception e) {
    Throwable cause =
        e instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : e;
    String message =
        cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return message.lines().findFirst().orElse(message);
  }

  /**
   * Character offsets of the line starts ({@code \r\n}, {@code \n} or {@code \r}), for 1-based line
   * numbers.
   */
  private static final class LineIndex {
    private final String text;
    private final int[] starts;

    LineIndex(String text) {
      this.text = text;
      List<Integer> found = new ArrayList<>();
      found.add(0);
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
          found.add(i + 1);
        }
      }
      this.starts = found.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The line of the first cell of a record that starts at {@code position}, past the blank lines
     * it skipped.
     */
    int lineAt(long position) {
      int found = Arrays.binarySearch(starts, (int) Math.min(Integer.MAX_VALUE, position));
      int index = found >= 0 ? found : -found - 2;
      while (index + 1 < starts.length
          && text.substring(starts[index], starts[index + 1]).isBlank()) {
        index++;
      }
      return index + 1;
    }
  }
}
