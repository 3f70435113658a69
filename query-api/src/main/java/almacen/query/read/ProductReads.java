package almacen.query.read;

import almacen.domain.Barcodes;
import almacen.domain.Barcodes.Gtin;
import almacen.domain.Barcodes.ScaleLabel;
import almacen.domain.Barcodes.Scan;
import almacen.domain.Barcodes.Sku;
import almacen.events.Product;
import almacen.events.ScaleValue;
import almacen.query.catalog.ProductIndex;
import almacen.query.read.Views.Page;
import almacen.query.read.Views.PriceView;
import almacen.query.read.Views.StockView;
import almacen.schemas.StoreNames;
import almacen.support.web.ApiException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.state.KeyValueIterator;

/**
 * The catalogue reads: search and the till's look-up by code answer from the in-memory {@link
 * ProductIndex} (no catalogue scan per request), the product itself from the global products store,
 * the list price from the global prices store. Both stores are global, so any instance answers
 * without routing.
 */
public final class ProductReads {

  private final ProductIndex index;
  private final ReadModel model;
  private final StoreReader reader;
  private final ZoneId zone;

  public ProductReads(ProductIndex index, ReadModel model, StoreReader reader, ZoneId zone) {
    this.index = index;
    this.model = model;
    this.reader = reader;
    this.zone = zone;
  }

  /** These reads for one request (staleness reported to {@code model}'s request). */
  public ProductReads forRequest(ReadModel requestModel) {
    return new ProductReads(index, requestModel, reader, zone);
  }

  public Page<ProductView> search(String q, String category, Boolean active, int page, int size) {
    ready();
    ProductIndex.Result found = index.search(q, category, active, page, size);
    return new Page<>(found.items().stream().map(this::view).toList(), found.total());
  }

  /**
   * {@code GET /api/stock?q=}: the branch's stock of the products whose words start with the
   * query's words (from the index, like the product search), with the filter's category and status,
   * sorted by sku. {@code remote} holds the other instances' matching levels. Without a status
   * filter only the page's rows are built: an active product is a row whether it moved or not, so
   * the total needs no store read; an inactive one is a row only if it has a level.
   */
  public Page<StockView> stockMatching(
      String branch, StockFilter filter, List<StockView> remote, int page, int size) {
    ready();
    Map<String, StockView> remoteBySku = new HashMap<>();
    remote.forEach(v -> remoteBySku.put(v.sku(), v));
    List<Product> candidates = new ArrayList<>();
    for (Product p : index.productsMatching(filter.q())) {
      if (filter.matchesCategory(p.getCategory())) {
        candidates.add(p);
      }
    }
    List<Product> rows;
    Map<String, StockView> built;
    if (filter.status() == null) {
      // an active product is a row whether it moved or not: only inactive ones need their level
      built =
          stockOf(branch, candidates.stream().filter(p -> !p.getActive()).toList(), remoteBySku);
      rows =
          candidates.stream().filter(p -> p.getActive() || built.containsKey(p.getSku())).toList();
    } else {
      built = stockOf(branch, candidates, remoteBySku);
      rows =
          candidates.stream()
              .filter(
                  p -> {
                    StockView v = built.get(p.getSku());
                    return v != null && filter.matchesStatus(v.status());
                  })
              .toList();
    }
    int from = (int) Math.min((long) page * size, rows.size());
    int to = (int) Math.min((long) from + size, rows.size());
    List<Product> pageRows = rows.subList(from, to);
    Map<String, StockView> pageViews =
        stockOf(
            branch,
            pageRows.stream().filter(p -> !built.containsKey(p.getSku())).toList(),
            remoteBySku);
    List<StockView> items = new ArrayList<>(pageRows.size());
    for (Product p : pageRows) {
      StockView v = built.get(p.getSku());
      items.add(v != null ? v : pageViews.get(p.getSku()));
    }
    return new Page<>(items, rows.size());
  }

  /** This instance's levels of the branch for the products matching {@code q} (for the others). */
  public List<StockView> localStockMatching(String branch, String q) {
    ready();
    List<Product> matching = index.productsMatching(q);
    Map<String, StockView> local = model.localLevels(branch, matching, false);
    List<StockView> out = new ArrayList<>(local.size());
    for (Product p : matching) {
      StockView v = local.get(p.getSku());
      if (v != null) {
        out.add(v);
      }
    }
    return out;
  }

  /**
   * The level of each product from whichever instance has it; never moved when active; absent
   * otherwise. The local ones in one read per store.
   */
  private Map<String, StockView> stockOf(
      String branch, List<Product> products, Map<String, StockView> remoteBySku) {
    Map<String, StockView> out = new HashMap<>();
    List<Product> local = new ArrayList<>();
    for (Product p : products) {
      StockView remote = remoteBySku.get(p.getSku());
      if (remote != null) {
        out.put(p.getSku(), remote);
      } else {
        local.add(p);
      }
    }
    out.putAll(model.localLevels(branch, local, true));
    return out;
  }

  public Optional<ProductView> product(String sku) {
    return Optional.ofNullable(model.product(sku)).map(this::view);
  }

  /**
   * One scan at the till.
   *
   * @throws ApiException 400 {@code BAD_CHECK_DIGIT}/{@code INVALID_CODE}, 404 unknown code, 409
   *     inactive product or no list price yet
   */
  public ScanLine byCode(String code) {
    Scan scan;
    try {
      scan = Barcodes.parse(code);
    } catch (Barcodes.InvalidCodeException e) {
      throw ApiException.badRequest(e.code(), e.getMessage(), "code");
    }
    ready();
    if (scan instanceof Gtin g) {
      return unitLine(skuOf(index.skuByGtin(g.code()), g.code()));
    }
    if (scan instanceof ScaleLabel l) {
      // a product may carry an in-store EAN of its own: the exact code wins over the label reading
      Optional<String> exact = index.skuByGtin(l.code());
      return exact.isPresent()
          ? unitLine(exact.get())
          : scaleLine(skuOf(index.skuByPlu(l.plu()), l.code()), l.value());
    }
    return unitLine(((Sku) scan).sku());
  }

  private ScanLine unitLine(String sku) {
    Product p = sellable(sku);
    BigDecimal price = listPrice(p);
    BigDecimal qty = Json.qty(BigDecimal.ONE);
    return new ScanLine(sku, p.getName(), p.getUnit().name(), qty, price, price);
  }

  /** A scale label: grams → kg at the list price, or the printed pesos → the kg they buy. */
  private ScanLine scaleLine(String sku, int value) {
    Product p = sellable(sku);
    BigDecimal price = listPrice(p);
    if (p.getScaleValue() == ScaleValue.PRICE) {
      BigDecimal total = Json.money(BigDecimal.valueOf(value));
      BigDecimal qty =
          price.signum() == 0
              ? Json.qty(BigDecimal.ZERO)
              : total.divide(price, 3, RoundingMode.HALF_UP);
      return new ScanLine(sku, p.getName(), p.getUnit().name(), qty, price, total);
    }
    BigDecimal qty = BigDecimal.valueOf(value).movePointLeft(3).setScale(3);
    BigDecimal total = qty.multiply(price).setScale(2, RoundingMode.HALF_UP);
    return new ScanLine(sku, p.getName(), "KG", qty, price, total);
  }

  private static String skuOf(Optional<String> sku, String code) {
    return sku.orElseThrow(() -> ApiException.notFound("No product has code " + code));
  }

  private Product sellable(String sku) {
    Product p = model.product(sku);
    if (p == null) {
      throw ApiException.notFound("No product " + sku);
    }
    if (!p.getActive()) {
      throw ApiException.conflict("PRODUCT_INACTIVE", "Product " + sku + " is inactive", "code");
    }
    return p;
  }

  private BigDecimal listPrice(Product p) {
    return model
        .price(p.getSku())
        .map(PriceView::listPrice)
        .orElseThrow(
            () ->
                ApiException.conflict(
                    "NO_PRICE", "Product " + p.getSku() + " has no list price yet", "code"));
  }

  private ProductView view(Product p) {
    return ProductView.of(p, model.price(p.getSku()).map(PriceView::listPrice).orElse(null), zone);
  }

  /** Completes the index from the global store the first time it is needed on this instance. */
  private void ready() {
    index.loadOnce(
        () ->
            reader.<Product, List<Product>>read(
                StoreNames.QUERY_PRODUCTS,
                s -> {
                  List<Product> all = new ArrayList<>();
                  try (KeyValueIterator<String, Product> it = s.all()) {
                    it.forEachRemaining(kv -> all.add(kv.value));
                  }
                  return all;
                }));
  }
}
