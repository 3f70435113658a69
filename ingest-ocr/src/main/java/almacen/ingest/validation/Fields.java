package almacen.ingest.validation;

import almacen.domain.Barcodes;
import almacen.domain.Bounds;
import almacen.domain.Identifiers;
import almacen.support.web.ApiException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The field rules of CONTRACT.md "Conventions". Each check returns the clean value or throws a 400
 * {@link ApiException} naming the field, with a message a person understands.
 */
public final class Fields {

  public static final String DEFAULT_BRANCH = Identifiers.DEFAULT_BRANCH;
  public static final List<BigDecimal> IVA_RATES = Bounds.IVA_RATES;
  public static final int MAX_ID_LENGTH = Bounds.MAX_ID_LENGTH;

  /** Longest part of a refused value repeated in an error message. */
  static final int MAX_ECHO = 40;

  private static final Pattern MONTH = Pattern.compile("^\\d{4}-\\d{2}$");

  private Fields() {}

  public static <T> T required(T value, String field) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      throw ApiException.badRequest("MISSING_FIELD", field + " is required", field);
    }
    return value;
  }

  public static String id(String value, String field) {
    required(value, field);
    check(Bounds.id(value), field);
    return value;
  }

  /** Throws the 400 of a bounds violation, naming the field. */
  public static void check(Optional<Bounds.Violation> violation, String field) {
    violation.ifPresent(
        v -> {
          throw ApiException.badRequest(v.code(), field + " " + v.message(), field);
        });
  }

  /** A count of items within its maximum (sale lines, invoice lines, batch rows). */
  public static void count(int size, int max, String what, String field) {
    check(Bounds.count(size, max, what), field);
  }

  /** A client's value as it may appear in a message: at most {@value #MAX_ECHO} characters. */
  public static String shown(String value) {
    if (value == null) {
      return "null";
    }
    return value.length() <= MAX_ECHO ? value : value.substring(0, MAX_ECHO) + "…";
  }

  public static boolean isSku(String value) {
    return Identifiers.isSku(value);
  }

  public static String sku(String value, String field) {
    required(value, field);
    if (!isSku(value)) {
      throw ApiException.badRequest(
          "INVALID_SKU",
          field
              + " '"
              + shown(value)
              + "' must be 1 to 50 upper-case letters, digits, '-' or '_' (e.g. ALM000001)",
          field);
    }
    return value;
  }

  /** A branch; null or blank means {@value #DEFAULT_BRANCH}. */
  public static String branch(String value, String field) {
    if (value == null || value.isBlank()) {
      return DEFAULT_BRANCH;
    }
    if (!Identifiers.isBranch(value)) {
      throw ApiException.badRequest(
          "INVALID_BRANCH",
          field
              + " '"
              + shown(value)
              + "' must be 1 to 32 lower-case letters, digits or '-' (e.g. central)",
          field);
    }
    return value;
  }

  /** A strictly positive quantity with at most 3 decimals. */
  public static BigDecimal positiveQty(BigDecimal value, String field) {
    required(value, field);
    if (value.signum() <= 0) {
      throw ApiException.badRequest("INVALID_QTY", field + " must be greater than 0", field);
    }
    return qtyScale(value, field);
  }

  /** A quantity ≥ 0 with at most 3 decimals. */
  public static BigDecimal nonNegativeQty(BigDecimal value, String field) {
    required(value, field);
    if (value.signum() < 0) {
      throw ApiException.badRequest("INVALID_QTY", field + " must not be negative", field);
    }
    return qtyScale(value, field);
  }

  /** A non-zero signed quantity with at most 3 decimals (stock deltas). */
  public static BigDecimal nonZeroQty(BigDecimal value, String field) {
    required(value, field);
    if (value.signum() == 0) {
      throw ApiException.badRequest("INVALID_QTY", field + " must not be 0", field);
    }
    return qtyScale(value, field);
  }

  private static BigDecimal qtyScale(BigDecimal value, String field) {
    check(Bounds.qty(value), field);
    return value;
  }

  /** Money in ARS: ≥ 0 with at most 2 decimals. */
  public static BigDecimal money(BigDecimal value, String field) {
    required(value, field);
    check(Bounds.money(value), field);
    return value;
  }

  /** A printed unit cost: money, like every other price. */
  public static BigDecimal unitCost(BigDecimal value, String field) {
    return money(value, field);
  }

  public static boolean isIvaRate(BigDecimal value) {
    return Bounds.isIvaRate(value);
  }

  public static BigDecimal ivaRate(BigDecimal value, String field) {
    required(value, field);
    check(Bounds.ivaRate(value), field);
    return value;
  }

  /** A line's bonificación: 0 ≤ v &lt; 100 with at most 2 decimals. */
  public static BigDecimal discountPct(BigDecimal value, String field) {
    required(value, field);
    check(Bounds.discountPct(value), field);
    return value;
  }

  /** A percentage with at most 2 decimals within [min, max]. */
  public static BigDecimal percent(BigDecimal value, String field, BigDecimal min, BigDecimal max) {
    required(value, field);
    check(Bounds.percent(value, min, max), field);
    return value;
  }

  /** An EAN-13, EAN-8 or UPC-A: wrong shape → INVALID_EAN, wrong check digit → BAD_CHECK_DIGIT. */
  public static String ean(String value, String field) {
    if (!Barcodes.isGtinShape(value)) {
      throw ApiException.badRequest(
          "INVALID_EAN",
          field + " '" + shown(value) + "' is not an EAN-13, EAN-8 or UPC-A (13, 8 or 12 digits)",
          field);
    }
    if (!Barcodes.checkDigitMatches(value)) {
      throw ApiException.badRequest(
          "BAD_CHECK_DIGIT", field + " '" + shown(value) + "' has a wrong check digit", field);
    }
    return value;
  }

  public static String unit(String value, String field) {
    required(value, field);
    if (!"UNIT".equals(value) && !"KG".equals(value)) {
      throw ApiException.badRequest("INVALID_UNIT", field + " must be UNIT or KG", field);
    }
    return value;
  }

  /** An ISO-8601 instant with an offset, e.g. 2025-10-15T12:30:00-03:00. */
  public static Instant instant(String value, String field) {
    required(value, field);
    try {
      return IsoInstants.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(
          "INVALID_INSTANT",
          field
              + " '"
              + shown(value)
              + "' must be an ISO-8601 instant with offset, e.g. 2025-10-15T12:30:00-03:00",
          field);
    }
  }

  public static LocalDate date(String value, String field) {
    required(value, field);
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(
          "INVALID_DATE", field + " '" + shown(value) + "' must be a date YYYY-MM-DD", field);
    }
  }

  /** A month YYYY-MM between {@code earliest} and {@code latest}, both inclusive. */
  public static YearMonth month(String value, String field, YearMonth earliest, YearMonth latest) {
    required(value, field);
    YearMonth month;
    try {
      if (!MONTH.matcher(value.strip()).matches()) {
        throw new DateTimeParseException("format", value, 0);
      }
      month = YearMonth.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(
          "INVALID_MONTH",
          field + " '" + shown(value) + "' must be a month YYYY-MM, e.g. 2025-10",
          field);
    }
    if (month.isBefore(earliest) || month.isAfter(latest)) {
      throw ApiException.badRequest(
          "INVALID_MONTH",
          field
              + " "
              + month
              + " is outside the accepted range "
              + earliest
              + " to "
              + latest
              + " (forecasts up to 12 months ahead)",
          field);
    }
    return month;
  }

  public static String text(String value, String field, int maxLength) {
    required(value, field);
    if (value.length() > maxLength) {
      throw ApiException.badRequest(
          "INVALID_TEXT", field + " must be at most " + maxLength + " characters", field);
    }
    return value.strip();
  }

  public static String optionalText(String value, String field, int maxLength) {
    return value == null ? null : text(value, field, maxLength);
  }

  public static <E extends Enum<E>> E oneOf(String value, Class<E> type, String field) {
    required(value, field);
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(value.strip().toUpperCase(Locale.ROOT))) {
        return e;
      }
    }
    List<String> names = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    throw ApiException.badRequest(
        "INVALID_VALUE", field + " must be one of " + String.join(", ", names), field);
  }

  /** Number of decimals ignoring trailing zeros (12.50 has 1). */
  public static int decimals(BigDecimal value) {
    return Bounds.decimals(value);
  }
}
