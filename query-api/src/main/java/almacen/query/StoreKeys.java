package almacen.query;

import java.time.LocalDate;

/**
 * Keys of the multi-entry stores. Sequence numbers and instants are zero-padded so that the
 * lexicographic order of the keys is their numeric order; '|' never occurs in a sku or branch.
 */
public final class StoreKeys {

  private static final String ZEROS = "0".repeat(19);
  private static final String MIN = pad(0);
  private static final String MAX = pad(Long.MAX_VALUE);

  private StoreKeys() {}

  /**
   * {@code n} in 19 digits, zero-padded ({@code String.format("%019d", n)} without a Formatter).
   */
  public static String pad(long n) {
    if (n < 0) {
      return String.format("%019d", n);
    }
    String digits = Long.toString(n);
    return ZEROS.substring(digits.length()) + digits;
  }

  /** {@code branch|sku|sequence}. */
  public static String movement(String branchSku, long sequence) {
    return branchSku + "|" + pad(sequence);
  }

  public static String movementFrom(String branchSku) {
    return branchSku + "|" + MIN;
  }

  public static String movementTo(String branchSku) {
    return branchSku + "|" + MAX;
  }

  /** {@code sku|effectiveAtMillis|reason}: a re-published price overwrites itself. */
  public static String priceHistory(String sku, long effectiveAtMillis, String reason) {
    return sku + "|" + pad(effectiveAtMillis) + "|" + reason;
  }

  public static String priceHistoryFrom(String sku) {
    return sku + "|" + MIN;
  }

  public static String priceHistoryTo(String sku) {
    return sku + "|" + MAX + "|~";
  }

  /** {@code day|branch|saleId}: a sale seen twice is counted once. */
  public static String dailySale(LocalDate day, String branch, String saleId) {
    return day + "|" + branch + "|" + saleId;
  }

  /** Prefix of one day (all branches) or one day and branch. */
  public static String dailySalesPrefix(LocalDate day, String branch) {
    return branch == null ? day + "|" : day + "|" + branch + "|";
  }

  /**
   * {@code day|branch|sku}: one cell of the analytics stores (units and money of a business day).
   */
  public static String analyticsCell(LocalDate day, String branch, String sku) {
    return day + "|" + branch + "|" + sku;
  }

  /** First key of the cells of one day, of one branch or all when null (range start, inclusive). */
  public static String analyticsFrom(LocalDate day, String branch) {
    return dailySalesPrefix(day, branch);
  }

  /** Last key of the cells of one day, of one branch or all when null (range end, inclusive). */
  public static String analyticsTo(LocalDate day, String branch) {
    return dailySalesPrefix(day, branch) + "~";
  }

  /** The parts of an analytics key: day, branch, sku. */
  public static String[] analyticsParts(String key) {
    return key.split("\\|", 3);
  }
}
