package almacen.query.web;

import almacen.events.InvoiceStatus;
import almacen.events.StockStatus;
import almacen.support.web.ApiException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Validation of request parameters: a clear 400 naming the field. */
final class Params {

  static final String DEFAULT_BRANCH = "central";
  static final int DEFAULT_SIZE = 50;
  static final int MAX_SIZE = 500;
  static final int DEFAULT_MOVEMENTS = 50;
  static final int MAX_MOVEMENTS = 1000;
  private static final Pattern SKU = Pattern.compile("^[A-Z0-9][A-Z0-9_-]{0,49}$");
  private static final Pattern BRANCH = Pattern.compile("^[a-z0-9][a-z0-9-]{0,31}$");

  private Params() {
  }

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
      throw ApiException.badRequest("BAD_BRANCH", "branch must match " + BRANCH.pattern(), "branch");
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
      throw ApiException.badRequest("BAD_LIMIT", "limit must be between 1 and " + MAX_MOVEMENTS, "limit");
    }
    return limit;
  }

  static StockStatus stockStatus(String status) {
    if (status == null || status.isBlank()) {
      return null;
    }
    try {
      return StockStatus.valueOf(status.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("BAD_STATUS", "status must be one of OK, LOW, OUT, NEGATIVE", "status");
    }
  }

  static InvoiceStatus invoiceStatus(String status) {
    if (status == null || status.isBlank()) {
      return null;
    }
    try {
      return InvoiceStatus.valueOf(status.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("BAD_STATUS", "status must be CONFIRMED or NEEDS_REVIEW", "status");
    }
  }
}
