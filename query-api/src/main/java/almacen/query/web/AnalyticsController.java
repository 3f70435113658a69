package almacen.query.web;

import almacen.query.QueryConfig;
import almacen.query.read.AnalyticsModel;
import almacen.query.read.AnalyticsViews.MarginReport;
import almacen.query.read.AnalyticsViews.PurchasesReport;
import almacen.query.read.AnalyticsViews.SalesReport;
import almacen.query.read.AnalyticsViews.Share;
import almacen.query.read.AnalyticsViews.SupplierDetail;
import almacen.query.read.AnalyticsViews.SupplierSummary;
import almacen.query.read.AnalyticsViews.TopProducts;
import almacen.query.read.DateRange;
import almacen.query.read.Views.Items;
import almacen.schemas.StoreNames;
import almacen.support.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Suppliers (from confirmed invoices) and sales analytics over a date range of business days. Any
 * valid token (viewer or above). Sales and costs are partitioned: each answer merges this
 * instance's share with every other instance's ({@code /api/internal/analytics/**}); suppliers and
 * purchases come from the global invoices store, complete on every instance.
 */
@RestController
class AnalyticsController {

  private final AnalyticsModel model;
  private final Routing routing;
  private final Clock clock;
  private final QueryConfig config;

  AnalyticsController(AnalyticsModel model, Routing routing, Clock clock, QueryConfig config) {
    this.model = model;
    this.routing = routing;
    this.clock = clock;
    this.config = config;
  }

  @GetMapping("/api/suppliers")
  Items<SupplierSummary> suppliers(HttpServletRequest request) {
    return new Items<>(model(request).suppliers());
  }

  @GetMapping("/api/suppliers/{cuit}")
  SupplierDetail supplier(@PathVariable String cuit, HttpServletRequest request) {
    String digits = Params.cuit(cuit);
    return model(request)
        .supplier(digits)
        .orElseThrow(() -> ApiException.notFound("No confirmed invoice from CUIT " + cuit));
  }

  @GetMapping("/api/analytics/sales")
  SalesReport sales(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String branch,
      HttpServletRequest request) {
    DateRange range = range(from, to);
    String b = Params.optionalBranch(branch);
    return model(request).salesReport(range, b, sales(range, b, request));
  }

  @GetMapping("/api/analytics/top-products")
  TopProducts topProducts(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String branch,
      @RequestParam(required = false) Integer limit,
      HttpServletRequest request) {
    DateRange range = range(from, to);
    String b = Params.optionalBranch(branch);
    int l = Params.top(limit);
    return new TopProducts(
        range.from(), range.to(), b, model(request).topProducts(sales(range, b, request), l));
  }

  @GetMapping("/api/analytics/margin")
  MarginReport margin(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String branch,
      HttpServletRequest request) {
    DateRange range = range(from, to);
    String b = Params.optionalBranch(branch);
    return model(request).margin(range, b, sales(range, b, request), costs(range, b, request));
  }

  @GetMapping("/api/analytics/purchases")
  PurchasesReport purchases(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String branch,
      HttpServletRequest request) {
    return model(request).purchases(range(from, to), Params.optionalBranch(branch));
  }

  private DateRange range(String from, String to) {
    return Params.dateRange(from, to, LocalDate.now(clock.withZone(config.zone())));
  }

  private Share sales(DateRange range, String branch, HttpServletRequest request) {
    List<Share> shares = new ArrayList<>();
    shares.add(model(request).localSales(range, branch));
    shares.addAll(
        routing.gatherOne(
            StoreNames.QUERY_ANALYTICS_SALES,
            internal("sales", range, branch),
            request,
            Share.class));
    return AnalyticsModel.merge(shares);
  }

  private Share costs(DateRange range, String branch, HttpServletRequest request) {
    List<Share> shares = new ArrayList<>();
    shares.add(model(request).localCosts(range, branch));
    shares.addAll(
        routing.gatherOne(
            StoreNames.QUERY_ANALYTICS_COSTS,
            internal("costs", range, branch),
            request,
            Share.class));
    return AnalyticsModel.merge(shares);
  }

  static String internal(String what, DateRange range, String branch) {
    return UriComponentsBuilder.fromPath("/api/internal/analytics/" + what)
        .queryParam("from", range.from())
        .queryParam("to", range.to())
        .queryParamIfPresent("branch", Optional.ofNullable(branch))
        .build()
        .toUriString();
  }

  /**
   * The read model for this request: its reads report staleness to the request's {@link
   * StalenessAdvice}.
   */
  private AnalyticsModel model(HttpServletRequest request) {
    return model.forRequest(StalenessAdvice.of(request));
  }
}
