package almacen.query.web;

import almacen.domain.Identifiers;
import almacen.events.InvoiceStatus;
import almacen.events.StockStatus;
import almacen.query.QueryConfig;
import almacen.query.read.DateRange;
import almacen.support.web.ApiException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Validation of request parameters: a clear 400 naming the field. */
final class Params {

  static final String DEFAULT_BRANCH = Identifiers.DEFAULT_BRANCH;
  static final int DEFAULT_SIZE = 50;
  static final int MAX_SIZE = 500;
  static final int DEFAULT_MOVEMENTS = 50;
  static final int MAX_MOVEMENTS = 1000;
  static final int DEFAULT_RANGE_DAYS = 30;
  static final int MAX_RANGE_DAYS = QueryConfig.MAX_ANALYTICS_RANGE_DAYS;
  static final int DEFAULT_TOP = 10;
  static final int MAX_TOP = 100;
  private static final Pattern SKU = Identifiers.SKU;
  private static final Pattern DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");
  private static final Pattern CUIT = Pattern.compile("^\\d{2}-?\\d{8}-?\\d$");
  private static final Pattern BRANCH = Identifiers.BRANCH;

  private Params() {}

  static String sku(String sku) {
    if (sku == null || !SKU.matcher(sku).matches()) {
      throw ApiException.badRequest("BAD_SKU", "sku must match " + SKU.pattern(), "sku");
    }
    return sku;
  }

  /** The branch, {@code central} when absent. */
  static String branch(String branch) {
    return branch == null || branch.isBlank() ? DEFAULT_BRANCH : optionalBranch(branch);
  }

  /** The branch, or null (all branches) when absent. */
  static String optionalBranch(String branch) {
    if (branch == null || branch.isBlank()) {
      return null;
    }
    if (!BRANCH.matcher(branch).matches()) {
      throw ApiException.badRequest(
          "BAD_BRANCH", "branch must match " + BRANCH.pattern(), "branch");
    }
    return branch;
  }

  static int page(Integer page) {
    if (page == null) {
      return 0;
    }
    if (page < 0) {
      throw ApiException.badRequest("BAD_PAGE", "page starts at 0", "page");
    }
    return page;
  }

  static int size(Integer size) {
    if (size == null) {
      return DEFAULT_SIZE;
    }
    if (size < 1 || size > MAX_SIZE) {
      throw ApiException.badRequest("BAD_SIZE", "size must be between 1 and " + MAX_SIZE, "size");
    }
    return size;
  }

  static int limit(Integer limit) {
    if (limit == null) {
      return DEFAULT_MOVEMENTS;
    }
    if (limit < 1 || limit > MAX_MOVEMENTS) {
      throw ApiException.badRequest(
          "BAD_LIMIT", "limit must be between 1 and " + MAX_MOVEMENTS, "limit");
    }
    return limit;
  }

  /**
   * Business days {@code from}..{@code to} (both {@code YYYY-MM-DD}, both included): {@code to}
   * defaults to today, {@code from} to 29 days before {@code to}; at most 400 days.
   */
  static DateRange dateRange(String from, String to, LocalDate today) {
    LocalDate f = date(from, "from");
    LocalDate t = date(to, "to");
    if (t == null) {
      if (today == null) {
        throw ApiException.badRequest("BAD_DATE", "to is required", "to");
      }
      t = today;
    }
    if (f == null) {
      f = t.minusDays(DEFAULT_RANGE_DAYS - 1);
    }
    if (f.isAfter(t)) {
      throw ApiException.badRequest(
          "BAD_RANGE", "from (" + f + ") must not be after to (" + t + ")", "from");
    }
    DateRange range = new DateRange(f, t);
    if (range.days() > MAX_RANGE_DAYS) {
      throw ApiException.badRequest(
          "BAD_RANGE",
          "the range may span at most "
              + MAX_RANGE_DAYS
              + " days; "
              + f
              + ".."
              + t
              + " spans "
              + range.days(),
          "to");
    }
    return range;
  }

  private static LocalDate date(String value, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      if (DATE.matcher(value).matches()) {
        return LocalDate.parse(value);
      }
    } catch (DateTimeParseException e) {
      // falls through to the same answer as a malformed value
    }
    throw ApiException.badRequest(
        "BAD_DATE", field + " must be a date YYYY-MM-DD, got " + value, field);
  }

  static int top(Integer limit) {
    if (limit == null) {
      return DEFAULT_TOP;
    }
    if (limit < 1 || limit > MAX_TOP) {
      throw ApiException.badRequest("BAD_LIMIT", "limit must be between 1 and " + MAX_TOP, "limit");
    }
    return limit;
  }

  /** The 11 digits of a CUIT given as {@code 30-71234567-1} or {@code 30712345671}. */
  static String cuit(String cuit) {
    return cuit(cuit, "cuit");
  }

  /** The 11 digits of a CUIT given as {@code field}. */
  static String cuit(String cuit, String field) {
    if (cuit == null || !CUIT.matcher(cuit).matches()) {
      throw ApiException.badRequest(
          "BAD_CUIT", field + " must be 11 digits, with or without dashes (30-71234567-1)", field);
    }
    return cuit.replace("-", "");
  }

  static StockStatus stockStatus(String status) {
    if (status == null || status.isBlank()) {
      return null;
    }
    try {
      return StockStatus.valueOf(status.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(
          "BAD_STATUS", "status must be one of OK, LOW, OUT, NEGATIVE", "status");
    }
  }

  static InvoiceStatus invoiceStatus(String status) {
    if (status == null || status.isBlank()) {
      return null;
    }
    try {
      return InvoiceStatus.valueOf(status.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(
          "BAD_STATUS", "status must be CONFIRMED, NEEDS_REVIEW or REJECTED", "status");
    }
  }
}
