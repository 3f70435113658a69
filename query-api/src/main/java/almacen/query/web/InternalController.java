package almacen.query.web;

import almacen.query.read.AnalyticsModel;
import almacen.query.read.AnalyticsViews.Share;
import almacen.query.read.DateRange;
import almacen.query.read.ProductReads;
import almacen.query.read.ReadModel;
import almacen.query.read.StockFilter;
import almacen.query.read.Views.AlertView;
import almacen.query.read.Views.StockView;
import almacen.query.read.Views.SummaryPart;
import almacen.support.csv.Csv;
import jakarta.servlet.http.HttpServletRequest;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * This instance's share of the partitioned read models, called by the other instances to answer
 * lists (with the caller's token). Not part of the public contract.
 */
@RestController
class InternalController {

  record SummaryShare(SummaryPart part, Set<String> movedSkus) {}

  private final ReadModel model;
  private final ProductReads products;
  private final AnalyticsModel analytics;

  InternalController(ReadModel model, ProductReads products, AnalyticsModel analytics) {
    this.model = model;
    this.products = products;
    this.analytics = analytics;
  }

  /** This instance's levels; with {@code q}, only those of the products the index matches. */
  @GetMapping("/api/internal/stock")
  List<StockView> stock(
      @RequestParam(required = false) String branch,
      @RequestParam(required = false) String q,
      HttpServletRequest request) {
    String b = Params.optionalBranch(branch);
    if (b != null && q != null && !q.isBlank()) {
      return products.forRequest(model(request)).localStockMatching(b, q);
    }
    return model(request).localLevels(b, StockFilter.ALL);
  }

  @GetMapping("/api/internal/alerts")
  List<AlertView> alerts(
      @RequestParam(required = false) String branch, HttpServletRequest request) {
    return model(request).localAlerts(Params.optionalBranch(branch));
  }

  @GetMapping("/api/internal/summary")
  SummaryShare summary(@RequestParam(required = false) String branch, HttpServletRequest request) {
    String b = Params.optionalBranch(branch);
    return new SummaryShare(model(request).localSummary(b), model(request).localMovedSkus(b));
  }

  @GetMapping("/api/internal/analytics/sales")
  Share analyticsSales(
      @RequestParam String from,
      @RequestParam String to,
      @RequestParam(required = false) String branch,
      HttpServletRequest request) {
    DateRange range = Params.dateRange(from, to, null);
    return analytics(request).localSales(range, Params.optionalBranch(branch));
  }

  @GetMapping("/api/internal/analytics/costs")
  Share analyticsCosts(
      @RequestParam String from,
      @RequestParam String to,
      @RequestParam(required = false) String branch,
      HttpServletRequest request) {
    DateRange range = Params.dateRange(from, to, null);
    return analytics(request).localCosts(range, Params.optionalBranch(branch));
  }

  @GetMapping("/api/internal/export/stock.csv")
  ResponseEntity<StreamingResponseBody> stockRows(
      @RequestParam(required = false) String branch,
      @RequestParam(required = false) String locale,
      HttpServletRequest request) {
    String b = Params.optionalBranch(branch);
    Csv format = ExportController.format(locale);
    ReadModel reads = model(request); // bound now, read while the body streams
    return csv(out -> reads.writeStockRows(out, b, format));
  }

  @GetMapping("/api/internal/export/movements.csv")
  ResponseEntity<StreamingResponseBody> movementRows(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String locale,
      HttpServletRequest request) {
    Instant f = ExportController.bound(from, "from", false);
    Instant t = ExportController.bound(to, "to", true);
    Csv format = ExportController.format(locale);
    ReadModel reads = model(request); // bound now, read while the body streams
    return csv(out -> reads.writeMovementRows(out, f, t, format));
  }

  private static ResponseEntity<StreamingResponseBody> csv(
      java.util.function.Consumer<Writer> rows) {
    StreamingResponseBody body =
        stream -> {
          Writer out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
          rows.accept(out);
          out.flush();
        };
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .body(body);
  }

  /**
   * The read model for this request: its reads report staleness to the request's {@link
   * StalenessAdvice}.
   */
  private ReadModel model(HttpServletRequest request) {
    return model.forRequest(StalenessAdvice.of(request));
  }

  /**
   * The read model for this request: its reads report staleness to the request's {@link
   * StalenessAdvice}.
   */
  private AnalyticsModel analytics(HttpServletRequest request) {
    return analytics.forRequest(StalenessAdvice.of(request));
  }
}
