package almacen.pricing.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What pricing needs from the catalogue entry of a sku.
 *
 * @param markupPct the product's own markup, or null to fall back to its category's
 */
public record ProductTerms(
    String sku, String category, BigDecimal ivaRatePct, BigDecimal markupPct) {

  public ProductTerms {
    Objects.requireNonNull(sku, "sku");
    Objects.requireNonNull(ivaRatePct, "ivaRatePct");
    category = category == null ? "" : category;
  }
}
