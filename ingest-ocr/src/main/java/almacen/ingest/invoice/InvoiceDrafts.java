package almacen.ingest.invoice;

import almacen.events.Invoice;
import java.util.List;

/** Conversions between published invoices and drafts, and the merge used by /confirm. */
public final class InvoiceDrafts {

  private InvoiceDrafts() {}

  public static InvoiceDraft fromEvent(Invoice i) {
    List<InvoiceDraft.Line> lines =
        i.getLines().stream()
            .map(
                l ->
                    new InvoiceDraft.Line(
                        l.getSku(),
                        l.getSupplierCode(),
                        l.getDescription(),
                        l.getQty(),
                        l.getUnitCost(),
                        l.getIvaRatePct(),
                        l.getLineTotal(),
                        l.getDiscountPct()))
            .toList();
    return new InvoiceDraft(
        i.getSupplier().getCuit(),
        i.getSupplier().getName(),
        i.getType(),
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
        new InvoiceDraft.Source(
            i.getSource().getKind(), i.getSource().getSha256(), i.getSource().getQr()),
        i.getConfidence(),
        i.getKind());
  }

  /**
   * The corrected invoice, with every field it leaves out taken from {@code base}; lines are
   * replaced as a whole when the correction has any. Source and confidence stay those of the base
   * (how the invoice was read); the kind is the base's unless the correction names one.
   */
  public static InvoiceDraft merge(InvoiceDraft corrected, InvoiceDraft base) {
    return new InvoiceDraft(
        or(corrected.supplierCuit(), base.supplierCuit()),
        or(corrected.supplierName(), base.supplierName()),
        or(corrected.type(), base.type()),
        or(corrected.pointOfSale(), base.pointOfSale()),
        or(corrected.number(), base.number()),
        or(corrected.issueDate(), base.issueDate()),
        or(corrected.cae(), base.cae()),
        or(corrected.branch(), base.branch()),
        corrected.pricesIncludeIva(),
        corrected.lines().isEmpty() ? base.lines() : corrected.lines(),
        or(corrected.netTotal(), base.netTotal()),
        or(corrected.ivaTotal(), base.ivaTotal()),
        or(corrected.otherTaxes(), base.otherTaxes()),
        or(corrected.total(), base.total()),
        base.source(),
        base.confidence(),
        or(corrected.kind(), base.kind()));
  }

  private static <T> T or(T value, T fallback) {
    return value != null ? value : fallback;
  }
}
