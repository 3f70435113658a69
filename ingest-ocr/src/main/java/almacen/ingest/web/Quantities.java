package almacen.ingest.web;

import almacen.events.Unit;
import almacen.ingest.catalog.ProductCatalog;
import almacen.support.web.ApiException;
import java.math.BigDecimal;

/** Products sold by unit move in whole units; KG products and unknown skus accept 3 decimals. */
final class Quantities {

  private Quantities() {}

  static void checkUnit(ProductCatalog catalog, String sku, BigDecimal qty, String field) {
    catalog
        .get(sku)
        .filter(p -> p.getUnit() == Unit.UNIT)
        .ifPresent(
            p -> {
              if (qty.stripTrailingZeros().scale() > 0) {
                throw ApiException.badRequest(
                    "INVALID_QTY",
                    field
                        + " "
                        + qty.toPlainString()
                        + " must be a whole number: "
                        + sku
                        + " is sold by unit",
                    field);
              }
            });
  }
}
