package almacen.ingest.web;

import almacen.events.Invoice;
import almacen.events.InvoiceKind;
import almacen.events.InvoiceLine;
import almacen.events.LearnedFix;
import almacen.ingest.invoice.InvoiceDraft;
import almacen.ingest.invoice.ValidationResult;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The Invoice JSON of CONTRACT.md, in and out. */
public final class InvoiceJson {

  private InvoiceJson() {}

  /**
   * A typed or corrected invoice. Values the server computes (invoiceId, status, issues,
   * confidence, duplicate, source) are accepted and ignored. {@code kind} INVOICE, CREDIT_NOTE or
   * DEBIT_NOTE (absent: an invoice; on a correction, the corrected document's kind).
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Request(
      SupplierJson supplier,
      String type,
      Integer pointOfSale,
      Long number,
      String issueDate,
      String cae,
      String branch,
      Boolean pricesIncludeIva,
      List<LineJson> lines,
      BigDecimal netTotal,
      BigDecimal ivaTotal,
      BigDecimal otherTaxes,
      BigDecimal total,
      String kind) {}

  /** The longest rejection reason kept. */
  static final int MAX_REASON = 200;

  /** The optional body of {@code POST /api/invoices/{id}/reject}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Rejection(String reason) {}

  /**
   * @param learned only in answers, and only when the name was taken from what a person confirmed
   *     before for this CUIT (absent otherwise; ignored in requests)
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record SupplierJson(
      String cuit, String name, @JsonInclude(JsonInclude.Include.NON_NULL) LearnedJson learned) {

    public SupplierJson(String cuit, String name) {
      this(cuit, name, null);
    }
  }

  /**
   * @param learned only in answers, and only on a line fixed by the supplier's learned correction
   *     (absent otherwise; ignored in requests)
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record LineJson(
      String sku,
      String supplierCode,
      String description,
      BigDecimal qty,
      BigDecimal unitCost,
      BigDecimal ivaRatePct,
      BigDecimal lineTotal,
      BigDecimal discountPct,
      @JsonInclude(JsonInclude.Include.NON_NULL) LearnedJson learned) {

    public LineJson(
        String sku,
        String supplierCode,
        String description,
        BigDecimal qty,
        BigDecimal unitCost,
        BigDecimal ivaRatePct,
        BigDecimal lineTotal,
        BigDecimal discountPct) {
      this(sku, supplierCode, description, qty, unitCost, ivaRatePct, lineTotal, discountPct, null);
    }
  }

  /**
   * A value fixed by what the review taught about the supplier: the text as it was read, the
   * reviewed invoice it was learned from and the day that review was confirmed ({@code
   * yyyy-MM-dd}).
   */
  public record LearnedJson(String read, String fromInvoiceId, String reviewedOn) {

    static LearnedJson of(LearnedFix fix) {
      return fix == null
          ? null
          : new LearnedJson(fix.getRead(), fix.getFromInvoiceId(), fix.getReviewedOn().toString());
    }
  }

  public record SourceJson(String kind, String sha256, boolean qr) {}

  public record View(
      String invoiceId,
      String kind,
      SupplierJson supplier,
      String type,
      Integer pointOfSale,
      Long number,
      String issueDate,
      String cae,
      String branch,
      boolean pricesIncludeIva,
      List<LineJson> lines,
      BigDecimal netTotal,
      BigDecimal ivaTotal,
      BigDecimal otherTaxes,
      BigDecimal total,
      String status,
      List<String> issues,
      List<String> notes,
      double confidence,
      boolean duplicate,
      SourceJson source,
      String rejectReason) {}

  /**
   * A validated draft that may be incomplete (previews publish nothing, so nothing must be filled
   * in).
   */
  public static View view(ValidationResult r) {
    InvoiceDraft d = r.invoice();
    InvoiceDraft.Source source = d.source() == null ? InvoiceDraft.Source.manual() : d.source();
    return new View(
        r.invoiceId(),
        (d.kind() == null ? InvoiceKind.INVOICE : d.kind()).name(),
        new SupplierJson(
            d.supplierCuit(), d.supplierName(), LearnedJson.of(r.learnedSupplierName())),
        d.type() == null ? null : d.type().name(),
        d.pointOfSale(),
        d.number(),
        d.issueDate() == null ? null : d.issueDate().toString(),
        d.cae(),
        d.branch(),
        r.pricesIncludeIva(),
        lines(r),
        d.netTotal(),
        d.ivaTotal(),
        d.otherTaxes(),
        d.total(),
        r.status().name(),
        r.messages(),
        r.notes(),
        d.confidence(),
        false,
        new SourceJson(source.kind().name(), source.sha256(), source.qr()),
        null);
  }

  private static List<LineJson> lines(ValidationResult r) {
    List<InvoiceDraft.Line> lines = r.invoice().lines();
    List<LineJson> out = new ArrayList<>();
    for (int k = 0; k < lines.size(); k++) {
      InvoiceDraft.Line l = lines.get(k);
      out.add(
          new LineJson(
              l.sku(),
              l.supplierCode(),
              l.description(),
              l.qty(),
              l.unitCost(),
              l.ivaRatePct(),
              l.lineTotal(),
              l.discountOrZero(),
              LearnedJson.of(r.learned(k))));
    }
    return out;
  }

  private static List<LineJson> lines(Invoice i) {
    List<LineJson> out = new ArrayList<>();
    for (int k = 0; k < i.getLines().size(); k++) {
      InvoiceLine l = i.getLines().get(k);
      out.add(
          new LineJson(
              l.getSku(),
              l.getSupplierCode(),
              l.getDescription(),
              l.getQty(),
              l.getUnitCost(),
              l.getIvaRatePct(),
              l.getLineTotal(),
              l.getDiscountPct(),
              LearnedJson.of(learned(i, k))));
    }
    return out;
  }

  /** The learned fix of line {@code index}, or of the supplier's name when null. */
  private static LearnedFix learned(Invoice i, Integer index) {
    return i.getLearnedFixes().stream()
        .filter(f -> Objects.equals(f.getLine(), index))
        .findFirst()
        .orElse(null);
  }

  public static View view(Invoice i) {
    return new View(
        i.getInvoiceId(),
        i.getKind().name(),
        new SupplierJson(
            i.getSupplier().getCuit(), i.getSupplier().getName(), LearnedJson.of(learned(i, null))),
        i.getType().name(),
        i.getPointOfSale(),
        i.getNumber(),
        i.getIssueDate().toString(),
        i.getCae(),
        i.getBranch(),
        i.getPricesIncludeIva(),
        lines(i),
        i.getNetTotal(),
        i.getIvaTotal(),
        i.getOtherTaxes(),
        i.getTotal(),
        i.getStatus().name(),
        List.copyOf(i.getIssues()),
        List.copyOf(i.getNotes()),
        i.getConfidence(),
        i.getDuplicate(),
        new SourceJson(
            i.getSource().getKind().name(), i.getSource().getSha256(), i.getSource().getQr()),
        i.getRejectReason());
  }
}
