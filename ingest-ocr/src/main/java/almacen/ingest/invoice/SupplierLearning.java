package almacen.ingest.invoice;

import almacen.events.Invoice;
import almacen.events.InvoiceLine;
import almacen.events.LearnedFix;
import almacen.support.SupportConfiguration;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the review taught about each supplier (by CUIT), learned from the invoices topic alone: the
 * difference between an invoice as it was read (its NEEDS_REVIEW record) and as a person confirmed
 * it (the CONFIRMED record of the same id), plus the lines of invoices a person typed or confirmed.
 *
 * <ul>
 *   <li>description corrections: a text as read → the text, sku and supplier code confirmed;
 *   <li>known descriptions: texts a person confirmed for this supplier, with their sku;
 *   <li>the supplier's confirmed name, and the names it was misread as.
 * </ul>
 *
 * A correction is applied only to a text read exactly as the one corrected ({@link #key}: case and
 * runs of spaces aside), and only while it is unambiguous: two reviews that corrected the same text
 * differently, or a corrected text that is itself a description confirmed for this supplier (a real
 * product, not a misreading), switch it off. Never learned from an invoice the reader confirmed on
 * its own: only a person's decision teaches.
 */
public final class SupplierLearning {

  /** A correction learned from one review. */
  public record Correction(
      String description, String sku, String supplierCode, String readCode, LearnedFix from) {}

  /** A description a person confirmed for this supplier. */
  public record Known(String description, String sku, LearnedFix from) {}

  private static final class Supplier {
    final Map<String, Correction> corrections = new HashMap<>();
    final Set<String> ambiguous = new HashSet<>();
    final Map<String, Known> known = new HashMap<>();
    final Set<String> knownAmbiguous = new HashSet<>();
    final Map<String, String> nameCorrections = new HashMap<>();
    String name;
    LearnedFix nameFrom;
  }

  private final Map<String, Supplier> byCuit = new HashMap<>();

  /**
   * Learns from a person's decision: {@code confirmed} (CONFIRMED) of an invoice whose reading was
   * {@code read} (its NEEDS_REVIEW record), or null for an invoice typed or confirmed without a
   * review.
   */
  public synchronized void learn(Invoice read, Invoice confirmed) {
    Supplier s =
        byCuit.computeIfAbsent(digits(confirmed.getSupplier().getCuit()), c -> new Supplier());
    LearnedFix from = fromReview(confirmed, "");
    for (InvoiceLine line : confirmed.getLines()) {
      String k = key(line.getDescription());
      if (k.isEmpty()) {
        continue;
      }
      Known before = s.known.get(k);
      if (before != null && !Objects.equals(before.sku(), line.getSku())) {
        s.knownAmbiguous.add(k);
      }
      s.known.put(k, new Known(line.getDescription(), line.getSku(), from));
    }
    String name = confirmed.getSupplier().getName();
    if (name != null && !name.isBlank()) {
      s.name = name;
      s.nameFrom = from;
    }
    if (read == null) {
      return;
    }
    String readName = read.getSupplier().getName();
    if (readName != null && !key(readName).isEmpty() && !key(readName).equals(key(name))) {
      s.nameCorrections.put(key(readName), readName);
    }
    List<InvoiceLine[]> pairs = LinePairs.of(read.getLines(), confirmed.getLines());
    for (InvoiceLine[] pair : pairs) {
      String readText = readText(read, pair[0]);
      InvoiceLine c = pair[1];
      String k = key(readText);
      if (k.isEmpty() || k.equals(key(c.getDescription()))) {
        continue;
      }
      Correction correction =
          new Correction(
              c.getDescription(),
              c.getSku(),
              c.getSupplierCode(),
              pair[0].getSupplierCode(),
              fromReview(confirmed, readText));
      Correction before = s.corrections.put(k, correction);
      if (before != null
          && (!key(before.description()).equals(key(correction.description()))
              || !Objects.equals(before.sku(), correction.sku()))) {
        s.ambiguous.add(k);
      }
    }
  }

  /**
   * The correction of a text read on an invoice of this supplier: present only when it was
   * corrected before, unambiguously, and is not itself a description confirmed for the supplier.
   */
  public synchronized Optional<Correction> correction(String cuit, String readText) {
    Supplier s = byCuit.get(digits(cuit));
    String k = key(readText);
    if (s == null || k.isEmpty() || s.ambiguous.contains(k) || s.known.containsKey(k)) {
      return Optional.empty();
    }
    return Optional.ofNullable(s.corrections.get(k));
  }

  /** A description a person confirmed for this supplier, read exactly again ({@link #key}). */
  public synchronized Optional<Known> known(String cuit, String readText) {
    Supplier s = byCuit.get(digits(cuit));
    String k = key(readText);
    if (s == null || k.isEmpty()) {
      return Optional.empty();
    }
    return Optional.ofNullable(s.known.get(k));
  }

  /** The sku of a description confirmed for this supplier, when only one sku was ever given. */
  public synchronized Optional<String> skuForDescription(String cuit, String description) {
    Supplier s = byCuit.get(digits(cuit));
    String k = key(description);
    if (s == null || s.knownAmbiguous.contains(k)) {
      return Optional.empty();
    }
    return Optional.ofNullable(s.known.get(k)).map(Known::sku);
  }

  /**
   * The supplier's confirmed name for a name read: when the read name is one a review corrected
   * before, or when no name was read; empty when the read name is already the confirmed one.
   */
  public synchronized Optional<Correction> supplierName(String cuit, String readName) {
    Supplier s = byCuit.get(digits(cuit));
    if (s == null || s.name == null) {
      return Optional.empty();
    }
    String k = key(readName);
    if (k.equals(key(s.name)) || (!k.isEmpty() && !s.nameCorrections.containsKey(k))) {
      return Optional.empty();
    }
    LearnedFix from =
        LearnedFix.newBuilder(s.nameFrom).setRead(readName == null ? "" : readName).build();
    return Optional.of(new Correction(s.name, null, null, null, from));
  }

  /**
   * The key a read text is compared by: Unicode NFC, lower case, runs of white space as one space,
   * trimmed. Spacing is how OCR or a PDF's text layer happened to lay the words out and case does
   * not make another product; every other mark (digits, punctuation, letters) is kept, because
   * those are what a misreading changes.
   */
  static String key(String text) {
    if (text == null) {
      return "";
    }
    return Normalizer.normalize(text, Normalizer.Form.NFC)
        .toLowerCase(Locale.ROOT)
        .replaceAll("\\s+", " ")
        .strip();
  }

  /** A line's text as read: before a learned correction, if one was applied to it. */
  private static String readText(Invoice read, InvoiceLine line) {
    int index = read.getLines().indexOf(line);
    return read.getLearnedFixes().stream()
        .filter(f -> f.getLine() != null && f.getLine() == index)
        .map(LearnedFix::getRead)
        .findFirst()
        .orElse(line.getDescription());
  }

  private static LearnedFix fromReview(Invoice confirmed, String read) {
    LocalDate day =
        confirmed.getReceivedAt().atZone(SupportConfiguration.BUENOS_AIRES).toLocalDate();
    return new LearnedFix(null, read, confirmed.getInvoiceId(), day);
  }

  private static String digits(String cuit) {
    return cuit == null ? "" : cuit.replace("-", "");
  }

  /** Which read line became which confirmed line. */
  static final class LinePairs {

    private LinePairs() {}

    /**
     * As many lines on both: by position (a person corrects lines in place). Otherwise (lines added
     * or removed) a read line pairs with the one confirmed line of the same quantity and line
     * total, when exactly one has them.
     */
    static List<InvoiceLine[]> of(List<InvoiceLine> read, List<InvoiceLine> confirmed) {
      List<InvoiceLine[]> pairs = new ArrayList<>();
      if (read.size() == confirmed.size()) {
        for (int i = 0; i < read.size(); i++) {
          pairs.add(new InvoiceLine[] {read.get(i), confirmed.get(i)});
        }
        return pairs;
      }
      for (InvoiceLine r : read) {
        List<InvoiceLine> same =
            confirmed.stream()
                .filter(
                    c ->
                        c.getQty().compareTo(r.getQty()) == 0
                            && c.getLineTotal().compareTo(r.getLineTotal()) == 0)
                .toList();
        if (same.size() == 1) {
          pairs.add(new InvoiceLine[] {r, same.get(0)});
        }
      }
      return pairs;
    }
  }
}
