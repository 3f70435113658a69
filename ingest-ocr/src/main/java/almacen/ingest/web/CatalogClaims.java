package almacen.ingest.web;

import almacen.events.Product;
import almacen.ingest.catalog.ProductCatalog;
import almacen.support.web.ApiException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * EANs and PLUs (each unique across products) claimed by the products of one write — a PUT, or the
 * rows of an import in order — over the catalogue as it stands: the answer is the one the PUTs of
 * the claimed products, one after the other, would get. A product that moves off a code frees it
 * for a later row; a code claimed by an earlier row is taken. Use it under {@link
 * ProductCatalog#write}, and apply what it accepted before the lock is let go.
 */
final class CatalogClaims {

  private final ProductCatalog catalog;
  private final Codes eans;
  private final Codes plus;
  private final Map<String, Product> claimedBySku = new HashMap<>();

  CatalogClaims(ProductCatalog catalog) {
    this.catalog = catalog;
    this.eans = new Codes("EAN", "EAN_IN_USE", "ean", catalog::skuByEan, Product::getEan);
    this.plus = new Codes("PLU", "PLU_IN_USE", "plu", catalog::skuByPlu, Product::getPlu);
  }

  /**
   * Claims the product's EAN and PLU, or throws 409 ({@code EAN_IN_USE}, {@code PLU_IN_USE}) and
   * claims nothing.
   *
   * @param where how a person finds the earlier claimant ({@code " (line 3)"}), or empty
   */
  void claim(Product product, Function<String, String> where) {
    Optional<Product> before =
        Optional.ofNullable(claimedBySku.get(product.getSku()))
            .or(() -> catalog.get(product.getSku()));
    eans.refuseTaken(product, where);
    plus.refuseTaken(product, where);
    eans.take(product, before);
    plus.take(product, before);
    claimedBySku.put(product.getSku(), product);
  }

  /** One kind of code: who holds each, as the catalogue says, corrected by this write's claims. */
  private static final class Codes {
    private final String what;
    private final String error;
    private final String field;
    private final Function<String, Optional<String>> catalogOwner;
    private final Function<Product, String> code;
    private final Map<String, String> claimed = new HashMap<>();
    private final Set<String> freed = new HashSet<>();

    Codes(
        String what,
        String error,
        String field,
        Function<String, Optional<String>> catalogOwner,
        Function<Product, String> code) {
      this.what = what;
      this.error = error;
      this.field = field;
      this.catalogOwner = catalogOwner;
      this.code = code;
    }

    void refuseTaken(Product product, Function<String, String> where) {
      String value = code.apply(product);
      if (value == null) {
        return;
      }
      String sku = product.getSku();
      String claimant = claimed.get(value);
      if (claimant != null && !claimant.equals(sku)) {
        throw ApiException.conflict(
            error,
            what + " " + value + " already belongs to product " + claimant + where.apply(claimant),
            field);
      }
      if (claimant == null && !freed.contains(value)) {
        catalogOwner
            .apply(value)
            .filter(owner -> !owner.equals(sku))
            .ifPresent(
                owner -> {
                  throw ApiException.conflict(
                      error, what + " " + value + " already belongs to product " + owner, field);
                });
      }
    }

    /** The product holds its code from now on; the code it had before is free again. */
    void take(Product product, Optional<Product> before) {
      String sku = product.getSku();
      String now = code.apply(product);
      before
          .map(code)
          .filter(old -> !old.equals(now) && sku.equals(holder(old)))
          .ifPresent(
              old -> {
                claimed.remove(old);
                freed.add(old);
              });
      if (now != null) {
        claimed.put(now, sku);
        freed.remove(now);
      }
    }

    private String holder(String value) {
      String claimant = claimed.get(value);
      if (claimant != null) {
        return claimant;
      }
      return freed.contains(value) ? null : catalogOwner.apply(value).orElse(null);
    }
  }
}
