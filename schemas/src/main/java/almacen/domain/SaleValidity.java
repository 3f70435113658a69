package almacen.domain;

import almacen.events.Sale;
import almacen.events.SaleLine;
import java.util.Optional;

/**
 * Whether a sale event can be true, for every reader of the sales topic: stream-inventory
 * dead-letters a sale with a problem (none of its lines moves stock) and query-api's analytics do
 * not count it, so both agree on what was sold.
 */
public final class SaleValidity {

  private SaleValidity() {}

  /** The first problem of the sale, or empty when every field and line can be true. */
  public static Optional<String> problem(Sale sale) {
    if (sale == null) {
      return Optional.of("sale is empty");
    }
    if (blank(sale.getSaleId())) {
      return Optional.of("sale without an id");
    }
    // each message is built only when its check fails: a valid sale concatenates nothing
    if (blank(sale.getBranch())) {
      return Optional.of(id(sale) + ": branch is blank");
    }
    if (sale.getSoldAt() == null) {
      return Optional.of(id(sale) + ": soldAt is required");
    }
    if (sale.getLines() == null || sale.getLines().isEmpty()) {
      return Optional.of(id(sale) + " has no lines");
    }
    Optional<Bounds.Violation> tooMany =
        Bounds.count(sale.getLines().size(), Bounds.MAX_SALE_LINES, "lines");
    if (tooMany.isPresent()) {
      return Optional.of(id(sale) + " " + tooMany.get().message());
    }
    int lineNo = 0;
    for (SaleLine line : sale.getLines()) {
      lineNo++;
      Optional<String> problem = lineProblem(line);
      if (problem.isPresent()) {
        return Optional.of(id(sale) + "#" + lineNo + ": " + problem.get());
      }
    }
    return Optional.empty();
  }

  public static boolean isValid(Sale sale) {
    return problem(sale).isEmpty();
  }

  private static Optional<String> lineProblem(SaleLine line) {
    // '|' separates branch and sku in every store key
    if (blank(line.getSku()) || line.getSku().contains("|")) {
      return Optional.of("sku is blank or contains '|'");
    }
    if (line.getQty() == null) {
      return Optional.of("qty is required");
    }
    Optional<Bounds.Violation> qty = Bounds.qty(line.getQty());
    if (qty.isPresent()) {
      return Optional.of("qty " + qty.get().message());
    }
    if (line.getQty().signum() <= 0) {
      return Optional.of("qty must be greater than 0, was " + line.getQty().toPlainString());
    }
    if (line.getUnitPrice() == null || line.getUnitPrice().signum() < 0) {
      return Optional.of("unit price is required and must not be negative");
    }
    return Optional.empty();
  }

  private static String id(Sale sale) {
    return "sale " + sale.getSaleId();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
