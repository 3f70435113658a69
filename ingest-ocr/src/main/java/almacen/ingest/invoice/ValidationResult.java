package almacen.ingest.invoice;

import almacen.domain.Decimals;
import almacen.events.Invoice;
import almacen.events.InvoiceKind;
import almacen.events.InvoiceLine;
import almacen.events.InvoiceSource;
import almacen.events.InvoiceStatus;
import almacen.events.LearnedFix;
import almacen.events.Supplier;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The outcome of {@link InvoiceValidator#validate}: the draft with server-computed values (skus
 * resolved, IVA rates of B/C lines, pricesIncludeIva, invoice id) and the issues found. CONFIRMED
 * exactly when there is no issue. The typed-JSON path answers 422 on issues; the OCR path publishes
 * a NEEDS_REVIEW invoice instead (and may add its own issues with {@link #withIssue}).
 *
 * @param invoiceId null when the identity (CUIT, type, point of sale, number) is incomplete
 * @param expectedNet Σ lineTotal
 * @param expectedIva A/M: IVA per rate on Σ net lines at that rate, half-up to the centavo; B/C: 0
 * @param learnedLines by line index (0-based): the supplier's learned correction applied to it
 *     ({@link LearnedReading}); empty for typed invoices
 * @param learnedSupplierName the learning that gave the supplier's name, or null
 * @param notes what the reader corrected on its own and proved ({@code ReadInvoice.notes}): said on
 *     the invoice, never a reason for review; empty for typed invoices
 */
public record ValidationResult(
    String invoiceId,
    InvoiceDraft invoice,
    boolean pricesIncludeIva,
    BigDecimal expectedNet,
    BigDecimal expectedIva,
    List<Issue> issues,
    Map<Integer, LearnedFix> learnedLines,
    LearnedFix learnedSupplierName,
    List<String> notes) {

  public ValidationResult {
    issues = List.copyOf(issues);
    learnedLines = Map.copyOf(learnedLines);
    notes = List.copyOf(notes);
  }

  /** A result without learned corrections. */
  public ValidationResult(
      String invoiceId,
      InvoiceDraft invoice,
      boolean pricesIncludeIva,
      BigDecimal expectedNet,
      BigDecimal expectedIva,
      List<Issue> issues) {
    this(
        invoiceId,
        invoice,
        pricesIncludeIva,
        expectedNet,
        expectedIva,
        issues,
        Map.of(),
        null,
        List.of());
  }

  /** This result with the learning that was applied to the draft before it was validated. */
  public ValidationResult withLearned(LearnedReading learned) {
    return with(issues, learned.lineFixes(), learned.supplierName(), notes);
  }

  /** This result with the reader's notes ({@code ReadInvoice.notes}). */
  public ValidationResult withNotes(List<String> readerNotes) {
    return with(issues, learnedLines, learnedSupplierName, readerNotes);
  }

  private ValidationResult with(
      List<Issue> newIssues,
      Map<Integer, LearnedFix> newLearnedLines,
      LearnedFix newLearnedName,
      List<String> newNotes) {
    return new ValidationResult(
        invoiceId,
        invoice,
        pricesIncludeIva,
        expectedNet,
        expectedIva,
        newIssues,
        newLearnedLines,
        newLearnedName,
        newNotes);
  }

  /** The learned corrections as published: the supplier's name first, then by line. */
  public List<LearnedFix> learnedFixes() {
    List<LearnedFix> all = new ArrayList<>();
    if (learnedSupplierName != null) {
      all.add(LearnedFix.newBuilder(learnedSupplierName).setLine(null).build());
    }
    learnedLines.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> all.add(LearnedFix.newBuilder(e.getValue()).setLine(e.getKey()).build()));
    return all;
  }

  /** The learned correction of line {@code index} (0-based), or null. */
  public LearnedFix learned(int index) {
    return learnedLines.get(index);
  }

  public InvoiceStatus status() {
    return issues.isEmpty() ? InvoiceStatus.CONFIRMED : InvoiceStatus.NEEDS_REVIEW;
  }

  public boolean confirmed() {
    return issues.isEmpty();
  }

  public List<String> messages() {
    return issues.stream().map(Issue::message).toList();
  }

  /** The code of the first issue, the {@code reason} of metrics; "none" when CONFIRMED. */
  public String reason() {
    return issues.isEmpty() ? "none" : issues.get(0).code().tag();
  }

  public ValidationResult withIssue(Issue issue) {
    List<Issue> more = new ArrayList<>(issues);
    more.add(issue);
    return with(more, learnedLines, learnedSupplierName, notes);
  }

  /** Whether the identity is complete enough to publish (as CONFIRMED or NEEDS_REVIEW). */
  public boolean publishable() {
    return invoiceId != null && invoice.issueDate() != null;
  }

  /**
   * The event to publish. Values that could not be read are published as 0 / empty, the issues say
   * so; totals missing from the draft take the computed values.
   *
   * @throws IllegalStateException when not {@link #publishable()}
   */
  public Invoice toEvent(Instant receivedAt) {
    if (!publishable()) {
      throw new IllegalStateException("Invoice identity or issue date incomplete: " + messages());
    }
    InvoiceDraft d = invoice;
    List<InvoiceLine> lines = new ArrayList<>();
    for (InvoiceDraft.Line l : d.lines()) {
      lines.add(
          InvoiceLine.newBuilder()
              .setSku(l.sku())
              .setSupplierCode(l.supplierCode())
              .setDescription(l.description() == null ? "" : l.description())
              .setQty(Decimals.qty(orZero(l.qty())))
              .setUnitCost(Decimals.unitCost(orZero(l.unitCost())))
              .setIvaRatePct(Decimals.rate(orZero(l.ivaRatePct())))
              .setLineTotal(Decimals.money(orZero(l.lineTotal())))
              .setDiscountPct(Decimals.rate(l.discountOrZero()))
              .build());
    }
    BigDecimal net = d.netTotal() == null ? expectedNet : d.netTotal();
    BigDecimal iva = d.ivaTotal() == null ? expectedIva : d.ivaTotal();
    BigDecimal other = d.otherTaxes() == null ? BigDecimal.ZERO : d.otherTaxes();
    BigDecimal total = d.total() == null ? net.add(iva).add(other) : d.total();
    InvoiceDraft.Source source = d.source() == null ? InvoiceDraft.Source.manual() : d.source();
    return Invoice.newBuilder()
        .setInvoiceId(invoiceId)
        .setSupplier(
            new Supplier(
                Cuit.parse(d.supplierCuit()).orElseThrow().formatted(),
                d.supplierName() == null ? "" : d.supplierName()))
        .setType(d.type())
        .setPointOfSale(d.pointOfSale())
        .setNumber(d.number())
        .setIssueDate(d.issueDate())
        .setCae(d.cae())
        .setBranch(d.branch())
        .setPricesIncludeIva(pricesIncludeIva)
        .setLines(lines)
        .setNetTotal(Decimals.money(net))
        .setIvaTotal(Decimals.money(iva))
        .setOtherTaxes(Decimals.money(other))
        .setTotal(Decimals.money(total))
        .setStatus(status())
        .setIssues(messages())
        .setConfidence(d.confidence())
        .setDuplicate(false)
        .setSource(new InvoiceSource(source.kind(), source.sha256(), source.qr()))
        .setReceivedAt(receivedAt)
        .setKind(d.kind() == null ? InvoiceKind.INVOICE : d.kind())
        .setLearnedFixes(learnedFixes())
        .setNotes(notes)
        .build();
  }

  private static BigDecimal orZero(BigDecimal v) {
    return v == null ? BigDecimal.ZERO : v;
  }
}
