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
    require(type != null, "type is required");
    require(!blank(sourceRef), "sourceRef is required");
    require(!blank(branch), sourceRef + ": branch is blank");
    require(!blank(sku), sourceRef + ": sku is blank");
    require(occurredAt != null, sourceRef + ": occurredAt is required");
    require(quantity != null, sourceRef + ": quantity is required");
    Optional<Bounds.Violation> outOfBounds = Bounds.qty(quantity);
    require(
        outOfBounds.isEmpty(),
        sourceRef + ": qty " + outOfBounds.map(Bounds.Violation::message).orElse(""));
    quantity = Decimals.qty(quantity);
    switch (type) {
      case SALE, PURCHASE, PURCHASE_RETURN, TRANSFER ->
          require(
              quantity.signum() > 0,
              sourceRef + ": qty must be greater than 0, was " + quantity.toPlainString());
      case ADJUSTMENT ->
          require(quantity.signum() != 0, sourceRef + ": adjustment delta must not be 0");
      case COUNT ->
          require(
              quantity.signum() >= 0,
              sourceRef + ": counted qty must not be negative, was " + quantity.toPlainString());
      default -> throw new IllegalStateException("Unhandled " + type);
    }
    if (type == CommandType.PURCHASE) {
      require(
          unitCost != null && unitCost.signum() >= 0,
          sourceRef + ": purchase unit cost must be >= 0");
      unitCost = Decimals.unitCost(unitCost);
    } else {
      require(unitCost == null, sourceRef + ": only a purchase carries a unit cost");
    }
    if (type == CommandType.TRANSFER) {
      require(!blank(toBranch), sourceRef + ": transfer destination branch is blank");
      require(
          !toBranch.equals(branch), sourceRef + ": transfer from and to the same branch " + branch);
    } else {
      require(toBranch == null, sourceRef + ": only a transfer has a destination branch");
    }
  }

  /** The ledger key this command is applied to (for a transfer, its source): {@code branch|sku}. */
  public String key() {
    return StoreNames.branchSkuKey(branch, sku);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new InvalidStockEventException(message);
    }
  }
}
