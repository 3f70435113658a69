package almacen.query.web;

import almacen.query.read.ProductReads;
import almacen.query.read.ProductView;
import almacen.query.read.ReadModel;
import almacen.query.read.ScanLine;
import almacen.query.read.Views.Page;
import almacen.support.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The catalogue and the till's look-up by code (CONTRACT "Shop screens: API"). Any valid token.
 * Everything here reads global data, so the answer is local on every instance.
 */
@RestController
class ProductQueryController {

  private static final int MAX_QUERY = 100;

  private final ProductReads products;
  private final ReadModel model;

  ProductQueryController(ProductReads products, ReadModel model) {
    this.products = products;
    this.model = model;
  }

  @GetMapping("/api/products")
  Page<ProductView> search(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String category,
      @RequestParam(required = false) Boolean active,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      HttpServletRequest request) {
    if (q != null && q.length() > MAX_QUERY) {
      throw ApiException.badRequest(
          "INVALID_QUERY", "q may have at most " + MAX_QUERY + " characters", "q");
    }
    return reads(request).search(q, category, active, Params.page(page), Params.size(size));
  }

  @GetMapping("/api/products/{sku}")
  ProductView product(@PathVariable String sku, HttpServletRequest request) {
    String s = Params.sku(sku);
    return reads(request).product(s).orElseThrow(() -> ApiException.notFound("No product " + s));
  }

  @GetMapping("/api/products/by-code/{code}")
  ScanLine byCode(
      @PathVariable String code,
      @RequestParam(required = false) String branch,
      HttpServletRequest request) {
    Params.branch(branch);
    return reads(request).byCode(code);
  }

  private ProductReads reads(HttpServletRequest request) {
    return products.forRequest(model.forRequest(StalenessAdvice.of(request)));
  }
}
