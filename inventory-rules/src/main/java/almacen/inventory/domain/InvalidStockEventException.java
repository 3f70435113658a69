package almacen.inventory.domain;

/**
 * A source event carries a value that cannot be true (a sale line of zero units, a blank sku, an
 * adjustment with neither delta nor count). Thrown before anything is recorded, so the event can be
 * dead-lettered and a corrected copy with the same id still takes effect.
 */
public final class InvalidStockEventException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public InvalidStockEventException(String message) {
    super(message);
  }
}
