package almacen.ingest.invoice;

import almacen.events.LearnedFix;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A reading with what the review taught about its supplier applied ({@link SupplierLearning}), once
 * the CUIT is known.
 *
 * <ul>
 *   <li>A line whose description was read exactly as one a review corrected before gets the
 *       confirmed text, sku and supplier code, unless the line's code contradicts the learned one
 *       (another product). The reader's doubts about that row's text are settled by it.
 *   <li>A line read exactly as a description a person confirmed for this supplier keeps its text;
 *       the reader's doubts about that text are settled (and said so on the line).
 *   <li>A supplier name read as one a review corrected before (or not read) becomes the confirmed
 *       name.
 * </ul>
 *
 * Only text is ever changed or settled: quantities, prices, totals, the header's identity and every
 * other notice stay as read, and the validator's checks (line products, Σ lines, IVA per rate,
 * total) still decide CONFIRMED. So learning alone never confirms an invoice whose numbers do not
 * hold.
 *
 * @param draft the draft with the learned corrections
 * @param notices the reader's notices still open
 * @param lineFixes by line index (0-based): the learning applied to it
 * @param supplierName the learning that gave the supplier's name, or null
 */
public record LearnedReading(
    InvoiceDraft draft,
    List<String> notices,
    Map<Integer, LearnedFix> lineFixes,
    LearnedFix supplierName) {

  public LearnedReading {
    notices = List.copyOf(notices);
    lineFixes = Map.copyOf(lineFixes);
  }

  /** A reading no learning touched. */
  public static LearnedReading none(InvoiceDraft draft, List<String> notices) {
    return new LearnedReading(draft, notices, Map.of(), null);
  }

  /** Applies {@code learning} to a draft read from a photo or PDF and the reader's notices. */
  public static LearnedReading apply(
      SupplierLearning learning, InvoiceDraft draft, List<String> notices) {
    Optional<Cuit> cuit = Cuit.parse(draft.supplierCuit());
    if (cuit.isEmpty()) {
      return none(draft, notices);
    }
    String cuitDigits = cuit.get().digits();
    List<String> open = new ArrayList<>(notices);
    Map<Integer, LearnedFix> fixes = new HashMap<>();
    List<InvoiceDraft.Line> lines = new ArrayList<>();
    for (int i = 0; i < draft.lines().size(); i++) {
      InvoiceDraft.Line line = draft.lines().get(i);
      int row = i + 1;
      String read = line.description();
      Optional<SupplierLearning.Correction> correction =
          learning.correction(cuitDigits, read).filter(c -> sameProductCode(line, c));
      if (correction.isPresent()) {
        SupplierLearning.Correction c = correction.get();
        String code = c.supplierCode() != null ? c.supplierCode() : line.supplierCode();
        open.removeIf(
            n ->
                ReaderDoubts.aboutDescription(n, row, read)
                    || (line.supplierCode() != null
                        && Objects.equals(code, c.supplierCode())
                        && ReaderDoubts.aboutCode(n, row, line.supplierCode())));
        lines.add(
            new InvoiceDraft.Line(
                c.sku(),
                code,
                c.description(),
                line.qty(),
                line.unitCost(),
                line.ivaRatePct(),
                line.lineTotal(),
                line.discountPct()));
        fixes.put(i, LearnedFix.newBuilder(c.from()).setRead(read).build());
        continue;
      }
      Optional<SupplierLearning.Known> known = learning.known(cuitDigits, read);
      if (known.isPresent() && open.removeIf(n -> ReaderDoubts.aboutDescription(n, row, read))) {
        fixes.put(i, LearnedFix.newBuilder(known.get().from()).setRead(read).build());
      }
      lines.add(line);
    }
    Optional<SupplierLearning.Correction> name =
        learning.supplierName(cuitDigits, draft.supplierName());
    InvoiceDraft learned =
        new InvoiceDraft(
            draft.supplierCuit(),
            name.map(SupplierLearning.Correction::description).orElse(draft.supplierName()),
            draft.type(),
            draft.pointOfSale(),
            draft.number(),
            draft.issueDate(),
            draft.cae(),
            draft.branch(),
            draft.pricesIncludeIva(),
            lines,
            draft.netTotal(),
            draft.ivaTotal(),
            draft.otherTaxes(),
            draft.total(),
            draft.source(),
            draft.confidence(),
            draft.kind());
    return new LearnedReading(
        learned, open, fixes, name.map(SupplierLearning.Correction::from).orElse(null));
  }

  /**
   * A code read on the line that is neither the code confirmed nor the one read when the correction
   * was learned names another product: the correction is not for it.
   */
  private static boolean sameProductCode(
      InvoiceDraft.Line line, SupplierLearning.Correction correction) {
    String code = line.supplierCode() == null ? null : line.supplierCode().strip();
    if (code == null || code.isEmpty() || correction.supplierCode() == null) {
      return true;
    }
    return code.equals(correction.supplierCode()) || code.equals(correction.readCode());
  }
}
