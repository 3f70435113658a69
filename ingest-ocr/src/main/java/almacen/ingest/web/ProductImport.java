package almacen.ingest.web;

import almacen.domain.Bounds;
import almacen.events.Product;
import almacen.ingest.catalog.ProductCatalog;
import almacen.ingest.validation.Fields;
import almacen.ingest.web.ProductController.ProductRequest;
import almacen.ingest.web.ProductImportController.ImportRejected;
import almacen.support.web.ApiError;
import almacen.support.web.ApiException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of a catalogue import → the products to publish and the rows refused, each refused for
 * what its own PUT would have answered. Fields first ({@link #validate}, no lock needed), then the
 * codes ({@link #claim}, under the catalogue's write lock): a row whose sku an earlier accepted row
 * has is a {@code DUPLICATE_SKU}, and an EAN or PLU is taken by the catalogue or by an earlier
 * accepted row ({@link CatalogClaims}), as if the accepted rows were PUT one after the other.
 */
final class ProductImport {

  /** Rows per import; a bigger catalogue goes in several requests. */
  static final int MAX_ROWS = Bounds.MAX_BATCH;

  static final String DUPLICATE_SKU = "DUPLICATE_SKU";

  /** One row: its 1-based line, the sku as sent, the PUT fields (null when the row had none). */
  record Row(int line, String sku, ProductRequest request) {}

  /** A row whose fields are valid. */
  record Valid(int line, Product product) {}

  record Validated(List<Valid> valid, List<ImportRejected> rejected) {}

  record Outcome(List<Product> accepted, List<ImportRejected> rejected) {}

  private final ProductValidator validator;
  private final ProductCatalog catalog;

  ProductImport(ProductValidator validator, ProductCatalog catalog) {
    this.validator = validator;
    this.catalog = catalog;
  }

  /**
   * @throws ApiException 400 {@code TOO_MANY} over {@link #MAX_ROWS} rows, like every batch
   */
  static void checkCount(int rows, String field) {
    Fields.count(rows, MAX_ROWS, field, field);
  }

  /** Every row's fields, as {@code PUT /api/products/{sku}} checks them. */
  Validated validate(List<Row> rows, BatchRejections rejections) {
    List<Valid> valid = new ArrayList<>(rows.size());
    List<ImportRejected> rejected = new ArrayList<>();
    for (Row row : rows) {
      try {
        valid.add(new Valid(row.line(), validator.validate(row.sku(), row.request())));
      } catch (ApiException e) {
        rejected.add(rejected(row.line(), row.sku(), e, rejections));
      }
    }
    return new Validated(valid, rejected);
  }

  /**
   * The valid rows that take no code or sku another product (in the catalogue, or an earlier
   * accepted row) holds. Call under {@link ProductCatalog#write}, and apply the accepted products
   * before letting it go.
   */
  Outcome claim(Validated validated, BatchRejections rejections) {
    CatalogClaims claims = new CatalogClaims(catalog);
    Map<String, Integer> lineBySku = new HashMap<>();
    List<Product> accepted = new ArrayList<>(validated.valid().size());
    List<ImportRejected> rejected = new ArrayList<>();
    for (Valid row : validated.valid()) {
      Product product = row.product();
      try {
        Integer earlier = lineBySku.get(product.getSku());
        if (earlier != null) {
          throw ApiException.conflict(
              DUPLICATE_SKU,
              "sku " + product.getSku() + " is already on line " + earlier + " of this import",
              "sku");
        }
        claims.claim(product, owner -> " (line " + lineBySku.get(owner) + " of this import)");
        lineBySku.put(product.getSku(), row.line());
        accepted.add(product);
      } catch (ApiException e) {
        rejected.add(rejected(row.line(), product.getSku(), e, rejections));
      }
    }
    return new Outcome(accepted, rejected);
  }

  static ImportRejected rejected(
      int line, String sku, ApiException cause, BatchRejections rejections) {
    ApiError error = rejections.error(cause);
    return new ImportRejected(
        line, sku == null ? null : Fields.shown(sku), error.message(), cause.code(), cause.field());
  }
}
