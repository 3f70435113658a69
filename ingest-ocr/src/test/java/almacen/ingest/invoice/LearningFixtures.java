package almacen.ingest.invoice;

import almacen.events.Invoice;
import almacen.events.InvoiceStatus;
import almacen.events.InvoiceType;
import almacen.events.SourceKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Invoices of one supplier as the reader reads them and as a person confirms them, for the tests of
 * {@link SupplierLearning}: type B (final prices), so totals are Σ lines and IVA is 0.
 */
final class LearningFixtures {

  static final String CUIT = "30-71234567-1";
  static final String OTHER_CUIT = "30-70000000-7";

  /** 2026-12-03 12:00 in Buenos Aires: the day of the first review. */
  static final Instant REVIEWED_AT = Instant.parse("2026-12-03T15:00:00Z");

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-10T15:00:00Z"), ZoneOffset.UTC);

  private LearningFixtures() {}

  static InMemoryProducts catalogue() {
    return new InMemoryProducts()
        .add("ALM000010", "Galletitas Blancaflor clásicas 300 g", null, "21")
        .add("ALM000011", "Puré de tomate Arcor 520 g", null, "21")
        .add("ALM000012", "Aceite de girasol Natura 900 ml", null, "21")
        .add("ALM000013", "Galletitas Blancaflor rellenas 300 g", null, "21");
  }

  /** The catalogue, plus the descriptions the ledger learned from this supplier's reviews. */
  static ProductLookup lookup(InMemoryProducts products, InvoiceLedger ledger) {
    return new ProductLookup() {
      @Override
      public Optional<KnownProduct> bySku(String sku) {
        return products.bySku(sku);
      }

      @Override
      public Optional<KnownProduct> byEan(String ean) {
        return products.byEan(ean);
      }

      @Override
      public Optional<KnownProduct> bySupplierCode(String cuitDigits, String supplierCode) {
        return products.bySupplierCode(cuitDigits, supplierCode);
      }

      @Override
      public Optional<KnownProduct> bySupplierDescription(String cuitDigits, String description) {
        return ledger
            .learning()
            .skuForDescription(cuitDigits, description)
            .flatMap(products::bySku);
      }

      @Override
      public Optional<KnownProduct> byDescription(String description) {
        return products.byDescription(description);
      }
    };
  }

  static InvoiceService service(InvoiceLedger ledger) {
    return new InvoiceService(
        new InvoiceValidator(lookup(catalogue(), ledger), CLOCK), ledger, null, null, CLOCK, null);
  }

  /** A line without a sku: description, qty, unit price; total = qty × price. */
  static InvoiceDraft.Line line(String code, String description, String qty, String price) {
    BigDecimal q = new BigDecimal(qty);
    BigDecimal p = new BigDecimal(price);
    return new InvoiceDraft.Line(
        null, code, description, q, p, null, q.multiply(p).setScale(2, RoundingMode.HALF_UP));
  }

  static InvoiceDraft.Line withSku(InvoiceDraft.Line l, String sku, String description) {
    return new InvoiceDraft.Line(
        sku,
        l.supplierCode(),
        description,
        l.qty(),
        l.unitCost(),
        l.ivaRatePct(),
        l.lineTotal(),
        l.discountPct());
  }

  /** A read Factura B of {@code cuit}, number {@code number}, whose totals add up. */
  static InvoiceDraft read(String cuit, String name, long number, List<InvoiceDraft.Line> lines) {
    BigDecimal total =
        lines.stream().map(InvoiceDraft.Line::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
    return new InvoiceDraft(
        cuit,
        name,
        InvoiceType.B,
        4,
        number,
        LocalDate.parse("2026-12-01"),
        null,
        "central",
        null,
        lines,
        total,
        BigDecimal.ZERO,
        BigDecimal.ZERO,
        total,
        new InvoiceDraft.Source(SourceKind.PHOTO, "sha-" + cuit + "-" + number, false),
        0.9,
        null);
  }

  /** The draft with its lines and name as a person confirmed them. */
  static InvoiceDraft corrected(InvoiceDraft read, String name, List<InvoiceDraft.Line> lines) {
    BigDecimal total =
        lines.stream().map(InvoiceDraft.Line::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
    return new InvoiceDraft(
        read.supplierCuit(),
        name,
        read.type(),
        read.pointOfSale(),
        read.number(),
        read.issueDate(),
        read.cae(),
        read.branch(),
        null,
        lines,
        total,
        BigDecimal.ZERO,
        BigDecimal.ZERO,
        total,
        read.source(),
        read.confidence(),
        null);
  }

  /** The record the reader published: NEEDS_REVIEW with its notices. */
  static Invoice needsReview(InvoiceService service, InvoiceDraft read, List<String> notices) {
    ValidationResult r = service.validateRead(read, notices);
    return Invoice.newBuilder(r.toEvent(REVIEWED_AT.minusSeconds(3600)))
        .setStatus(InvoiceStatus.NEEDS_REVIEW)
        .build();
  }

  /** The record of a person's confirmation, on {@link #REVIEWED_AT}. */
  static Invoice confirmed(InvoiceDraft corrected, boolean typed) {
    InvoiceDraft d =
        typed
            ? new InvoiceDraft(
                corrected.supplierCuit(),
                corrected.supplierName(),
                corrected.type(),
                corrected.pointOfSale(),
                corrected.number(),
                corrected.issueDate(),
                corrected.cae(),
                corrected.branch(),
                null,
                corrected.lines(),
                corrected.netTotal(),
                corrected.ivaTotal(),
                corrected.otherTaxes(),
                corrected.total(),
                InvoiceDraft.Source.manual(),
                1.0,
                null)
            : corrected;
    ValidationResult r = new InvoiceValidator(catalogue(), CLOCK).validate(d);
    if (!r.confirmed()) {
      throw new IllegalStateException("fixture not confirmable: " + r.messages());
    }
    return r.toEvent(REVIEWED_AT);
  }

  static List<String> notices(String... n) {
    return new ArrayList<>(List.of(n));
  }
}
