package almacen.inventory.domain;

/** What a {@link StockCommand} asks of the ledger. */
public enum CommandType {
  /** Units sold: quantity &gt; 0 leaves the branch. */
  SALE,
  /**
   * Units bought on a confirmed invoice: quantity &gt; 0 enters at {@code unitCost} (the cost
   * basis).
   */
  PURCHASE,
  /**
   * Units returned to the supplier on a confirmed credit note: quantity &gt; 0 leaves the branch;
   * the average cost of what stays is unchanged.
   */
  PURCHASE_RETURN,
  /** A signed correction: quantity is the delta, never zero. */
  ADJUSTMENT,
  /**
   * A physical count: quantity is the counted stock (&ge; 0); delta = counted − onHand when
   * applied.
   */
  COUNT,
  /** Units moved from {@code branch} to {@code toBranch}: quantity &gt; 0. */
  TRANSFER
}
