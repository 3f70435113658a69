package almacen.ingest.web;

import almacen.domain.Bounds;
import almacen.domain.Decimals;
import almacen.events.Product;
import almacen.events.Unit;
import almacen.ingest.catalog.ProductCatalog;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code PUT /api/products/{sku}}: creates or replaces a catalogue entry (EANs unique across
 * products).
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
      Boolean active) {}

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
      Instant updatedAt) {

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
          p.getUpdatedAt());
    }
  }

  @PutMapping("/api/products/{sku}")
  @RequiresRole(Role.ADMIN)
  public ProductView put(@PathVariable String sku, @RequestBody ProductRequest body) {
    Product product = validate(sku, body);
    synchronized (catalog) {
      if (product.getEan() != null) {
        catalog
            .skuByEan(product.getEan())
            .filter(owner -> !owner.equals(sku))
            .ifPresent(
                owner -> {
                  throw ApiException.conflict(
                      "EAN_IN_USE",
                      "EAN " + product.getEan() + " already belongs to product " + owner,
                      "ean");
                });
      }
      publisher.publish(topics.products, sku, product);
      catalog.apply(sku, product);
    }
    return ProductView.of(product);
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
        .setUpdatedAt(clock.instant().truncatedTo(ChronoUnit.MILLIS))
        .build();
  }
}
