package almacen.ingest.web;

import almacen.domain.Bounds;
import almacen.domain.Decimals;
import almacen.events.Sale;
import almacen.events.SaleLine;
import almacen.ingest.catalog.ProductCatalog;
import almacen.ingest.validation.Fields;
import almacen.ingest.web.SaleController.SaleLineRequest;
import almacen.ingest.web.SaleController.SaleRequest;
import almacen.support.security.BranchAccess;
import almacen.support.web.ApiException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A sale as the till sends it → the {@link Sale} event, validated field by field. A bad field
 * throws {@link ApiException} (400) naming it, with {@code prefix} in front ({@code
 * [2].lines[0].qty} for the third sale of a batch).
 */
final class SaleRequestMapper {

  private final ProductCatalog catalog;
  private final Clock clock;

  SaleRequestMapper(ProductCatalog catalog, Clock clock) {
    this.catalog = catalog;
    this.clock = clock;
  }

  /**
   * @param prefix "" for a single sale, {@code "[i]."} for the i-th of a batch
   * @param user the authenticated caller, recorded as the sale's {@code user} (the body has no say)
   */
  Sale toSale(SaleRequest body, String prefix, String user) {
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
      lines.add(toLine(Fields.required(body.lines().get(i), prefix + "lines[" + i + "]"), at));
    }
    return Sale.newBuilder()
        .setSaleId(saleId)
        .setBranch(branch)
        .setSoldAt(soldAt.truncatedTo(ChronoUnit.MILLIS))
        .setLines(lines)
        .setReceivedAt(clock.instant().truncatedTo(ChronoUnit.MILLIS))
        .setUser(user)
        .build();
  }

  /** One line: a known sku, a positive quantity in the product's unit, a valid price. */
  SaleLine toLine(SaleLineRequest line, String at) {
    String sku = Fields.sku(line.sku(), at + "sku");
    BigDecimal qty = Fields.positiveQty(line.qty(), at + "qty");
    Quantities.checkUnit(catalog, sku, qty, at + "qty");
    BigDecimal price = Fields.money(line.unitPrice(), at + "unitPrice");
    return new SaleLine(sku, Decimals.qty(qty), Decimals.money(price));
  }
}
