package almacen.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The bounds of every value a command may carry (CONTRACT.md "Every write promises durability and
 * bounds"), in one place for the HTTP edge, the CSV imports, the AFIP QR parser and the stream
 * apps. Each check answers the violation, or empty when the value is acceptable. Magnitude is
 * checked before anything that scales the number, so {@code 1e1000000} costs nothing to refuse;
 * messages never echo the value (it may be huge).
 */
public final class Bounds {

  public static final BigDecimal MAX_QTY = new BigDecimal("1000000");
  public static final int QTY_DECIMALS = Decimals.QTY_SCALE;
  public static final BigDecimal MAX_MONEY = new BigDecimal("1000000000000.00");
  public static final int MONEY_DECIMALS = Decimals.MONEY_SCALE;
  public static final List<BigDecimal> IVA_RATES =
      List.of(
          new BigDecimal("0"),
          new BigDecimal("2.5"),
          new BigDecimal("5"),
          new BigDecimal("10.5"),
          new BigDecimal("21"),
          new BigDecimal("27"));
  public static final BigDecimal MIN_MARKUP_PCT = BigDecimal.ZERO;
  public static final BigDecimal MAX_MARKUP_PCT = new BigDecimal("1000");
  public static final BigDecimal MIN_INFLATION_PCT = new BigDecimal("-50");
  public static final BigDecimal MAX_INFLATION_PCT = new BigDecimal("1000");
  public static final int RATE_DECIMALS = Decimals.RATE_SCALE;

  /** A bonificación is below this: 100 % off is not a sale, it is a gift. */
  public static final BigDecimal MAX_DISCOUNT_PCT_EXCLUSIVE = new BigDecimal("100");

  public static final int MAX_ID_LENGTH = 64;
  public static final int MAX_SALE_LINES = 500;
  public static final int MAX_INVOICE_LINES = 500;
  public static final int MAX_BATCH = 10_000;

  /** What is wrong with a value: an upper-case code and a short message that does not repeat it. */
  public record Violation(String code, String message) {}

  private Bounds() {}

  /** A quantity (qty, delta, countedQty, minStock, maxStock): |v| ≤ 1,000,000, ≤ 3 decimals. */
  public static Optional<Violation> qty(BigDecimal value) {
    if (value.abs().compareTo(MAX_QTY) > 0) {
      return out("must be between -1000000 and 1000000");
    }
    return moreDecimalsThan(value, QTY_DECIMALS)
        ? invalid("INVALID_QTY", "may have at most 3 decimals")
        : Optional.empty();
  }

  /** Money (prices, costs, line totals, totals): 0 ≤ v ≤ 1,000,000,000,000.00, ≤ 2 decimals. */
  public static Optional<Violation> money(BigDecimal value) {
    if (value.signum() < 0) {
      return invalid("INVALID_MONEY", "must not be negative");
    }
    if (value.compareTo(MAX_MONEY) > 0) {
      return out("must be at most 1000000000000.00");
    }
    return moreDecimalsThan(value, MONEY_DECIMALS)
        ? invalid("INVALID_MONEY", "may have at most 2 decimals (centavos)")
        : Optional.empty();
  }

  /**
   * A stored unit cost (line total / qty, kept to 4 decimals in events): 0 ≤ v ≤ the money bound.
   * Only the stream apps use it; commands carry money with 2 decimals.
   */
  public static Optional<Violation> unitCost(BigDecimal value) {
    if (value.signum() < 0) {
      return invalid("INVALID_MONEY", "must not be negative");
    }
    return value.compareTo(MAX_MONEY) > 0
        ? out("must be at most 1000000000000.00")
        : Optional.empty();
  }

  public static boolean isIvaRate(BigDecimal value) {
    return value != null && IVA_RATES.stream().anyMatch(r -> r.compareTo(value) == 0);
  }

  public static Optional<Violation> ivaRate(BigDecimal value) {
    return isIvaRate(value)
        ? Optional.empty()
        : invalid("INVALID_IVA_RATE", "is not an Argentine IVA rate (0, 2.5, 5, 10.5, 21 or 27)");
  }

  public static Optional<Violation> markupPct(BigDecimal value) {
    return percent(value, MIN_MARKUP_PCT, MAX_MARKUP_PCT);
  }

  public static Optional<Violation> inflationPct(BigDecimal value) {
    return percent(value, MIN_INFLATION_PCT, MAX_INFLATION_PCT);
  }

  /** A line's bonificación: 0 ≤ v &lt; 100, at most 2 decimals. */
  public static Optional<Violation> discountPct(BigDecimal value) {
    if (value.signum() < 0 || value.compareTo(MAX_DISCOUNT_PCT_EXCLUSIVE) >= 0) {
      return out("must be at least 0 and less than 100 %");
    }
    return moreDecimalsThan(value, RATE_DECIMALS)
        ? invalid("INVALID_RATE", "may have at most 2 decimals")
        : Optional.empty();
  }

  /** A percentage in [min, max] with at most 2 decimals. */
  public static Optional<Violation> percent(BigDecimal value, BigDecimal min, BigDecimal max) {
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      return out("must be between " + min.toPlainString() + " and " + max.toPlainString() + " %");
    }
    return moreDecimalsThan(value, RATE_DECIMALS)
        ? invalid("INVALID_RATE", "may have at most 2 decimals")
        : Optional.empty();
  }

  /** An id: 1 to 64 characters, no leading or trailing spaces, no control characters. */
  public static Optional<Violation> id(String value) {
    if (value == null || value.isBlank()) {
      return invalid("MISSING_FIELD", "is required");
    }
    if (value.length() > MAX_ID_LENGTH || !value.equals(value.strip())) {
      return invalid(
          "INVALID_ID",
          "must be 1 to " + MAX_ID_LENGTH + " characters without leading or trailing spaces");
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        return invalid("INVALID_ID", "must not contain control characters");
      }
    }
    return Optional.empty();
  }

  /** A count of items (sale lines, invoice lines, batch rows) against its maximum. */
  public static Optional<Violation> count(int size, int max, String what) {
    return size > max
        ? invalid("TOO_MANY", "has " + size + " " + what + "; at most " + max + " are accepted")
        : Optional.empty();
  }

  /**
   * Number of decimals ignoring trailing zeros (12.50 has 1); call only on a value already within
   * its range.
   */
  public static int decimals(BigDecimal value) {
    return Math.max(0, value.stripTrailingZeros().scale());
  }

  /**
   * {@code decimals(value) > max}, without stripping the zeros of a value whose scale is already
   * within {@code max} (stripping never raises the scale): every valid value on the hot path.
   */
  private static boolean moreDecimalsThan(BigDecimal value, int max) {
    return value.scale() > max && decimals(value) > max;
  }

  private static Optional<Violation> out(String message) {
    return invalid("OUT_OF_RANGE", message);
  }

  private static Optional<Violation> invalid(String code, String message) {
    return Optional.of(new Violation(code, message));
  }
}
