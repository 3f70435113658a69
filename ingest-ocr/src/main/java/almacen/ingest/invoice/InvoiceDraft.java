package almacen.ingest.invoice;

import almacen.events.InvoiceKind;
import almacen.events.InvoiceType;
import almacen.events.SourceKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An invoice as read from a photo or PDF, or as typed: every field may be missing or wrong. {@link
 * InvoiceValidator} turns it into a {@link ValidationResult}. Values the server computes (id,
 * status, issues, duplicate) are not part of a draft.
 *
 * @param pricesIncludeIva what the document or client claims; null when not stated (derived from
 *     the type)
 * @param confidence 0..1 from OCR; 1.0 for MANUAL
 * @param kind invoice, credit or debit note; null when not stated (an invoice, or on /confirm the
 *     kind of the invoice being corrected)
 */
public record InvoiceDraft(
    String supplierCuit,
    String supplierName,
    InvoiceType type,
    Integer pointOfSale,
    Long number,
    LocalDate issueDate,
    String cae,
    String branch,
    Boolean pricesIncludeIva,
    List<Line> lines,
    BigDecimal netTotal,
    BigDecimal ivaTotal,
    BigDecimal otherTaxes,
    BigDecimal total,
    Source source,
    double confidence,
    InvoiceKind kind) {

  public InvoiceDraft {
    lines = lines == null ? List.of() : List.copyOf(lines);
  }

  /**
   * One line; {@code sku} may be null (resolved by the validator), numbers may be null when unread.
   *
   * @param discountPct the printed bonificación in percent; null when none was printed (0)
   */
  public record Line(
      String sku,
      String supplierCode,
      String description,
      BigDecimal qty,
      BigDecimal unitCost,
      BigDecimal ivaRatePct,
      BigDecimal lineTotal,
      BigDecimal discountPct) {

    /** A line without a bonificación. */
    public Line(
        String sku,
        String supplierCode,
        String description,
        BigDecimal qty,
        BigDecimal unitCost,
        BigDecimal ivaRatePct,
        BigDecimal lineTotal) {
      this(sku, supplierCode, description, qty, unitCost, ivaRatePct, lineTotal, null);
    }

    public Line withSkuAndRate(String newSku, BigDecimal newRate) {
      return new Line(
          newSku, supplierCode, description, qty, unitCost, newRate, lineTotal, discountPct);
    }

    /** The bonificación, 0 when none was printed. */
    public BigDecimal discountOrZero() {
      return discountPct == null ? BigDecimal.ZERO : discountPct;
    }
  }

  /** Where the invoice came from. */
  public record Source(SourceKind kind, String sha256, boolean qr) {

    public static Source manual() {
      return new Source(SourceKind.MANUAL, null, false);
    }
  }
}
