package almacen.ingest.web;

import almacen.domain.Barcodes;
import almacen.domain.Bounds;
import almacen.domain.Decimals;
import almacen.events.Product;
import almacen.events.ScaleValue;
import almacen.events.Unit;
import almacen.ingest.invoice.Cuit;
import almacen.ingest.validation.Fields;
import almacen.ingest.web.ProductController.ProductRequest;
import almacen.support.web.ApiException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * A product as a client sends it (one PUT, one row of an import) → the {@link Product} event, field
 * by field. A bad field throws a 400 {@link ApiException} naming it; codes taken by other products
 * are {@link CatalogClaims}' business.
 */
final class ProductValidator {

  static final BigDecimal MAX_MARKUP = Bounds.MAX_MARKUP_PCT;

  private final Clock clock;

  ProductValidator(Clock clock) {
    this.clock = clock;
  }

  Product validate(String sku, ProductRequest body) {
    Fields.sku(sku, "sku");
    Fields.required(body, "body");
    BigDecimal minStock = Fields.nonNegativeQty(body.minStock(), "minStock");
    BigDecimal maxStock =
        body.maxStock() == null ? null : Fields.nonNegativeQty(body.maxStock(), "maxStock");
    if (maxStock != null && maxStock.compareTo(minStock) < 0) {
      throw ApiException.badRequest(
          "INVALID_QTY", "maxStock must not be less than minStock", "maxStock");
    }
    BigDecimal markup =
        body.markupPct() == null
            ? null
            : Fields.percent(body.markupPct(), "markupPct", BigDecimal.ZERO, MAX_MARKUP);
    return Product.newBuilder()
        .setSku(sku)
        .setName(Fields.text(body.name(), "name", 200))
        .setCategory(Fields.text(body.category(), "category", 100))
        .setEan(blank(body.ean()) ? null : Fields.ean(body.ean().strip(), "ean"))
        .setUnit(Unit.valueOf(Fields.unit(body.unit(), "unit")))
        .setMinStock(Decimals.qty(minStock))
        .setMaxStock(Decimals.qty(maxStock))
        .setIvaRatePct(Decimals.rate(Fields.ivaRate(body.ivaRatePct(), "ivaRatePct")))
        .setMarkupPct(Decimals.rate(markup))
        .setActive(body.active() == null || body.active())
        .setPlu(blank(body.plu()) ? null : plu(body.plu().strip()))
        .setScaleValue(
            blank(body.scaleValue())
                ? ScaleValue.WEIGHT
                : Fields.oneOf(body.scaleValue().strip(), ScaleValue.class, "scaleValue"))
        .setPackSize(Decimals.qty(packSize(body.packSize())))
        .setSupplierCuit(blank(body.supplierCuit()) ? null : cuit(body.supplierCuit()))
        .setUpdatedAt(clock.instant().truncatedTo(ChronoUnit.MILLIS))
        .build();
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static String plu(String value) {
    if (!Barcodes.PLU.matcher(value).matches()) {
      throw ApiException.badRequest(
          "INVALID_PLU", "plu '" + Fields.shown(value) + "' must be 5 digits", "plu");
    }
    return value;
  }

  private static BigDecimal packSize(BigDecimal value) {
    if (value == null) {
      return BigDecimal.ONE;
    }
    return Fields.positiveQty(value, "packSize");
  }

  private static String cuit(String value) {
    return Cuit.parse(value)
        .map(Cuit::digits)
        .orElseThrow(
            () ->
                ApiException.badRequest(
                    "INVALID_CUIT",
                    "supplierCuit '"
                        + Fields.shown(value)
                        + "' is not a valid CUIT (11 digits with a correct check digit)",
                    "supplierCuit"));
  }
}
