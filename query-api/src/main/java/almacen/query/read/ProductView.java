package almacen.query.read;

import almacen.events.Product;
import java.math.BigDecimal;
import java.time.ZoneId;

/** A catalogue entry with its list price (CONTRACT "Shop screens: API", Product). */
public record ProductView(
    String sku,
    String name,
    String category,
    String ean,
    String plu,
    String unit,
    String scaleValue,
    BigDecimal minStock,
    BigDecimal maxStock,
    BigDecimal ivaRatePct,
    BigDecimal markupPct,
    BigDecimal packSize,
    String supplierCuit,
    boolean active,
    BigDecimal listPrice,
    String updatedAt) {

  public static ProductView of(Product p, BigDecimal listPrice, ZoneId zone) {
    return new ProductView(
        p.getSku(),
        p.getName(),
        p.getCategory(),
        p.getEan(),
        p.getPlu(),
        p.getUnit().name(),
        p.getScaleValue().name(),
        p.getMinStock(),
        p.getMaxStock(),
        p.getIvaRatePct(),
        p.getMarkupPct(),
        p.getPackSize(),
        formattedCuit(p.getSupplierCuit()),
        p.getActive(),
        listPrice == null ? null : Json.money(listPrice),
        Json.instant(p.getUpdatedAt(), zone));
  }

  /** {@code 30-71234567-1}, as the supplier endpoints show a CUIT. */
  static String formattedCuit(String digits) {
    if (digits == null || digits.length() != 11) {
      return digits;
    }
    return digits.substring(0, 2) + "-" + digits.substring(2, 10) + "-" + digits.substring(10);
  }
}
