package almacen.ingest.web;

import almacen.domain.Bounds;
import almacen.events.Sale;
import almacen.ingest.validation.Fields;
import almacen.ingest.web.SaleController.Rejected;
import almacen.ingest.web.SaleController.SaleLineRequest;
import almacen.ingest.web.SaleController.SaleRequest;
import almacen.support.csv.Csv;
import almacen.support.security.BranchAccess;
import almacen.support.web.ApiException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A till's CSV {@code saleId,branch,soldAt,sku,qty,unitPrice} (read by {@link Csv}) → sales. Lines
 * with the same saleId form one sale and must agree on branch and soldAt. A sale with any bad line
 * (a line for a branch the user may not write for is one) is rejected as a whole: the bad line gets
 * its error, its other lines say which line sank the sale.
 */
final class SaleCsvReader {

  static final int COLUMNS = 6;
  private static final String COLUMN_NAMES = "saleId,branch,soldAt,sku,qty,unitPrice";

  /** The valid sales, and the rejected lines in line order. */
  record Result(List<Sale> valid, List<Rejected> rejected) {}

  private final SaleRequestMapper mapper;

  SaleCsvReader(SaleRequestMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * @param user who sends the sales, recorded on each
   * @param rejections the language of the rejected lines
   * @throws ApiException 400 over {@link Bounds#MAX_BATCH} rows
   * @throws Csv.MalformedException a body that is not CSV
   */
  Result read(String body, String user, BatchRejections rejections) {
    Map<String, List<Csv.Row>> bySale = new LinkedHashMap<>();
    List<Rejected> rejected = new ArrayList<>();
    List<Csv.Row> rows = Csv.read(body, "saleId");
    Fields.count(rows.size(), Bounds.MAX_BATCH, "rows", "body");
    for (Csv.Row row : rows) {
      if (row.cells().size() != COLUMNS) {
        rejected.add(rejections.columns(row.line(), COLUMNS, COLUMN_NAMES, row.cells().size()));
        continue;
      }
      bySale.computeIfAbsent(row.cells().get(0), k -> new ArrayList<>()).add(row);
    }
    List<Sale> valid = new ArrayList<>();
    for (List<Csv.Row> saleRows : bySale.values()) {
      Map<Integer, ApiException> errors = new LinkedHashMap<>();
      Sale sale = toSale(saleRows, user, errors);
      if (errors.isEmpty()) {
        valid.add(sale);
        continue;
      }
      int first = errors.keySet().iterator().next();
      for (Csv.Row row : saleRows) {
        ApiException error = errors.get(row.line());
        rejected.add(
            error != null
                ? rejections.of(row.line(), error)
                : rejections.sunk(row.line(), row.cells().get(0), first));
      }
    }
    rejected.sort(Comparator.comparingInt(Rejected::line));
    return new Result(valid, rejected);
  }

  /** The sale of {@code rows}, or null with {@code errors} (line → cause) filled. */
  private Sale toSale(List<Csv.Row> rows, String user, Map<Integer, ApiException> errors) {
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
        BranchAccess.require(Fields.branch(c.get(1), "branch"));
        Fields.instant(c.get(2), "soldAt");
        SaleLineRequest line =
            new SaleLineRequest(c.get(3), number(c.get(4), "qty"), number(c.get(5), "unitPrice"));
        mapper.toLine(line, "");
        lines.add(line);
      } catch (ApiException e) {
        errors.put(row.line(), e);
      }
    }
    if (!errors.isEmpty()) {
      return null;
    }
    try {
      Fields.count(lines.size(), Bounds.MAX_SALE_LINES, "lines", "lines");
    } catch (ApiException e) {
      errors.put(head.line(), e);
      return null;
    }
    return mapper.toSale(
        new SaleRequest(head.cells().get(0), head.cells().get(1), head.cells().get(2), lines),
        "",
        user);
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
}
