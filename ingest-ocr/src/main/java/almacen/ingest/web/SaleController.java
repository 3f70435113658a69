package almacen.ingest.web;

import almacen.domain.Bounds;
import almacen.domain.Decimals;
import almacen.events.Sale;
import almacen.events.SaleLine;
import almacen.ingest.IngestSettings;
import almacen.ingest.catalog.ProductCatalog;
import almacen.ingest.publish.EventPublisher;
import almacen.ingest.publish.OutgoingEvent;
import almacen.ingest.validation.Fields;
import almacen.schemas.Topics;
import almacen.support.csv.Csv;
import almacen.support.security.BranchAccess;
import almacen.support.security.RequiresRole;
import almacen.support.security.Role;
import almacen.support.web.ApiException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Till sales: one at a time or in batches (JSON array or CSV). A saleId seen recently answers 202
 * again without publishing; stream-inventory counts a sale once whatever ingest does.
 */
@RestController
public class SaleController {

  static final int CSV_COLUMNS = 6;

  private final EventPublisher publisher;
  private final Topics topics;
  private final ProductCatalog catalog;
  private final Clock clock;
  private final RecentIds recent;

  public SaleController(
      EventPublisher publisher,
      Topics topics,
      ProductCatalog catalog,
      Clock clock,
      IngestSettings settings) {
    this.publisher = publisher;
    this.topics = topics;
    this.catalog = catalog;
    this.clock = clock;
    this.recent = new RecentIds(settings.recentIds());
  }

  public record SaleRequest(
      String saleId, String branch, String soldAt, List<SaleLineRequest> lines) {}

  public record SaleLineRequest(String sku, BigDecimal qty, BigDecimal unitPrice) {}

  public record Accepted(String saleId, String status) {}

  public record Rejected(int line, String error) {}

  public record BatchResult(int accepted, List<Rejected> rejected) {}

  @PostMapping(path = "/api/sales", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.ACCEPTED)
  @RequiresRole(Role.CASHIER)
  public Accepted sale(@RequestBody SaleRequest body) {
    Sale sale = validate(body, "");
    if (!recent.contains(sale.getSaleId())) {
      publisher.publish(List.of(event(sale)));
      recent.add(sale.getSaleId());
    }
    return new Accepted(sale.getSaleId(), "ACCEPTED");
  }

  /** A JSON array of sales; {@code line} of a rejection is the 1-based position in the array. */
  @PostMapping(path = "/api/sales/batch", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.ACCEPTED)
  @RequiresRole(Role.CASHIER)
  public BatchResult batch(@RequestBody List<SaleRequest> body) {
    Fields.required(body, "body");
    Fields.count(body.size(), Bounds.MAX_BATCH, "sales", "body");
    List<Sale> valid = new ArrayList<>();
    List<Rejected> rejected = new ArrayList<>();
    for (int i = 0; i < body.size(); i++) {
      try {
        valid.add(validate(body.get(i), "[" + i + "]."));
      } catch (ApiException e) {
        rejected.add(new Rejected(i + 1, e.getMessage()));
      }
    }
    publishAll(valid);
    return new BatchResult(valid.size(), rejected);
  }

  /**
   * CSV {@code saleId,branch,soldAt,sku,qty,unitPrice}; lines with the same saleId form one sale
   * (they must agree on branch and soldAt). A sale with any bad line is rejected as a whole: the
   * bad line gets its error, its other lines say which line sank the sale. {@code accepted} counts
   * sales.
   */
  @PostMapping(path = "/api/sales/batch", consumes = "text/csv")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @RequiresRole(Role.CASHIER)
  public BatchResult batchCsv(@RequestBody(required = false) String body) {
    Map<String, List<Csv.Row>> bySale = new LinkedHashMap<>();
    List<Rejected> rejected = new ArrayList<>();
    List<Csv.Row> rows = Csv.read(body, "saleId");
    Fields.count(rows.size(), Bounds.MAX_BATCH, "rows", "body");
    for (Csv.Row row : rows) {
      if (row.cells().size() != CSV_COLUMNS) {
        rejected.add(
            new Rejected(
                row.line(),
                "expected "
                    + CSV_COLUMNS
                    + " columns saleId,branch,soldAt,sku,qty,unitPrice, found "
                    + row.cells().size()));
        continue;
      }
      bySale.computeIfAbsent(row.cells().get(0), k -> new ArrayList<>()).add(row);
    }
    List<Sale> valid = new ArrayList<>();
    for (List<Csv.Row> saleRows : bySale.values()) {
      Map<Integer, String> errors = new LinkedHashMap<>();
      Sale sale = fromCsv(saleRows, errors);
      if (errors.isEmpty()) {
        valid.add(sale);
        continue;
      }
      int first = errors.keySet().iterator().next();
      for (Csv.Row row : saleRows) {
        String error = errors.get(row.line());
        rejected.add(
            new Rejected(
                row.line(),
                error != null
                    ? error
                    : "sale " + row.cells().get(0) + " rejected because of line " + first));
      }
    }
    rejected.sort((a, b) -> Integer.compare(a.line(), b.line()));
    publishAll(valid);
    return new BatchResult(valid.size(), rejected);
  }

  private Sale fromCsv(List<Csv.Row> rows, Map<Integer, String> errors) {
    Csv.Row head = rows.get(0);
    List<SaleLineRequest> lines = new ArrayList<>();
    for (Csv.Row row : rows) {
      List<String> c = row.cells();
      try {
        if (!c.get(1).equals(head.cells().get(1)) || !c.get(2).equals(head.cells().get(2))) {
          throw ApiException.badRequest(
              "INVALID_FIELD",
              "all lines of sale "
                  + c.get(0)
                  + " must have the same branch and soldAt as line "
                  + head.line(),
              "branch");
        }
        Fields.id(c.get(0), "saleId");
        Fields.branch(c.get(1), "branch");
        Fields.instant(c.get(2), "soldAt");
        SaleLineRequest line =
            new SaleLineRequest(c.get(3), number(c.get(4), "qty"), number(c.get(5), "unitPrice"));
        line(line, "");
        lines.add(line);
      } catch (ApiException e) {
        errors.put(row.line(), e.getMessage());
      }
    }
    if (!errors.isEmpty()) {
      return null;
    }
    try {
      Fields.count(lines.size(), Bounds.MAX_SALE_LINES, "lines", "lines");
    } catch (ApiException e) {
      errors.put(head.line(), e.getMessage());
      return null;
    }
    return validate(
        new SaleRequest(head.cells().get(0), head.cells().get(1), head.cells().get(2), lines), "");
  }

  private static BigDecimal number(String text, String field) {
    Fields.required(text, field);
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(
          "INVALID_FIELD", field + " '" + Fields.shown(text) + "' is not a number", field);
    }
  }

  private void publishAll(List<Sale> sales) {
    Set<String> ids = new LinkedHashSet<>();
    List<OutgoingEvent<?>> events = new ArrayList<>();
    for (Sale sale : sales) {
      if (!recent.contains(sale.getSaleId()) && ids.add(sale.getSaleId())) {
        events.add(event(sale));
      }
    }
    publisher.publish(events);
    ids.forEach(recent::add);
  }

  private OutgoingEvent<Sale> event(Sale sale) {
    return OutgoingEvent.at(topics.sales, sale.getSaleId(), sale, sale.getSoldAt());
  }

  private SaleLine line(SaleLineRequest line, String at) {
    String sku = Fields.sku(line.sku(), at + "sku");
    BigDecimal qty = Fields.positiveQty(line.qty(), at + "qty");
    Quantities.checkUnit(catalog, sku, qty, at + "qty");
    BigDecimal price = Fields.money(line.unitPrice(), at + "unitPrice");
    return new SaleLine(sku, Decimals.qty(qty), Decimals.money(price));
  }

  private Sale validate(SaleRequest body, String prefix) {
    Fields.required(body, prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1));
    String saleId = Fields.id(body.saleId(), prefix + "saleId");
    String branch = Fields.branch(body.branch(), prefix + "branch");
    BranchAccess.require(branch);
    Instant soldAt = Fields.instant(body.soldAt(), prefix + "soldAt");
    if (body.lines() == null || body.lines().isEmpty()) {
      throw ApiException.badRequest(
          "MISSING_FIELD", prefix + "lines must have at least one line", prefix + "lines");
    }
    Fields.count(body.lines().size(), Bounds.MAX_SALE_LINES, "lines", prefix + "lines");
    List<SaleLine> lines = new ArrayList<>();
    for (int i = 0; i < body.lines().size(); i++) {
      String at = prefix + "lines[" + i + "].";
      lines.add(line(Fields.required(body.lines().get(i), prefix + "lines[" + i + "]"), at));
    }
    return Sale.newBuilder()
        .setSaleId(saleId)
        .setBranch(branch)
        .setSoldAt(soldAt.truncatedTo(ChronoUnit.MILLIS))
        .setLines(lines)
        .setReceivedAt(clock.instant().truncatedTo(ChronoUnit.MILLIS))
        .build();
  }
}
