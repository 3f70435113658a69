package almacen.ingest.web;

import almacen.events.Product;
import almacen.ingest.catalog.ProductCatalog;
import almacen.ingest.invoice.Cuit;
import almacen.ingest.publish.EventPublisher;
import almacen.schemas.Topics;
import almacen.support.security.RequiresRole;
import almacen.support.security.Role;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
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

  private final EventPublisher publisher;
  private final Topics topics;
  private final ProductCatalog catalog;
  private final ProductValidator validator;

  public ProductController(
      EventPublisher publisher, Topics topics, ProductCatalog catalog, Clock clock) {
    this.publisher = publisher;
    this.topics = topics;
    this.catalog = catalog;
    this.validator = new ProductValidator(clock);
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
    Product product = validator.validate(sku, body);
    // Check, publish and index under the catalogue's write lock, so two writes here never take the
    // same code. The race window left: the catalogue is the topic read at start plus this
    // process's own writes, so a product written to the topic by anyone else after this instance
    // started (a second ingest, a replay) is not seen, and its EAN or PLU could be taken twice. One
    // ingest-ocr instance per deployment (CONTRACT "chain mode") keeps that window closed in
    // practice.
    catalog.write(
        () -> {
          new CatalogClaims(catalog).claim(product, owner -> "");
          publisher.publish(topics.products, sku, product);
          catalog.apply(sku, product);
          return product;
        });
    return ProductView.of(product);
  }
}
