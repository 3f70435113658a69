package almacen.ingest.web;

import almacen.events.Product;
import almacen.ingest.catalog.ProductCatalog;
import almacen.ingest.publish.EventPublisher;
import almacen.ingest.publish.OutgoingEvent;
import almacen.ingest.validation.Fields;
import almacen.ingest.web.ProductController.ProductRequest;
import almacen.schemas.Topics;
import almacen.support.security.RequiresRole;
import almacen.support.security.Role;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/products/import}: a whole catalogue at once, as CSV ({@link ProductCsvReader})
 * or JSON {@code {"items":[…]}}. Each row is checked as its own PUT would be ({@link
 * ProductImport}); the accepted rows are published in one transaction and only then indexed, all
 * under the catalogue's write lock. 200 means committed; a broker failure is a 503 and changes
 * nothing.
 */
@RestController
public class ProductImportController {

  private final EventPublisher publisher;
  private final Topics topics;
  private final ProductCatalog catalog;
  private final ProductImport imports;

  public ProductImportController(
      EventPublisher publisher, Topics topics, ProductCatalog catalog, Clock clock) {
    this.publisher = publisher;
    this.topics = topics;
    this.catalog = catalog;
    this.imports = new ProductImport(new ProductValidator(clock), catalog);
  }

  public record ImportRequest(List<ImportItem> items) {}

  /** A PUT body with its sku. */
  public record ImportItem(
      String sku,
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
      String supplierCuit) {

    ProductRequest request() {
      return new ProductRequest(
          name,
          category,
          ean,
          unit,
          minStock,
          maxStock,
          ivaRatePct,
          markupPct,
          active,
          plu,
          scaleValue,
          packSize,
          supplierCuit);
    }
  }

  /**
   * @param line 1-based: the CSV line, or the position in {@code items}
   * @param sku the row's sku as sent (at most 40 characters of it), null when it had none
   * @param error why, in the client's language
   * @param code the error code of the cause, as a PUT of the row would answer it
   * @param field the column or field at fault, or null
   */
  public record ImportRejected(int line, String sku, String error, String code, String field) {}

  public record ImportResult(int accepted, List<ImportRejected> rejected) {}

  /**
   * A header naming the columns (any order; {@code sku} required), then one product per line; see
   * {@link ProductCsvReader}.
   */
  @PostMapping(path = "/api/products/import", consumes = "text/csv")
  @RequiresRole(Role.ADMIN)
  public ImportResult importCsv(
      @RequestBody(required = false) byte[] body, HttpServletRequest request) {
    BatchRejections rejections = new BatchRejections(request);
    String text = ProductCsvReader.decode(body, request.getContentType());
    ProductCsvReader.Result read = ProductCsvReader.read(text, rejections);
    return save(read.rows(), read.rejected(), rejections);
  }

  @PostMapping(path = "/api/products/import", consumes = MediaType.APPLICATION_JSON_VALUE)
  @RequiresRole(Role.ADMIN)
  public ImportResult importJson(@RequestBody ImportRequest body, HttpServletRequest request) {
    Fields.required(body, "body");
    List<ImportItem> items = Fields.required(body.items(), "items");
    ProductImport.checkCount(items.size(), "items");
    List<ProductImport.Row> rows = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      ImportItem item = items.get(i);
      rows.add(
          item == null
              ? new ProductImport.Row(i + 1, null, null)
              : new ProductImport.Row(i + 1, item.sku(), item.request()));
    }
    return save(rows, List.of(), new BatchRejections(request));
  }

  private ImportResult save(
      List<ProductImport.Row> rows, List<ImportRejected> unread, BatchRejections rejections) {
    ProductImport.Validated validated = imports.validate(rows, rejections);
    ProductImport.Outcome outcome =
        catalog.write(
            () -> {
              ProductImport.Outcome claimed = imports.claim(validated, rejections);
              publish(claimed.accepted());
              catalog.applyAll(claimed.accepted());
              return claimed;
            });
    List<ImportRejected> rejected = new ArrayList<>(unread);
    rejected.addAll(validated.rejected());
    rejected.addAll(outcome.rejected());
    rejected.sort(Comparator.comparingInt(ImportRejected::line));
    return new ImportResult(outcome.accepted().size(), rejected);
  }

  /** One transaction for the whole import (a single record is committed alone, acks=all). */
  private void publish(List<Product> products) {
    if (products.isEmpty()) {
      return;
    }
    List<OutgoingEvent<?>> events = new ArrayList<>(products.size());
    for (Product product : products) {
      events.add(OutgoingEvent.of(topics.products, product.getSku(), product));
    }
    publisher.publish(events);
  }
}
