package almacen.query.read;

import almacen.events.Invoice;
import almacen.events.InvoiceLine;
import almacen.events.LearnedFix;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The Invoice JSON of CONTRACT.md (kind and the lines' discountPct from v2), plus receivedAt and,
 * for a REJECTED invoice, why ({@code rejectReason}, v3; null otherwise or when none was given);
 * from v4, {@code learned} on the supplier and the lines fixed by a supplier's learned correction;
 * from v5, {@code notes}: what the reader corrected on its own and the invoice's sums proved.
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
    List<String> notes,
    double confidence,
    boolean duplicate,
    Source source,
    String receivedAt,
    String rejectReason) {

  /**
   * @param learned present only when the name was taken from what a person confirmed before for
   *     this CUIT (v4)
   */
  public record Supplier(
      String cuit, String name, @JsonInclude(JsonInclude.Include.NON_NULL) Learned learned) {}

  /**
   * @param learned present only on a line fixed by what the review taught about the supplier (v4)
   */
  public record Line(
      String sku,
      String supplierCode,
      String description,
      BigDecimal qty,
      BigDecimal unitCost,
      BigDecimal ivaRatePct,
      BigDecimal lineTotal,
      BigDecimal discountPct,
      @JsonInclude(JsonInclude.Include.NON_NULL) Learned learned) {}

  /**
   * A value fixed by what the review taught about the supplier: the text as read, the reviewed
   * invoice it was learned from, the day that review was confirmed.
   */
  public record Learned(String read, String fromInvoiceId, LocalDate reviewedOn) {

    static Learned of(Invoice i, Integer line) {
      for (LearnedFix f : i.getLearnedFixes()) {
        if (Objects.equals(f.getLine(), line)) {
          return new Learned(f.getRead(), f.getFromInvoiceId(), f.getReviewedOn());
        }
      }
      return null;
    }
  }

  public record Source(String kind, String sha256, boolean qr) {}

  public static InvoiceView of(Invoice i, ZoneId zone) {
    List<Line> lines = new ArrayList<>();
    for (int k = 0; k < i.getLines().size(); k++) {
      lines.add(line(i.getLines().get(k), Learned.of(i, k)));
    }
    return new InvoiceView(
        i.getInvoiceId(),
        i.getKind().name(),
        new Supplier(i.getSupplier().getCuit(), i.getSupplier().getName(), Learned.of(i, null)),
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
        List.copyOf(i.getNotes()),
        i.getConfidence(),
        i.getDuplicate(),
        new Source(
            i.getSource().getKind().name(), i.getSource().getSha256(), i.getSource().getQr()),
        Json.instant(i.getReceivedAt(), zone),
        i.getRejectReason());
  }

  private static Line line(InvoiceLine l, Learned learned) {
    return new Line(
        l.getSku(),
        l.getSupplierCode(),
        l.getDescription(),
        l.getQty(),
        l.getUnitCost(),
        l.getIvaRatePct(),
        l.getLineTotal(),
        l.getDiscountPct(),
        learned);
  }
}
