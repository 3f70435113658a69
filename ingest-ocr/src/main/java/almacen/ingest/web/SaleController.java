package almacen.ingest.web;

import almacen.domain.Bounds;
import almacen.events.Sale;
import almacen.ingest.IngestSettings;
import almacen.ingest.catalog.ProductCatalog;
import almacen.ingest.publish.EventPublisher;
import almacen.ingest.validation.Fields;
import almacen.schemas.Topics;
import almacen.support.security.RequiresRole;
import almacen.support.security.Role;
import almacen.support.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Till sales: one at a time or in batches (JSON array or CSV). A saleId seen recently answers 202
 * again without publishing; stream-inventory counts a sale once whatever ingest does. HTTP only:
 * {@link SaleRequestMapper} validates and maps, {@link SaleCsvReader} reads a CSV, {@link
 * SalePublication} publishes. Every sale records the caller as {@code user}.
 */
@RestController
public class SaleController {

  private final SaleRequestMapper mapper;
  private final SaleCsvReader csv;
  private final SalePublication publication;

  public SaleController(
      EventPublisher publisher,
      Topics topics,
      ProductCatalog catalog,
      Clock clock,
      IngestSettings settings) {
    this.mapper = new SaleRequestMapper(catalog, clock);
    this.csv = new SaleCsvReader(mapper);
    this.publication = new SalePublication(publisher, topics, settings.recentIds());
  }

  public record SaleRequest(
      String saleId, String branch, String soldAt, List<SaleLineRequest> lines) {}

  public record SaleLineRequest(String sku, BigDecimal qty, BigDecimal unitPrice) {}

  public record Accepted(String saleId, String status) {}

  /**
   * @param line 1-based: the sale's position in a JSON array, the line of a CSV
   * @param error why, in the client's language
   * @param code the error code of the cause ({@code FORBIDDEN_BRANCH}, {@code INVALID_QTY}, …)
   */
  public record Rejected(int line, String error, String code) {}

  public record BatchResult(int accepted, List<Rejected> rejected) {}

  @PostMapping(path = "/api/sales", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.ACCEPTED)
  @RequiresRole(Role.CASHIER)
  public Accepted sale(@RequestBody SaleRequest body) {
    Sale sale = mapper.toSale(body, "", Caller.username());
    publication.publish(sale);
    return new Accepted(sale.getSaleId(), "ACCEPTED");
  }

  /**
   * A JSON array of sales; {@code line} of a rejection is the 1-based position in the array. A sale
   * for a branch the user may not write for is rejected ({@code FORBIDDEN_BRANCH}), the others go.
   */
  @PostMapping(path = "/api/sales/batch", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.ACCEPTED)
  @RequiresRole(Role.CASHIER)
  public BatchResult batch(@RequestBody List<SaleRequest> body, HttpServletRequest request) {
    Fields.required(body, "body");
    Fields.count(body.size(), Bounds.MAX_BATCH, "sales", "body");
    String user = Caller.username();
    BatchRejections rejections = new BatchRejections(request);
    List<Sale> valid = new ArrayList<>();
    List<Rejected> rejected = new ArrayList<>();
    for (int i = 0; i < body.size(); i++) {
      try {
        valid.add(mapper.toSale(body.get(i), "[" + i + "].", user));
      } catch (ApiException e) {
        rejected.add(rejections.of(i + 1, e));
      }
    }
    publication.publishAll(valid);
    return new BatchResult(valid.size(), rejected);
  }

  /**
   * CSV {@code saleId,branch,soldAt,sku,qty,unitPrice} ({@link SaleCsvReader}); {@code accepted}
   * counts sales.
   */
  @PostMapping(path = "/api/sales/batch", consumes = "text/csv")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @RequiresRole(Role.CASHIER)
  public BatchResult batchCsv(
      @RequestBody(required = false) String body, HttpServletRequest request) {
    SaleCsvReader.Result read = csv.read(body, Caller.username(), new BatchRejections(request));
    publication.publishAll(read.valid());
    return new BatchResult(read.valid().size(), read.rejected());
  }
}
