package almacen.ingest.web;

import almacen.domain.Barcodes;
import almacen.domain.Bounds;
import almacen.domain.Decimals;
import almacen.events.Product;
import almacen.events.ScaleValue;
import almacen.events.Unit;
import almacen.ingest.catalog.ProductCatalog;
import almacen.ingest.invoice.Cuit;
import almacen.ingest.publish.EventPublisher;
import almacen.ingest.validation.Fields;
import almacen.schemas.Topics;
import almacen.support.security.RequiresRole;
import almacen.support.security.Role;
import almacen.support.web.ApiException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code PUT /api/products/{sku}}: creates or replaces a catalogue entry (EANs and PLUs each unique
 * across products).
 */
@RestController
public class ProductController {

  static final BigDecimal MAX_MARKUP = Bounds.MAX_MARKUP_PCT;

  private final EventPublisher publisher;
  private final Topics topics;
  private final ProductCatalog catalog;
  private final Clock clock;

  public ProductController(
      EventPublisher publisher, Topics topics, ProductCatalog catalog, Clock clock) {
    this.publisher = publisher;
    this.topics = topics;
    this.catalog = catalog;
    this.clock = clock;
  }

  public record ProductRequest(
      String name,
      String category,
      String ean,
      String unit,
      BigDecimal minStock,
      BigDecimal maxStock,
      BigDecimal ivaRatePct,
      BigDecimal markupPct,
      Boolean active,
      String plu,
      String scaleValue,
      BigDecimal packSize,
      String supplierCuit) {}

  public record ProductView(
      String sku,
      String name,
      String category,
      String ean,
      String unit,
      BigDecimal minStock,
      BigDecimal maxStock,
      BigDecimal ivaRatePct,
      BigDecimal markupPct,
      boolean active,
      Instant updatedAt,
      String plu,
      String scaleValue,
      BigDecimal packSize,
      String supplierCuit) {

    static ProductView of(Product p) {
      return new ProductView(
          p.getSku(),
          p.getName(),
          p.getCategory(),
          p.getEan(),
          p.getUnit().name(),
          p.getMinStock(),
          p.getMaxStock(),
          p.getIvaRatePct(),
          p.getMarkupPct(),
          p.getActive(),
          p.getUpdatedAt(),
          p.getPlu(),
          p.getScaleValue().name(),
          p.getPackSize(),
          p.getSupplierCuit() == null ? null : new Cuit(p.getSupplierCuit()).formatted());
    }
  }

  @PutMapping("/api/products/{sku}")
  @RequiresRole(Role.ADMIN)
  public ProductView put(@PathVariable String sku, @RequestBody ProductRequest body) {
    Product product = validate(sku, body);
    // Check, publish and index under one lock, so two PUTs here never take the same code. The
    // race window left: the catalogue is the topic read at start plus this process's own PUTs, so
    // a product written to the topic by anyone else after this instance started (a second
    // ingest, a replay) is not seen, and its EAN or PLU could be taken twice. One ingest-ocr
    // instance per deployment (CONTRACT "chain mode") keeps that window closed in practice.
    synchronized (catalog) {
      refuseTaken("EAN", "EAN_IN_USE", "ean", product.getEan(), catalog::skuByEan, sku);
      refuseTaken("PLU", "PLU_IN_USE", "plu", product.getPlu(), catalog::skuByPlu, sku);
      publisher.publish(topics.products, sku, product);
      catalog.apply(sku, product);
    }
    return ProductView.of(product);
  }

  private static void refuseTaken(
      String what,
      String error,
      String field,
      String code,
      java.util.function.Function<String, Optional<String>> owners,
      String sku) {
    if (code == null) {
      return;
    }
    owners
        .apply(code)
        .filter(owner -> !owner.equals(sku))
        .ifPresent(
            owner -> {
              throw ApiException.conflict(
                  error, what + " " + code + " already belongs to product " + owner, field);
            });
  }

  private Product validate(String sku, ProductRequest body) {
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
        .setEan(
            body.ean() == null || body.ean().isBlank()
                ? null
                : Fields.ean(body.ean().strip(), "ean"))
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
