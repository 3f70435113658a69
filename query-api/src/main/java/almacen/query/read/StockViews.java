package almacen.query.read;

import almacen.events.Price;
import almacen.events.Product;
import almacen.events.StockLevel;
import almacen.events.StockStatus;
import almacen.query.read.Views.StockView;
import java.math.BigDecimal;
import java.time.ZoneId;

/**
 * One row of the stock screens: a level joined with its product and list price. The product, when
 * known, decides name, category, unit and minimums; a product with no level is 0 and OUT.
 */
final class StockViews {

  private StockViews() {}

  static StockView of(
      String branch, String sku, StockLevel level, Product product, Price price, ZoneId zone) {
    BigDecimal zero = Json.qty(BigDecimal.ZERO);
    BigDecimal onHand = level == null ? zero : level.getOnHand();
    BigDecimal minStock = product != null ? product.getMinStock() : level.getMinStock();
    BigDecimal maxStock = product != null ? product.getMaxStock() : level.getMaxStock();
    String status = level == null ? StockStatus.OUT.name() : level.getStatus().name();
    BigDecimal reorder =
        level != null
            ? level.getReorderQty()
            : Json.qty(maxStock != null ? maxStock : BigDecimal.ZERO);
    return new StockView(
        sku,
        product == null ? sku : product.getName(),
        product == null ? null : product.getCategory(),
        branch,
        product == null ? null : product.getUnit().name(),
        onHand,
        minStock,
        maxStock,
        status,
        level == null ? BigDecimal.ZERO.setScale(4) : level.getAvgCost(),
        level == null ? Json.money(BigDecimal.ZERO) : Json.money(level.getStockValue()),
        level == null ? zero : level.getDailySales28d(),
        level == null ? null : level.getDaysOfCover(),
        reorder,
        price == null ? null : Json.money(price.getListPrice()),
        level == null ? null : Json.instant(level.getUpdatedAt(), zone));
  }
}
