package almacen.query.read;

import almacen.events.Invoice;
import almacen.events.InvoiceLine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The Invoice JSON of CONTRACT.md (kind and the lines' discountPct from v2), plus receivedAt and,
 * for a REJECTED invoice, why ({@code rejectReason}, v3; null otherwise or when none was given).
 */
public record InvoiceView(
    String invoiceId,
    String kind,
    Supplier supplier,
    String type,
    int pointOfSale,
    long number,
    LocalDate issueDate,
    String cae,
    String branch,
    boolean pricesIncludeIva,
    List<Line> lines,
    BigDecimal netTotal,
    BigDecimal ivaTotal,
    BigDecimal otherTaxes,
    BigDecimal total,
    String status,
    List<String> issues,
    double confidence,
    boolean duplicate,
    Source source,
    String receivedAt,
    String rejectReason) {

  public record Supplier(String cuit, String name) {}

  public record Line(
      String sku,
      String supplierCode,
      String description,
      BigDecimal qty,
      BigDecimal unitCost,
      BigDecimal ivaRatePct,
      BigDecimal lineTotal,
      BigDecimal discountPct) {}

  public record Source(String kind, String sha256, boolean qr) {}

  public static InvoiceView of(Invoice i, ZoneId zone) {
    List<Line> lines = i.getLines().stream().map(InvoiceView::line).toList();
    return new InvoiceView(
        i.getInvoiceId(),
        i.getKind().name(),
        new Supplier(i.getSupplier().getCuit(), i.getSupplier().getName()),
        i.getType().name(),
        i.getPointOfSale(),
        i.getNumber(),
        i.getIssueDate(),
        i.getCae(),
        i.getBranch(),
        i.getPricesIncludeIva(),
        lines,
        i.getNetTotal(),
        i.getIvaTotal(),
        i.getOtherTaxes(),
        i.getTotal(),
        i.getStatus().name(),
        List.copyOf(i.getIssues()),
        i.getConfidence(),
        i.getDuplicate(),
        new Source(
            i.getSource().getKind().name(), i.getSource().getSha256(), i.getSource().getQr()),
        Json.instant(i.getReceivedAt(), zone),
        i.getRejectReason());
  }

  private static Line line(InvoiceLine l) {
    return new Line(
        l.getSku(),
        l.getSupplierCode(),
        l.getDescription(),
        l.getQty(),
        l.getUnitCost(),
        l.getIvaRatePct(),
        l.getLineTotal(),
        l.getDiscountPct());
  }
}
