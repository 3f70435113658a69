package almacen.query.web;

import almacen.query.read.InvoiceView;
import almacen.query.read.ReadModel;
import almacen.query.read.Views.AlertView;
import almacen.query.read.Views.InflationView;
import almacen.query.read.Views.Items;
import almacen.query.read.Views.PriceView;
import almacen.query.read.Views.Summary;
import almacen.query.read.Views.SummaryPart;
import almacen.schemas.StoreNames;
import almacen.support.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.core.type.TypeReference;

/**
 * Prices, alerts, invoices, inflation and the dashboard summary. Any valid token (viewer or above).
 */
@RestController
class CatalogueController {

  private final ReadModel model;
  private final Routing routing;

  CatalogueController(ReadModel model, Routing routing) {
    this.model = model;
    this.routing = routing;
  }

  @GetMapping("/api/prices/{sku}")
  PriceView price(@PathVariable String sku, HttpServletRequest request) {
    String s = Params.sku(sku);
    return model(request)
        .price(s)
        .orElseThrow(() -> ApiException.notFound("No price yet for sku " + s));
  }

  @GetMapping("/api/prices/{sku}/history")
  ResponseEntity<?> priceHistory(@PathVariable String sku, HttpServletRequest request) {
    String s = Params.sku(sku);
    Optional<ResponseEntity<byte[]>> remote =
        routing.forward(StoreNames.QUERY_PRICE_HISTORY, s, request);
    if (remote.isPresent()) {
      return remote.get();
    }
    return ResponseEntity.ok(new Items<PriceView>(model(request).priceHistory(s)));
  }

  @GetMapping("/api/alerts")
  Items<AlertView> alerts(
      @RequestParam(required = false) String branch, HttpServletRequest request) {
    String b = Params.optionalBranch(branch);
    List<AlertView> all = new ArrayList<>(model(request).localAlerts(b));
    all.addAll(
        routing.gather(
            StoreNames.QUERY_ALERTS,
            UriComponentsBuilder.fromPath("/api/internal/alerts")
                .queryParamIfPresent("branch", Optional.ofNullable(b))
                .build()
                .toUriString(),
            request,
            new TypeReference<List<AlertView>>() {}));
    return new Items<>(ReadModel.sortAlerts(all));
  }

  @GetMapping("/api/invoices")
  Items<InvoiceView> invoices(
      @RequestParam(required = false) String status, HttpServletRequest request) {
    return new Items<>(model(request).invoices(Params.invoiceStatus(status)));
  }

  @GetMapping("/api/invoices/{invoiceId}")
  InvoiceView invoice(@PathVariable String invoiceId, HttpServletRequest request) {
    return model(request)
        .invoice(invoiceId)
        .orElseThrow(() -> ApiException.notFound("No invoice " + invoiceId));
  }

  @GetMapping("/api/inflation")
  Items<InflationView> inflation(HttpServletRequest request) {
    return new Items<>(model(request).inflation());
  }

  @GetMapping("/api/summary")
  Summary summary(@RequestParam(required = false) String branch, HttpServletRequest request) {
    String b = Params.branch(branch);
    InternalController.SummaryShare local =
        new InternalController.SummaryShare(
            model(request).localSummary(b), model(request).localMovedSkus(b));
    SummaryPart merged = local.part();
    Set<String> moved = new HashSet<>(local.movedSkus());
    for (InternalController.SummaryShare share :
        routing.gatherOne(
            StoreNames.QUERY_STOCK_LEVELS,
            "/api/internal/summary?branch=" + b,
            request,
            InternalController.SummaryShare.class)) {
      merged = merged.plus(share.part());
      moved.addAll(share.movedSkus());
    }
    return model(request).summary(b, merged, moved);
  }

  /**
   * The read model for this request: its reads report staleness to the request's {@link
   * StalenessAdvice}.
   */
  private ReadModel model(HttpServletRequest request) {
    return model.forRequest(StalenessAdvice.of(request));
  }
}
