package almacen.query.orders;

import java.math.BigDecimal;

/**
 * One product to order: its supplier (the last that invoiced it, else the product's preferred one;
 * both null when neither is known), how much is there and how much to order in whole packs, and
 * what it last cost.
 */
public record OrderLine(
    String supplierCuit,
    String supplierName,
    String sku,
    String name,
    String unit,
    BigDecimal onHand,
    BigDecimal minStock,
    BigDecimal reorderQty,
    BigDecimal packSize,
    BigDecimal orderQty,
    BigDecimal lastUnitCost,
    String lastInvoiceId) {}
