package almacen.query.web;

import almacen.query.QueryConfig;
import almacen.query.orders.OrderLine;
import almacen.query.orders.SuggestedOrders;
import almacen.query.read.AnalyticsModel;
import almacen.query.read.ReadModel;
import almacen.query.read.StockFilter;
import almacen.query.read.Views.StockView;
import almacen.schemas.StoreNames;
import almacen.support.csv.Csv;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.type.TypeReference;

/**
 * The suggested order of a branch: every product at or below its minimum, by supplier, in whole
 * packs ({@link SuggestedOrders}); as JSON or CSV. Any role.
 */
@RestController
class OrdersController {

  static final String[] CSV_COLUMNS = {
    "supplierCuit",
    "supplierName",
    "sku",
    "name",
    "unit",
    "onHand",
    "minStock",
    "reorderQty",
    "packSize",
    "orderQty",
    "lastUnitCost",
    "lastInvoiceId"
  };

  private final ReadModel model;
  private final AnalyticsModel analytics;
  private final Routing routing;
  private final Clock clock;
  private final ZoneId zone;

  OrdersController(
      ReadModel model, AnalyticsModel analytics, Routing routing, Clock clock, QueryConfig config) {
    this.model = model;
    this.analytics = analytics;
    this.routing = routing;
    this.clock = clock;
    this.zone = config.zone();
  }

  record Suggested(String branch, List<OrderLine> items) {}

  @GetMapping("/api/orders/suggested")
  Suggested suggested(
      @RequestParam(required = false) String branch,
      @RequestParam(required = false) String supplier,
      HttpServletRequest request) {
    String b = Params.branch(branch);
    return new Suggested(b, lines(b, supplier, request));
  }

  @GetMapping("/api/orders/suggested.csv")
  ResponseEntity<String> csv(
      @RequestParam(required = false) String branch,
      @RequestParam(required = false) String supplier,
      @RequestParam(required = false) String locale,
      HttpServletRequest request) {
    String b = Params.branch(branch);
    Csv format = ExportController.format(locale);
    StringBuilder out = new StringBuilder(format.preamble()).append(format.header(CSV_COLUMNS));
    for (OrderLine l : lines(b, supplier, request)) {
      out.append(
          format.row(
              zone,
              l.supplierCuit(),
              l.supplierName(),
              l.sku(),
              l.name(),
              l.unit(),
              l.onHand(),
              l.minStock(),
              l.reorderQty(),
              l.packSize(),
              l.orderQty(),
              l.lastUnitCost(),
              l.lastInvoiceId()));
    }
    ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
    if (format.locale() != null) {
      answer.header(HttpHeaders.CONTENT_LANGUAGE, format.locale());
    }
    String filename = "pedido-" + b + "-" + LocalDate.now(clock.withZone(zone)) + ".csv";
    return answer
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(filename).build().toString())
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .body(out.toString());
  }

  private List<OrderLine> lines(String branch, String supplier, HttpServletRequest request) {
    String supplierDigits =
        supplier == null || supplier.isBlank() ? null : Params.cuit(supplier, "supplier");
    ReadModel reads = model.forRequest(StalenessAdvice.of(request));
    List<StockView> levels = new ArrayList<>(reads.localLevels(branch, StockFilter.ALL));
    levels.addAll(
        routing.gather(
            StoreNames.QUERY_STOCK_LEVELS,
            "/api/internal/stock?branch=" + branch,
            request,
            new TypeReference<List<StockView>>() {}));
    List<StockView> stock =
        reads.stockPage(branch, StockFilter.ALL, levels, 0, Integer.MAX_VALUE).items();
    AnalyticsModel purchases = analytics.forRequest(StalenessAdvice.of(request));
    return SuggestedOrders.suggest(
        stock,
        reads::product,
        purchases.lastPurchases(),
        purchases.supplierNames(),
        supplierDigits);
  }
}
