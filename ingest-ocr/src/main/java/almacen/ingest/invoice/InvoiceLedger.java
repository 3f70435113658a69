package almacen.ingest.invoice;

import almacen.events.Invoice;
import almacen.events.InvoiceLine;
import almacen.events.InvoiceStatus;
import almacen.events.SourceKind;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every invoice ingest has seen, rebuilt at start from the invoices topic and updated on each
 * publish: by id, by image sha256, and the supplier codes learned from CONFIRMED invoices (supplier
 * CUIT + supplierCode → sku). A CONFIRMED invoice is never replaced by a later record of another
 * status, a REJECTED one never by a NEEDS_REVIEW one. What the review taught about each supplier
 * ({@link SupplierLearning}) is learned here too, from the same records: a CONFIRMED record of an
 * invoice that was NEEDS_REVIEW (a person's correction), or of a typed one.
 */
public final class InvoiceLedger {

  private final Map<String, Invoice> byId = new HashMap<>();
  private final Map<String, String> idBySha256 = new HashMap<>();
  private final Map<String, String> skuBySupplierCode = new HashMap<>();
  private final Map<String, Set<String>> supplierCodesBySku = new HashMap<>();
  private final SupplierLearning learning = new SupplierLearning();

  public synchronized void apply(Invoice invoice) {
    if (invoice == null) {
      return;
    }
    Invoice known = byId.get(invoice.getInvoiceId());
    if (known != null && !replaces(known.getStatus(), invoice.getStatus())) {
      return;
    }
    if (invoice.getStatus() == InvoiceStatus.CONFIRMED) {
      if (known != null && known.getStatus() == InvoiceStatus.NEEDS_REVIEW) {
        learning.learn(known, invoice);
      } else if (known == null && invoice.getSource().getKind() == SourceKind.MANUAL) {
        learning.learn(null, invoice);
      }
    }
    byId.put(invoice.getInvoiceId(), invoice);
    if (invoice.getSource() != null && invoice.getSource().getSha256() != null) {
      idBySha256.putIfAbsent(invoice.getSource().getSha256(), invoice.getInvoiceId());
    }
    if (invoice.getStatus() == InvoiceStatus.CONFIRMED) {
      String cuit = digits(invoice.getSupplier().getCuit());
      for (InvoiceLine line : invoice.getLines()) {
        if (line.getSku() != null
            && line.getSupplierCode() != null
            && !line.getSupplierCode().isBlank()) {
          learnCode(cuit, line.getSupplierCode().strip(), line.getSku());
        }
      }
    }
  }

  /**
   * Whether a record with status {@code next} takes the place of a known one: a CONFIRMED invoice
   * stays confirmed, a REJECTED one never goes back to the queue (ingest publishes neither; this
   * keeps the index right whatever the topic holds).
   */
  static boolean replaces(InvoiceStatus known, InvoiceStatus next) {
    if (known == InvoiceStatus.CONFIRMED) {
      return next == InvoiceStatus.CONFIRMED;
    }
    if (known == InvoiceStatus.REJECTED) {
      return next != InvoiceStatus.NEEDS_REVIEW;
    }
    return true;
  }

  public synchronized Optional<Invoice> byId(String invoiceId) {
    return Optional.ofNullable(byId.get(invoiceId));
  }

  public synchronized Optional<Invoice> bySha256(String sha256) {
    return Optional.ofNullable(idBySha256.get(sha256)).map(byId::get);
  }

  /** A code now names {@code sku} for this supplier, and no longer the sku it named before. */
  private void learnCode(String cuit, String code, String sku) {
    String before = skuBySupplierCode.put(key(cuit, code), sku);
    if (before != null && !before.equals(sku)) {
      supplierCodesBySku.getOrDefault(key(cuit, before), new HashSet<>()).remove(code);
    }
    supplierCodesBySku.computeIfAbsent(key(cuit, sku), k -> new HashSet<>()).add(code);
  }

  /** The codes this supplier's confirmed invoices gave {@code sku}; empty if none. */
  public synchronized Set<String> supplierCodes(String cuitDigits, String sku) {
    return Set.copyOf(supplierCodesBySku.getOrDefault(key(digits(cuitDigits), sku), Set.of()));
  }

  public synchronized Optional<String> skuForSupplierCode(String cuitDigits, String supplierCode) {
    return Optional.ofNullable(skuBySupplierCode.get(key(digits(cuitDigits), supplierCode)));
  }

  /** What the review taught about each supplier; rebuilt with the ledger. */
  public SupplierLearning learning() {
    return learning;
  }

  public synchronized int size() {
    return byId.size();
  }

  private static String key(String cuitDigits, String supplierCode) {
    return cuitDigits + "|" + supplierCode.strip();
  }

  private static String digits(String cuit) {
    return cuit.replace("-", "");
  }
}
