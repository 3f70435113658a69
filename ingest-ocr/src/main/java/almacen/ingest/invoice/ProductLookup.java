package almacen.ingest.invoice;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;

/** What the validator needs to know about the catalogue and what suppliers' codes mean. */
public interface ProductLookup {

  Optional<KnownProduct> bySku(String sku);

  Optional<KnownProduct> byEan(String ean);

  /** Learned from confirmed invoices: this supplier's code for one of our skus. */
  Optional<KnownProduct> bySupplierCode(String cuitDigits, String supplierCode);

  /**
   * Learned from invoices a person confirmed: the sku this supplier's description was confirmed as,
   * read exactly again ({@link SupplierLearning#skuForDescription}).
   */
  default Optional<KnownProduct> bySupplierDescription(String cuitDigits, String description) {
    return Optional.empty();
  }

  /**
   * The codes this supplier's confirmed invoices gave {@code sku} (empty when none was learned): a
   * read code that is not among them, on a line the description identifies, is a misreading or a
   * new code, for a person to check.
   */
  default Set<String> supplierCodes(String cuitDigits, String sku) {
    return Set.of();
  }

  /** Exactly one catalogue product whose normalised name equals the normalised description. */
  Optional<KnownProduct> byDescription(String description);

  record KnownProduct(String sku, BigDecimal ivaRatePct) {}
}
