package almacen.inventory.domain;

import almacen.domain.Bounds;
import almacen.domain.Decimals;
import almacen.schemas.StoreNames;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * One effect on stock, derived from a source event (a sale line, a confirmed invoice or credit note
 * line, an adjustment or a transfer). Validated on construction: an impossible value throws {@link
 * InvalidStockEventException}.
 *
 * @param quantity SALE, PURCHASE, PURCHASE_RETURN, TRANSFER: units &gt; 0; ADJUSTMENT: signed delta
 *     &ne; 0; COUNT: counted &ge; 0
 * @param unitCost PURCHASE only: the cost basis of one unit; null otherwise
 * @param sourceRef {@code saleId#line}, {@code invoiceId#line} (1-based) or the adjustment/transfer
 *     id
 * @param occurredAt business time of the source event
 * @param toBranch TRANSFER only: the destination branch
 * @param user who recorded the source event (its {@code user}); null when unknown (an event written
 *     before users were recorded, a system import). Every movement of the command carries it.
 */
public record StockCommand(
    CommandType type,
    String branch,
    String sku,
    BigDecimal quantity,
    BigDecimal unitCost,
    String sourceRef,
    Instant occurredAt,
    String toBranch,
    String user) {

  public StockCommand {
    // each message is built only when its check fails: a valid command (every one on the hot path)
    // concatenates nothing
    if (type == null) {
      throw invalid("type is required");
    }
    if (blank(sourceRef)) {
      throw invalid("sourceRef is required");
    }
    if (blank(branch)) {
      throw invalid(sourceRef + ": branch is blank");
    }
    if (blank(sku)) {
      throw invalid(sourceRef + ": sku is blank");
    }
    if (occurredAt == null) {
      throw invalid(sourceRef + ": occurredAt is required");
    }
    if (quantity == null) {
      throw invalid(sourceRef + ": quantity is required");
    }
    Optional<Bounds.Violation> outOfBounds = Bounds.qty(quantity);
    if (outOfBounds.isPresent()) {
      throw invalid(sourceRef + ": qty " + outOfBounds.get().message());
    }
    quantity = Decimals.qty(quantity);
    switch (type) {
      case SALE, PURCHASE, PURCHASE_RETURN, TRANSFER -> {
        if (quantity.signum() <= 0) {
          throw invalid(
              sourceRef + ": qty must be greater than 0, was " + quantity.toPlainString());
        }
      }
      case ADJUSTMENT -> {
        if (quantity.signum() == 0) {
          throw invalid(sourceRef + ": adjustment delta must not be 0");
        }
      }
      case COUNT -> {
        if (quantity.signum() < 0) {
          throw invalid(
              sourceRef + ": counted qty must not be negative, was " + quantity.toPlainString());
        }
      }
      default -> throw new IllegalStateException("Unhandled " + type);
    }
    if (type == CommandType.PURCHASE) {
      if (unitCost == null || unitCost.signum() < 0) {
        throw invalid(sourceRef + ": purchase unit cost must be >= 0");
      }
      unitCost = Decimals.unitCost(unitCost);
    } else if (unitCost != null) {
      throw invalid(sourceRef + ": only a purchase carries a unit cost");
    }
    if (type == CommandType.TRANSFER) {
      if (blank(toBranch)) {
        throw invalid(sourceRef + ": transfer destination branch is blank");
      }
      if (toBranch.equals(branch)) {
        throw invalid(sourceRef + ": transfer from and to the same branch " + branch);
      }
    } else if (toBranch != null) {
      throw invalid(sourceRef + ": only a transfer has a destination branch");
    }
  }

  /** The ledger key this command is applied to (for a transfer, its source): {@code branch|sku}. */
  public String key() {
    return StoreNames.branchSkuKey(branch, sku);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static InvalidStockEventException invalid(String message) {
    return new InvalidStockEventException(message);
  }
}
