package almacen.query.web;

import almacen.query.read.ProductReads;
import almacen.query.read.ReadModel;
import almacen.query.read.StockFilter;
import almacen.query.read.Views.Items;
import almacen.query.read.Views.MovementView;
import almacen.query.read.Views.Page;
import almacen.query.read.Views.StockView;
import almacen.schemas.StoreNames;
import almacen.support.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.type.TypeReference;

/**
 * Stock per branch and sku: list with search, one key, its ledger. Any valid token (viewer or
 * above).
 */
@RestController
class StockQueryController {

  private final ReadModel model;
  private final ProductReads products;
  private final Routing routing;

  StockQueryController(ReadModel model, ProductReads products, Routing routing) {
    this.model = model;
    this.products = products;
    this.routing = routing;
  }

  @GetMapping("/api/stock")
  Page<StockView> list(
      @RequestParam(required = false) String branch,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String category,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      HttpServletRequest request) {
    String b = Params.branch(branch);
    StockFilter filter = new StockFilter(q, category, Params.stockStatus(status));
    int p = Params.page(page);
    int s = Params.size(size);
    if (filter.hasQuery()) {
      // the product index finds the skus; only their levels are read, here and on the others
      List<StockView> remote =
          routing.gather(
              StoreNames.QUERY_STOCK_LEVELS,
              "/api/internal/stock?branch="
                  + b
                  + "&q="
                  + URLEncoder.encode(q, StandardCharsets.UTF_8),
              request,
              new TypeReference<List<StockView>>() {});
      ReadModel requestModel = model(request);
      return products.forRequest(requestModel).stockMatching(b, filter, remote, p, s);
    }
    List<StockView> levels = new ArrayList<>(model(request).localLevels(b, StockFilter.ALL));
    levels.addAll(
        routing.gather(
            StoreNames.QUERY_STOCK_LEVELS,
            "/api/internal/stock?branch=" + b,
            request,
            new TypeReference<List<StockView>>() {}));
    return model(request).stockPage(b, filter, levels, p, s);
  }

  @GetMapping("/api/stock/{sku}")
  ResponseEntity<?> one(
      @PathVariable String sku,
      @RequestParam(required = false) String branch,
      HttpServletRequest request) {
    String s = Params.sku(sku);
    String b = Params.branch(branch);
    Optional<ResponseEntity<byte[]>> remote =
        routing.forward(StoreNames.QUERY_STOCK_LEVELS, StoreNames.branchSkuKey(b, s), request);
    if (remote.isPresent()) {
      return remote.get();
    }
    return ResponseEntity.ok(
        model(request)
            .stock(b, s)
            .orElseThrow(
                () ->
                    ApiException.notFound("No product or stock for sku " + s + " in branch " + b)));
  }

  @GetMapping("/api/stock/{sku}/movements")
  ResponseEntity<?> movements(
      @PathVariable String sku,
      @RequestParam(required = false) String branch,
      @RequestParam(required = false) Integer limit,
      HttpServletRequest request) {
    String s = Params.sku(sku);
    String b = Params.branch(branch);
    int l = Params.limit(limit);
    Optional<ResponseEntity<byte[]>> remote =
        routing.forward(StoreNames.QUERY_MOVEMENTS, StoreNames.branchSkuKey(b, s), request);
    if (remote.isPresent()) {
      return remote.get();
    }
    return ResponseEntity.ok(new Items<MovementView>(model(request).movements(b, s, l)));
  }

  /**
   * The read model for this request: its reads report staleness to the request's {@link
   * StalenessAdvice}.
   */
  private ReadModel model(HttpServletRequest request) {
    return model.forRequest(StalenessAdvice.of(request));
  }
}
