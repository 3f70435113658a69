package almacen.inventory.domain;

import almacen.domain.Decimals;
import almacen.events.Product;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * What the ledger needs from the catalogue. A sku not in the catalogue is still moved, flagged
 * {@code catalogued=false}, with minStock 0 and no maxStock.
 */
public record ProductInfo(
    String sku, BigDecimal minStock, BigDecimal maxStock, boolean catalogued) {

  public ProductInfo {
    Objects.requireNonNull(sku, "sku");
    minStock = Decimals.qty(minStock == null ? BigDecimal.ZERO : minStock);
    maxStock = Decimals.qty(maxStock);
  }

  public static ProductInfo unknown(String sku) {
    return new ProductInfo(sku, BigDecimal.ZERO, null, false);
  }

  public static ProductInfo of(Product product) {
    return new ProductInfo(product.getSku(), product.getMinStock(), product.getMaxStock(), true);
  }

  /**
   * Business time of a catalogue change, the {@code since} of a status it changes: the product's
   * {@code updatedAt}, or the record time of a deletion (a tombstone carries no product).
   */
  public static Instant changedAt(Product product, long recordTimestampMs) {
    return product == null ? Instant.ofEpochMilli(recordTimestampMs) : product.getUpdatedAt();
  }

  /** The product if known, otherwise {@link #unknown(String)}. */
  public static ProductInfo ofNullable(String sku, Product product) {
    return product == null ? unknown(sku) : of(product);
  }
}
