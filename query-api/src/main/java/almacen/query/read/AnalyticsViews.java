package almacen.query.read;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The JSON shapes of the supplier and analytics endpoints (docs/api.md, Extensions). Money has
 * scale 2, quantities 3, percentages 2; dates are {@code YYYY-MM-DD} business days; {@code branch}
 * null means every branch; {@code category} null means a sku not in the catalogue.
 */
public final class AnalyticsViews {

  private AnalyticsViews() {}

  // ---- suppliers

  public record LastInvoice(String invoiceId, LocalDate issueDate, BigDecimal total) {}

  public record SupplierSummary(
      String cuit,
      String name,
      LastInvoice lastInvoice,
      long invoices,
      BigDecimal purchasesTotal,
      int products) {}

  public record MonthPurchases(String month, long invoices, BigDecimal amount) {}

  public record SuppliedProduct(
      String sku,
      String name,
      BigDecimal lastUnitCost,
      BigDecimal lastQty,
      LocalDate lastInvoiceDate,
      String lastInvoiceId) {}

  public record SupplierDetail(
      String cuit,
      String name,
      LastInvoice lastInvoice,
      long invoices,
      BigDecimal purchasesTotal,
      List<MonthPurchases> months,
      List<SuppliedProduct> products) {}

  // ---- analytics answers

  public record DaySales(LocalDate day, BigDecimal qty, BigDecimal amount) {}

  public record CategorySales(String category, BigDecimal qty, BigDecimal amount) {}

  public record SalesReport(
      LocalDate from,
      LocalDate to,
      String branch,
      BigDecimal qty,
      BigDecimal amount,
      List<DaySales> days,
      List<CategorySales> categories) {}

  public record ProductSales(
      String sku, String name, String category, BigDecimal qty, BigDecimal amount) {}

  public record TopProducts(
      LocalDate from, LocalDate to, String branch, List<ProductSales> items) {}

  public record CategoryMargin(
      String category,
      BigDecimal qty,
      BigDecimal sales,
      BigDecimal cost,
      BigDecimal margin,
      BigDecimal marginPct) {}

  public record MarginReport(
      LocalDate from,
      LocalDate to,
      String branch,
      BigDecimal sales,
      BigDecimal cost,
      BigDecimal margin,
      BigDecimal marginPct,
      List<CategoryMargin> categories) {}

  public record SupplierPurchases(String cuit, String name, long invoices, BigDecimal amount) {}

  public record PurchasesReport(
      LocalDate from,
      LocalDate to,
      String branch,
      long invoices,
      BigDecimal amount,
      List<SupplierPurchases> items) {}

  // ---- one instance's share of the partitioned analytics stores (GET /api/internal/analytics/**)

  /** Unrounded sums of one sku over a range: units and money (sales amount or cost). */
  public record SkuSum(String sku, BigDecimal qty, BigDecimal amount) {}

  /** Unrounded sums of one day over a range. */
  public record DaySum(LocalDate day, BigDecimal qty, BigDecimal amount) {}

  /** One instance's cells of a range, summed per day and per sku. */
  public record Share(List<DaySum> days, List<SkuSum> skus) {

    public static final Share EMPTY = new Share(List.of(), List.of());
  }
}
