package almacen.query.read;

import almacen.events.Invoice;
import almacen.events.InvoiceKind;
import almacen.events.InvoiceLine;
import almacen.events.InvoiceStatus;
import almacen.events.Product;
import almacen.query.DailyCell;
import almacen.query.StoreKeys;
import almacen.query.read.AnalyticsViews.CategoryMargin;
import almacen.query.read.AnalyticsViews.CategorySales;
import almacen.query.read.AnalyticsViews.DaySales;
import almacen.query.read.AnalyticsViews.DaySum;
import almacen.query.read.AnalyticsViews.LastInvoice;
import almacen.query.read.AnalyticsViews.MarginReport;
import almacen.query.read.AnalyticsViews.MonthPurchases;
import almacen.query.read.AnalyticsViews.ProductSales;
import almacen.query.read.AnalyticsViews.PurchasesReport;
import almacen.query.read.AnalyticsViews.SalesReport;
import almacen.query.read.AnalyticsViews.Share;
import almacen.query.read.AnalyticsViews.SkuSum;
import almacen.query.read.AnalyticsViews.SuppliedProduct;
import almacen.query.read.AnalyticsViews.SupplierDetail;
import almacen.query.read.AnalyticsViews.SupplierPurchases;
import almacen.query.read.AnalyticsViews.SupplierSummary;
import almacen.schemas.StoreNames;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Collator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Suppliers and sales analytics.
 *
 * <p>Sales and cost of sales come from the partitioned analytics stores ({@code day|branch|sku}
 * cells): {@link #localSales}/{@link #localCosts} sum this instance's cells of a range (one range
 * scan per day, so the work grows with the days and skus sold, not with the number of sales); the
 * web layer merges every instance's {@link Share} and the report methods group the merged sums by
 * day, sku and category (the category as catalogued now, from the global products store).
 *
 * <p>Suppliers and purchases are computed from the global invoices store (complete on every
 * instance, latest version per invoiceId, so a re-delivered invoice is one entry): CONFIRMED
 * invoices only, grouped by the CUIT's digits.
 */
public final class AnalyticsModel {

  private static final Comparator<Invoice> NEWEST_LAST =
      Comparator.comparing(Invoice::getIssueDate)
          .thenComparing(Invoice::getReceivedAt)
          .thenComparing(Invoice::getInvoiceId);
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final StoreReader reader;
  private final Collator names = Collator.getInstance(Locale.forLanguageTag("es-AR"));

  public AnalyticsModel(StoreReader reader) {
    this.reader = reader;
    names.setStrength(Collator.PRIMARY);
  }

  /** This model for one request: whether its reads were stale goes to {@code reads}. */
  public AnalyticsModel forRequest(StaleReads reads) {
    return new AnalyticsModel(reader.forRequest(reads));
  }

  // ---- this instance's share of the partitioned stores

  /**
   * This instance's sales cells of the range (one branch, or all when null), summed per day and
   * sku.
   */
  public Share localSales(DateRange range, String branch) {
    return localShare(StoreNames.QUERY_ANALYTICS_SALES, range, branch);
  }

  /** This instance's cost-of-sales cells of the range, summed per day and sku. */
  public Share localCosts(DateRange range, String branch) {
    return localShare(StoreNames.QUERY_ANALYTICS_COSTS, range, branch);
  }

  private Share localShare(String store, DateRange range, String branch) {
    return reader.<DailyCell, Share>read(
        store,
        s -> {
          Map<LocalDate, BigDecimal[]> days = new TreeMap<>();
          Map<String, BigDecimal[]> skus = new TreeMap<>();
          for (LocalDate day : range.eachDay()) {
            try (KeyValueIterator<String, DailyCell> it =
                s.range(StoreKeys.analyticsFrom(day, branch), StoreKeys.analyticsTo(day, branch))) {
              while (it.hasNext()) {
                KeyValue<String, DailyCell> kv = it.next();
                add(days, day, kv.value.qty(), kv.value.amount());
                add(skus, StoreKeys.analyticsParts(kv.key)[2], kv.value.qty(), kv.value.amount());
              }
            }
          }
          return new Share(
              days.entrySet().stream()
                  .map(e -> new DaySum(e.getKey(), e.getValue()[0], e.getValue()[1]))
                  .toList(),
              skus.entrySet().stream()
                  .map(e -> new SkuSum(e.getKey(), e.getValue()[0], e.getValue()[1]))
                  .toList());
        });
  }

  /** The shares of every instance as one (partitions are disjoint, so sums add up). */
  public static Share merge(Collection<Share> shares) {
    Map<LocalDate, BigDecimal[]> days = new TreeMap<>();
    Map<String, BigDecimal[]> skus = new TreeMap<>();
    for (Share share : shares) {
      share.days().forEach(d -> add(days, d.day(), d.qty(), d.amount()));
      share.skus().forEach(k -> add(skus, k.sku(), k.qty(), k.amount()));
    }
    return new Share(
        days.entrySet().stream()
            .map(e -> new DaySum(e.getKey(), e.getValue()[0], e.getValue()[1]))
            .toList(),
        skus.entrySet().stream()
            .map(e -> new SkuSum(e.getKey(), e.getValue()[0], e.getValue()[1]))
            .toList());
  }

  private static <K> void add(Map<K, BigDecimal[]> sums, K key, BigDecimal qty, BigDecimal amount) {
    BigDecimal[] sum =
        sums.computeIfAbsent(key, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
    sum[0] = sum[0].add(qty);
    sum[1] = sum[1].add(amount);
  }

  // ---- reports from merged shares

  /**
   * Units and amount per day (every day of the range, zero when nothing was sold) and per category.
   */
  public SalesReport salesReport(DateRange range, String branch, Share sales) {
    Map<LocalDate, DaySum> byDay = new HashMap<>();
    sales.days().forEach(d -> byDay.put(d.day(), d));
    List<DaySales> days = new ArrayList<>();
    BigDecimal qty = BigDecimal.ZERO;
    BigDecimal amount = BigDecimal.ZERO;
    for (LocalDate day : range.eachDay()) {
      DaySum d = byDay.get(day);
      BigDecimal q = d == null ? BigDecimal.ZERO : d.qty();
      BigDecimal a = d == null ? BigDecimal.ZERO : d.amount();
      days.add(new DaySales(day, Json.qty(q), Json.money(a)));
      qty = qty.add(q);
      amount = amount.add(a);
    }
    Map<String, Product> products = products(sales.skus().stream().map(SkuSum::sku).toList());
    Map<String, BigDecimal[]> byCategory = new HashMap<>();
    for (SkuSum k : sales.skus()) {
      add(byCategory, categoryOf(products.get(k.sku())), k.qty(), k.amount());
    }
    List<CategorySales> categories = new ArrayList<>();
    byCategory.forEach(
        (c, s) -> categories.add(new CategorySales(c, Json.qty(s[0]), Json.money(s[1]))));
    categories.sort(
        Comparator.comparing(CategorySales::amount)
            .reversed()
            .thenComparing(CategorySales::category, Comparator.nullsLast(names)));
    return new SalesReport(
        range.from(), range.to(), branch, Json.qty(qty), Json.money(amount), days, categories);
  }

  /** The {@code limit} skus with the highest amount sold (then units, then sku). */
  public List<ProductSales> topProducts(Share sales, int limit) {
    List<SkuSum> ranked = new ArrayList<>(sales.skus());
    ranked.sort(
        Comparator.comparing(SkuSum::amount)
            .reversed()
            .thenComparing(Comparator.comparing(SkuSum::qty).reversed())
            .thenComparing(SkuSum::sku));
    List<SkuSum> top = ranked.subList(0, Math.min(limit, ranked.size()));
    Map<String, Product> products = products(top.stream().map(SkuSum::sku).toList());
    return top.stream()
        .map(
            k -> {
              Product p = products.get(k.sku());
              return new ProductSales(
                  k.sku(),
                  p == null ? k.sku() : p.getName(),
                  categoryOf(p),
                  Json.qty(k.qty()),
                  Json.money(k.amount()));
            })
        .toList();
  }

  /**
   * Gross margin per category: sales at the prices charged minus the cost of the units sold at
   * their moving average cost; margin % = margin / sales × 100 (null without sales).
   */
  public MarginReport margin(DateRange range, String branch, Share sales, Share costs) {
    List<String> skus = new ArrayList<>();
    sales.skus().forEach(k -> skus.add(k.sku()));
    costs.skus().forEach(k -> skus.add(k.sku()));
    Map<String, Product> products = products(skus);
    // category → {qty sold, sales, cost}
    Map<String, BigDecimal[]> byCategory = new HashMap<>();
    for (SkuSum k : sales.skus()) {
      BigDecimal[] m = byCategory.computeIfAbsent(categoryOf(products.get(k.sku())), c -> zeros(3));
      m[0] = m[0].add(k.qty());
      m[1] = m[1].add(k.amount());
    }
    for (SkuSum k : costs.skus()) {
      BigDecimal[] m = byCategory.computeIfAbsent(categoryOf(products.get(k.sku())), c -> zeros(3));
      m[2] = m[2].add(k.amount());
    }
    List<CategoryMargin> categories = new ArrayList<>();
    BigDecimal totalSales = BigDecimal.ZERO;
    BigDecimal totalCost = BigDecimal.ZERO;
    for (Map.Entry<String, BigDecimal[]> e : byCategory.entrySet()) {
      BigDecimal s = Json.money(e.getValue()[1]);
      BigDecimal c = Json.money(e.getValue()[2]);
      categories.add(
          new CategoryMargin(
              e.getKey(), Json.qty(e.getValue()[0]), s, c, s.subtract(c), pct(s.subtract(c), s)));
      totalSales = totalSales.add(s);
      totalCost = totalCost.add(c);
    }
    categories.sort(
        Comparator.comparing(CategoryMargin::sales)
            .reversed()
            .thenComparing(CategoryMargin::category, Comparator.nullsLast(names)));
    BigDecimal margin = totalSales.subtract(totalCost);
    return new MarginReport(
        range.from(),
        range.to(),
        branch,
        Json.money(totalSales),
        Json.money(totalCost),
        Json.money(margin),
        pct(margin, totalSales),
        categories);
  }

  private static BigDecimal pct(BigDecimal part, BigDecimal whole) {
    return whole.signum() == 0
        ? null
        : part.multiply(HUNDRED).divide(whole, 2, RoundingMode.HALF_UP);
  }

  private static BigDecimal[] zeros(int n) {
    BigDecimal[] out = new BigDecimal[n];
    java.util.Arrays.fill(out, BigDecimal.ZERO);
    return out;
  }

  private static String categoryOf(Product p) {
    return p == null || p.getCategory() == null || p.getCategory().isBlank()
        ? null
        : p.getCategory();
  }

  private Map<String, Product> products(List<String> skus) {
    Set<String> wanted = new TreeSet<>(skus);
    return reader.<Product, Map<String, Product>>read(
        StoreNames.QUERY_PRODUCTS,
        s -> {
          Map<String, Product> out = new HashMap<>();
          for (String sku : wanted) {
            Product p = s.get(sku);
            if (p != null) {
              out.put(sku, p);
            }
          }
          return out;
        });
  }

  // ---- suppliers and purchases (global invoices store)

  /** Every supplier of a CONFIRMED invoice, by name. */
  public List<SupplierSummary> suppliers() {
    List<SupplierSummary> out = new ArrayList<>();
    for (SupplierAcc s : bySupplier(confirmedInvoices()).values()) {
      out.add(
          new SupplierSummary(
              s.cuit(),
              s.name(),
              s.lastInvoice(),
              s.invoices.size(),
              Json.money(s.total),
              s.products.size()));
    }
    out.sort(
        Comparator.comparing(SupplierSummary::name, names).thenComparing(SupplierSummary::cuit));
    return out;
  }

  /** One supplier by its CUIT's 11 digits; empty when no CONFIRMED invoice names it. */
  public Optional<SupplierDetail> supplier(String cuitDigits) {
    SupplierAcc s = bySupplier(confirmedInvoices()).get(cuitDigits);
    if (s == null) {
      return Optional.empty();
    }
    List<MonthPurchases> months = new ArrayList<>();
    s.months.forEach(
        (m, v) -> months.add(new MonthPurchases(m, v[0].longValue(), Json.money(v[1]))));
    Map<String, Product> catalogue = products(new ArrayList<>(s.products.keySet()));
    List<SuppliedProduct> products = new ArrayList<>();
    s.products.forEach(
        (sku, last) -> {
          Product p = catalogue.get(sku);
          InvoiceLine line = last.line();
          products.add(
              new SuppliedProduct(
                  sku,
                  p == null ? line.getDescription() : p.getName(),
                  line.getUnitCost(),
                  line.getQty(),
                  last.invoice().getIssueDate(),
                  last.invoice().getInvoiceId()));
        });
    return Optional.of(
        new SupplierDetail(
            s.cuit(),
            s.name(),
            s.lastInvoice(),
            s.invoices.size(),
            Json.money(s.total),
            months,
            products));
  }

  /**
   * CONFIRMED invoices issued in the range (of one branch, or all when null), per supplier, biggest
   * first.
   */
  public PurchasesReport purchases(DateRange range, String branch) {
    List<Invoice> inRange =
        confirmedInvoices().stream()
            .filter(
                i ->
                    range.contains(i.getIssueDate())
                        && (branch == null || branch.equals(i.getBranch())))
            .toList();
    List<SupplierPurchases> items = new ArrayList<>();
    long invoices = 0;
    BigDecimal amount = BigDecimal.ZERO;
    for (SupplierAcc s : bySupplier(inRange).values()) {
      items.add(new SupplierPurchases(s.cuit(), s.name(), s.invoices.size(), Json.money(s.total)));
      invoices += s.invoices.size();
      amount = amount.add(s.total);
    }
    items.sort(
        Comparator.comparing(SupplierPurchases::amount)
            .reversed()
            .thenComparing(SupplierPurchases::name, names));
    return new PurchasesReport(
        range.from(), range.to(), branch, invoices, Json.money(amount), items);
  }

  /**
   * The last CONFIRMED invoice line of every sku (by issue date, then invoice id): its supplier's
   * CUIT and name, unit cost and invoice — what a suggested order needs.
   */
  public Map<String, LastPurchase> lastPurchases() {
    Map<String, LastPurchase> out = new HashMap<>();
    for (SupplierAcc s : bySupplier(confirmedInvoices()).values()) {
      s.products.forEach(
          (sku, last) -> {
            LastPurchase candidate =
                new LastPurchase(
                    last.invoice().getSupplier().getCuit(),
                    Objects.requireNonNullElse(
                        last.invoice().getSupplier().getName(),
                        last.invoice().getSupplier().getCuit()),
                    last.line().getUnitCost(),
                    last.invoice().getInvoiceId(),
                    last.invoice().getIssueDate());
            out.merge(sku, candidate, (a, b) -> b.newerThan(a) ? b : a);
          });
    }
    return out;
  }

  /** Supplier names by CUIT digits, from their newest CONFIRMED invoice. */
  public Map<String, String> supplierNames() {
    Map<String, String> out = new HashMap<>();
    bySupplier(confirmedInvoices()).forEach((digits, s) -> out.put(digits, s.name()));
    return out;
  }

  /** The 11 digits of a CUIT written with or without dashes. */
  public static String cuitDigits(String cuit) {
    return cuit == null ? "" : cuit.replaceAll("[^0-9]", "");
  }

  private List<Invoice> confirmedInvoices() {
    return reader.<Invoice, List<Invoice>>read(StoreNames.QUERY_INVOICES, s -> scanConfirmed(s));
  }

  /**
   * CONFIRMED invoices, oldest first. Credit and debit notes are left out: they correct a purchase,
   * they are neither a purchase nor the last cost of a product.
   */
  private static List<Invoice> scanConfirmed(ReadOnlyKeyValueStore<String, Invoice> s) {
    List<Invoice> out = new ArrayList<>();
    try (KeyValueIterator<String, Invoice> it = s.all()) {
      while (it.hasNext()) {
        Invoice i = it.next().value;
        if (i != null
            && i.getStatus() == InvoiceStatus.CONFIRMED
            && i.getKind() == InvoiceKind.INVOICE
            && i.getSupplier() != null) {
          out.add(i);
        }
      }
    }
    out.sort(NEWEST_LAST);
    return out;
  }

  /**
   * Invoices (oldest first) folded per supplier: the newest invoice sets the name and the last
   * costs.
   */
  private static Map<String, SupplierAcc> bySupplier(List<Invoice> oldestFirst) {
    Map<String, SupplierAcc> out = new LinkedHashMap<>();
    for (Invoice i : oldestFirst) {
      out.computeIfAbsent(cuitDigits(i.getSupplier().getCuit()), k -> new SupplierAcc()).add(i);
    }
    return out;
  }

  private record LastLine(Invoice invoice, InvoiceLine line) {}

  private static final class SupplierAcc {
    private final Map<String, Invoice> invoices = new LinkedHashMap<>();
    private final Map<String, BigDecimal[]> months = new TreeMap<>();
    private final Map<String, LastLine> products = new TreeMap<>();
    private Invoice last;
    private BigDecimal total = BigDecimal.ZERO;

    void add(Invoice i) {
      if (invoices.putIfAbsent(i.getInvoiceId(), i) != null) {
        return;
      }
      last = i;
      total = total.add(i.getTotal());
      BigDecimal[] m =
          months.computeIfAbsent(
              i.getIssueDate().toString().substring(0, 7),
              k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
      m[0] = m[0].add(BigDecimal.ONE);
      m[1] = m[1].add(i.getTotal());
      for (InvoiceLine line : i.getLines()) {
        if (line.getSku() != null && !line.getSku().isBlank()) {
          products.put(line.getSku(), new LastLine(i, line));
        }
      }
    }

    String cuit() {
      return last.getSupplier().getCuit();
    }

    String name() {
      return Objects.requireNonNullElse(last.getSupplier().getName(), cuit());
    }

    LastInvoice lastInvoice() {
      return new LastInvoice(last.getInvoiceId(), last.getIssueDate(), Json.money(last.getTotal()));
    }
  }
}
