package almacen.query.read;

import almacen.events.Product;
import almacen.events.StockStatus;
import almacen.query.read.Views.StockView;

/**
 * The search of {@code GET /api/stock}: {@code q} matches the sku, the EAN or the name (accent- and
 * case-insensitive, substring); {@code category} the category (same folding); {@code status}
 * exactly.
 */
public record StockFilter(String q, String category, StockStatus status) {

  public static final StockFilter ALL = new StockFilter(null, null, null);

  public boolean matches(StockView view, Product product) {
    if (status != null && !status.name().equals(view.status())) {
      return false;
    }
    if (category != null
        && !category.isBlank()
        && !Text.fold(category).equals(Text.fold(view.category()))) {
      return false;
    }
    if (q == null || q.isBlank()) {
      return true;
    }
    String needle = Text.fold(q);
    return Text.fold(view.sku()).contains(needle)
        || (product != null && product.getEan() != null && product.getEan().contains(needle))
        || Text.fold(view.name()).contains(needle);
  }
}
