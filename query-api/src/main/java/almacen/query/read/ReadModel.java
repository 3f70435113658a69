package almacen.query.read;

import almacen.events.InflationMonth;
import almacen.events.Invoice;
import almacen.events.InvoiceStatus;
import almacen.events.Price;
import almacen.events.Product;
import almacen.events.StockAlert;
import almacen.events.StockLevel;
import almacen.events.StockMovement;
import almacen.query.StoreKeys;
import almacen.query.read.Views.AlertView;
import almacen.query.read.Views.InflationView;
import almacen.query.read.Views.MovementView;
import almacen.query.read.Views.Page;
import almacen.query.read.Views.PriceView;
import almacen.query.read.Views.StockView;
import almacen.query.read.Views.Summary;
import almacen.query.read.Views.SummaryPart;
import almacen.schemas.StoreNames;
import almacen.support.csv.Csv;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Answers from the local stores. Partitioned stores hold only this instance's partitions: the
 * {@code local*} methods return this instance's share, merged across instances by the web layer;
 * product, price, invoice and inflation stores are global (complete everywhere).
 */
public final class ReadModel {

  public static final Comparator<StockView> STOCK_ORDER =
      Comparator.comparing(StockView::sku).thenComparing(StockView::branch);
  private static final StringSerializer PREFIX = new StringSerializer();

  private final StoreReader reader;
  private final Clock clock;
  private final ZoneId zone;

  public ReadModel(StoreReader reader, Clock clock, ZoneId zone) {
    this.reader = reader;
    this.clock = clock;
    this.zone = zone;
  }

  /** This model for one request: whether its reads were stale goes to {@code reads}. */
  public ReadModel forRequest(StaleReads reads) {
    return new ReadModel(reader.forRequest(reads), clock, zone);
  }

  // ---- stock

  /** A level joined with its product and price; a catalogued product never moved is 0 and OUT. */
  public Optional<StockView> stock(String branch, String sku) {
    StockLevel level =
        this.<StockLevel, StockLevel>read(
            StoreNames.QUERY_STOCK_LEVELS, s -> s.get(StoreNames.branchSkuKey(branch, sku)));
    Product product = product(sku);
    if (level == null && product == null) {
      return Optional.empty();
    }
    return Optional.of(StockViews.of(branch, sku, level, product, priceOrNull(sku), zone));
  }

  /**
   * This instance's views of these products in the branch, by sku: one read of the levels store and
   * one of the prices store for all of them (a search's page), not two per product. A product with
   * no level here is left out, or, when {@code neverMovedIfActive} and it is active, shown as never
   * moved.
   */
  public Map<String, StockView> localLevels(
      String branch, List<Product> products, boolean neverMovedIfActive) {
    if (products.isEmpty()) {
      return Map.of();
    }
    Map<String, StockLevel> levels =
        getAll(
            StoreNames.QUERY_STOCK_LEVELS,
            products.stream().map(p -> StoreNames.branchSkuKey(branch, p.getSku())).toList());
    List<Product> shown =
        products.stream()
            .filter(
                p ->
                    levels.containsKey(StoreNames.branchSkuKey(branch, p.getSku()))
                        || (neverMovedIfActive && p.getActive()))
            .toList();
    Map<String, Price> prices =
        getAll(StoreNames.QUERY_PRICES, shown.stream().map(Product::getSku).toList());
    Map<String, StockView> out = new HashMap<>();
    for (Product p : shown) {
      out.put(
          p.getSku(),
          StockViews.of(
              branch,
              p.getSku(),
              levels.get(StoreNames.branchSkuKey(branch, p.getSku())),
              p,
              prices.get(p.getSku()),
              zone));
    }
    return out;
  }

  /** A catalogued product with no level in the branch: on hand 0, OUT. */
  public StockView neverMoved(String branch, Product product) {
    return StockViews.of(
        branch, product.getSku(), null, product, priceOrNull(product.getSku()), zone);
  }

  /** This instance's levels (one branch, or all when null) that pass the filter. */
  public List<StockView> localLevels(String branch, StockFilter filter) {
    List<StockView> out = new ArrayList<>();
    forEachLevel(
        branch,
        level -> {
          Product product = product(level.getSku());
          StockView v =
              StockViews.of(
                  level.getBranch(),
                  level.getSku(),
                  level,
                  product,
                  priceOrNull(level.getSku()),
                  zone);
          if (filter.matches(v)) {
            out.add(v);
          }
        });
    return out;
  }

  /**
   * One page of the branch's stock: the levels of every instance (unfiltered, so that a
   * filtered-out level still counts as moved) that pass the filter, plus the active products never
   * moved in the branch, sorted by sku.
   */
  public Page<StockView> stockPage(
      String branch, StockFilter filter, List<StockView> allLevels, int page, int size) {
    List<StockView> all = new ArrayList<>();
    for (StockView v : allLevels) {
      if (filter.matches(v)) {
        all.add(v);
      }
    }
    all.addAll(neverMoved(branch, allLevels, filter));
    all.sort(STOCK_ORDER);
    long from = Math.min((long) page * size, all.size());
    long to = Math.min(from + size, all.size());
    return new Page<>(List.copyOf(all.subList((int) from, (int) to)), all.size());
  }

  private List<StockView> neverMoved(String branch, List<StockView> levels, StockFilter filter) {
    if (branch == null) {
      return List.of();
    }
    Set<String> moved = new HashSet<>();
    levels.forEach(v -> moved.add(v.sku()));
    List<StockView> out = new ArrayList<>();
    this.<Product, Void>read(
        StoreNames.QUERY_PRODUCTS,
        s -> {
          try (KeyValueIterator<String, Product> it = s.all()) {
            while (it.hasNext()) {
              Product p = it.next().value;
              if (p.getActive() && !moved.contains(p.getSku())) {
                StockView v =
                    StockViews.of(branch, p.getSku(), null, p, priceOrNull(p.getSku()), zone);
                if (filter.matches(v)) {
                  out.add(v);
                }
              }
            }
          }
          return null;
        });
    return out;
  }

  private void forEachLevel(String branch, java.util.function.Consumer<StockLevel> action) {
    this.<StockLevel, Void>read(
        StoreNames.QUERY_STOCK_LEVELS,
        s -> {
          try (KeyValueIterator<String, StockLevel> it =
              branch == null ? s.all() : s.prefixScan(branch + "|", PREFIX)) {
            while (it.hasNext()) {
              action.accept(it.next().value);
            }
          }
          return null;
        });
  }

  // ---- movements

  /**
   * The newest {@code limit} ledger entries of branch|sku, newest first (empty when never moved).
   */
  public List<MovementView> movements(String branch, String sku, int limit) {
    String key = StoreNames.branchSkuKey(branch, sku);
    return this.<StockMovement, List<MovementView>>read(
        StoreNames.QUERY_MOVEMENTS,
        s -> {
          List<MovementView> out = new ArrayList<>();
          try (KeyValueIterator<String, StockMovement> it =
              s.reverseRange(StoreKeys.movementFrom(key), StoreKeys.movementTo(key))) {
            while (it.hasNext() && out.size() < limit) {
              out.add(movement(it.next().value));
            }
          }
          return out;
        });
  }

  private MovementView movement(StockMovement m) {
    return new MovementView(
        m.getMovementId(),
        m.getType().name(),
        m.getDelta(),
        m.getBefore(),
        m.getAfter(),
        m.getUnitCost(),
        m.getSourceRef(),
        Json.instant(m.getOccurredAt(), zone),
        m.getUser());
  }

  // ---- catalogue, prices

  public Product product(String sku) {
    return this.<Product, Product>read(StoreNames.QUERY_PRODUCTS, s -> s.get(sku));
  }

  private Price priceOrNull(String sku) {
    return this.<Price, Price>read(StoreNames.QUERY_PRICES, s -> s.get(sku));
  }

  public Optional<PriceView> price(String sku) {
    return Optional.ofNullable(priceOrNull(sku)).map(this::priceView);
  }

  /** This instance's history of the sku (route to the owner of the sku first), newest first. */
  public List<PriceView> priceHistory(String sku) {
    return this.<Price, List<PriceView>>read(
        StoreNames.QUERY_PRICE_HISTORY,
        s -> {
          List<PriceView> out = new ArrayList<>();
          try (KeyValueIterator<String, Price> it =
              s.reverseRange(StoreKeys.priceHistoryFrom(sku), StoreKeys.priceHistoryTo(sku))) {
            it.forEachRemaining(kv -> out.add(priceView(kv.value)));
          }
          return out;
        });
  }

  private PriceView priceView(Price p) {
    return new PriceView(
        p.getSku(),
        Json.money(p.getListPrice()),
        p.getCostBasis(),
        p.getCostDate(),
        p.getInflationFactor(),
        p.getHorizonDate(),
        p.getMarkupPct(),
        p.getIvaRatePct(),
        Json.money(p.getRoundingStep()),
        Json.instant(p.getEffectiveAt(), zone),
        p.getReason().name());
  }

  // ---- alerts, invoices, inflation

  public List<AlertView> localAlerts(String branch) {
    return this.<StockAlert, List<AlertView>>read(
        StoreNames.QUERY_ALERTS,
        s -> {
          List<AlertView> out = new ArrayList<>();
          try (KeyValueIterator<String, StockAlert> it =
              branch == null ? s.all() : s.prefixScan(branch + "|", PREFIX)) {
            while (it.hasNext()) {
              StockAlert a = it.next().value;
              out.add(
                  new AlertView(
                      a.getSku(),
                      a.getBranch(),
                      a.getStatus().name(),
                      a.getOnHand(),
                      minStockOf(a),
                      Json.instant(a.getSince(), zone)));
            }
          }
          return out;
        });
  }

  private BigDecimal minStockOf(StockAlert a) {
    Product p = product(a.getSku());
    return p == null ? a.getMinStock() : p.getMinStock();
  }

  public static List<AlertView> sortAlerts(List<AlertView> alerts) {
    List<AlertView> out = new ArrayList<>(alerts);
    out.sort(Comparator.comparing(AlertView::branch).thenComparing(AlertView::sku));
    return out;
  }

  /** Invoices (optionally of one status), newest received first. */
  public List<InvoiceView> invoices(InvoiceStatus status) {
    List<Invoice> found =
        scan(StoreNames.QUERY_INVOICES, (Invoice i) -> status == null || i.getStatus() == status);
    found.sort(
        Comparator.comparing(Invoice::getReceivedAt)
            .reversed()
            .thenComparing(Invoice::getInvoiceId));
    return found.stream().map(i -> InvoiceView.of(i, zone)).toList();
  }

  public Optional<InvoiceView> invoice(String invoiceId) {
    return Optional.ofNullable(
            this.<Invoice, Invoice>read(StoreNames.QUERY_INVOICES, s -> s.get(invoiceId)))
        .map(i -> InvoiceView.of(i, zone));
  }

  public List<InflationView> inflation() {
    List<InflationMonth> months = scan(StoreNames.QUERY_INFLATION, m -> true);
    months.sort(Comparator.comparing(InflationMonth::getMonth));
    return months.stream()
        .map(m -> new InflationView(m.getMonth(), m.getRatePct(), m.getSource()))
        .toList();
  }

  // ---- summary

  /**
   * Counts and values of this instance's levels of the branch (all when null), and its share of
   * today's sales.
   */
  public SummaryPart localSummary(String branch) {
    long[] counts = new long[3];
    BigDecimal[] value = {BigDecimal.ZERO};
    forEachLevel(
        branch,
        level -> {
          switch (level.getStatus()) {
            case LOW -> counts[0]++;
            case OUT -> counts[1]++;
            case NEGATIVE -> counts[2]++;
            default -> {}
          }
          value[0] = value[0].add(level.getStockValue());
        });
    LocalDate today = LocalDate.now(clock.withZone(zone));
    BigDecimal sales =
        this.<BigDecimal, BigDecimal>read(
            StoreNames.QUERY_SALES_DAILY,
            s -> {
              BigDecimal sum = BigDecimal.ZERO;
              try (KeyValueIterator<String, BigDecimal> it =
                  s.prefixScan(StoreKeys.dailySalesPrefix(today, branch), PREFIX)) {
                while (it.hasNext()) {
                  sum = sum.add(it.next().value);
                }
              }
              return sum;
            });
    return new SummaryPart(
        counts[0], counts[1], counts[2], Json.money(value[0]), Json.money(sales));
  }

  /**
   * The summary from every instance's parts plus the global stores; never-moved products count as
   * OUT.
   */
  public Summary summary(String branch, SummaryPart merged, Set<String> movedSkus) {
    long[] products = new long[2];
    this.<Product, Void>read(
        StoreNames.QUERY_PRODUCTS,
        s -> {
          try (KeyValueIterator<String, Product> it = s.all()) {
            while (it.hasNext()) {
              Product p = it.next().value;
              if (p.getActive()) {
                products[0]++;
                if (branch != null && !movedSkus.contains(p.getSku())) {
                  products[1]++;
                }
              }
            }
          }
          return null;
        });
    long pending =
        scan(
                StoreNames.QUERY_INVOICES,
                (Invoice i) ->
                    i.getStatus() == InvoiceStatus.NEEDS_REVIEW
                        && (branch == null || branch.equals(i.getBranch())))
            .size();
    return new Summary(
        products[0],
        merged.lowCount(),
        merged.outCount() + products[1],
        merged.negativeCount(),
        Json.money(merged.stockValue()),
        Json.money(merged.salesToday()),
        pending);
  }

  /** Skus with a level in the branch on this instance. */
  public Set<String> localMovedSkus(String branch) {
    Set<String> out = new HashSet<>();
    forEachLevel(branch, level -> out.add(level.getSku()));
    return out;
  }

  // ---- CSV exports

  /**
   * This instance's levels of {@code branch} (null: every branch) as CSV rows (no header); the
   * iterator is closed before returning.
   */
  public void writeStockRows(Writer out, String branch, Csv csv) {
    new ExportRows(reader, zone).writeStock(out, branch, csv);
  }

  /**
   * This instance's retained movements with {@code from <= occurredAt < to} (either bound
   * optional).
   */
  public void writeMovementRows(Writer out, Instant from, Instant to, Csv csv) {
    new ExportRows(reader, zone).write(out, from, to, csv);
  }

  // ---- helpers

  private <V, T> T read(
      String store, java.util.function.Function<ReadOnlyKeyValueStore<String, V>, T> query) {
    return reader.read(store, query);
  }

  /** The values of these keys in one read of the store; absent keys are left out. */
  private <V> Map<String, V> getAll(String store, List<String> keys) {
    return this.<V, Map<String, V>>read(
        store,
        s -> {
          Map<String, V> found = new HashMap<>();
          for (String key : keys) {
            V value = s.get(key);
            if (value != null) {
              found.put(key, value);
            }
          }
          return found;
        });
  }

  private <V> List<V> scan(String store, Predicate<V> keep) {
    return this.<V, List<V>>read(
        store,
        s -> {
          List<V> out = new ArrayList<>();
          try (KeyValueIterator<String, V> it = s.all()) {
            while (it.hasNext()) {
              KeyValue<String, V> kv = it.next();
              if (keep.test(kv.value)) {
                out.add(kv.value);
              }
            }
          }
          return out;
        });
  }
}
