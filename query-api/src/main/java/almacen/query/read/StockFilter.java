package almacen.query.read;

import almacen.events.StockStatus;
import almacen.query.read.Views.StockView;

/**
 * The filters of {@code GET /api/stock}: {@code q} finds products whose words start with its words
 * (sku, name, EAN, PLU; accent- and case-insensitive), answered by the product index ({@link
 * ProductReads#stockMatching}); {@code category} the category (same folding); {@code status}
 * exactly.
 */
public record StockFilter(String q, String category, StockStatus status) {

  public static final StockFilter ALL = new StockFilter(null, null, null);

  /** Whether a search term is given (then the product index answers). */
  public boolean hasQuery() {
    return q != null && !q.isBlank();
  }

  /** Category and status; the search term is the index's. */
  public boolean matches(StockView view) {
    return matchesStatus(view.status()) && matchesCategory(view.category());
  }

  public boolean matchesStatus(String viewStatus) {
    return status == null || status.name().equals(viewStatus);
  }

  public boolean matchesCategory(String productCategory) {
    return category == null
        || category.isBlank()
        || Text.fold(category).equals(Text.fold(productCategory));
  }
}
