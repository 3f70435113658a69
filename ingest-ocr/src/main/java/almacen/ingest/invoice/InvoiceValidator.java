package almacen.ingest.invoice;

import almacen.domain.Bounds;
import almacen.domain.CostBasis;
import almacen.domain.Iva;
import almacen.events.InvoiceKind;
import almacen.events.InvoiceType;
import almacen.ingest.validation.Fields;
import almacen.support.SupportConfiguration;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The consistency rules of an Argentine supplier invoice (CONTRACT.md "Invoice JSON"). Pure: the
 * catalogue comes in through {@link ProductLookup}, today through the clock (Buenos Aires). Never
 * throws on bad content: every problem is an {@link Issue}.
 */
public final class InvoiceValidator {

  /** Totals and line products are consistent within $ 1.00. */
  public static final BigDecimal TOLERANCE = new BigDecimal("1.00");

  /** The rate of a B/C line whose product is unknown. */
  public static final BigDecimal DEFAULT_IVA_RATE = new BigDecimal("21");

  private static final BigDecimal HUNDRED = new BigDecimal("100");

  private final ProductLookup products;
  private final Clock clock;

  public InvoiceValidator(ProductLookup products, Clock clock) {
    this.products = products;
    this.clock = clock;
  }

  /**
   * Whether this type discriminates IVA (A, M: false) or states final prices (B, C: true): {@link
   * Iva}.
   */
  public static boolean pricesIncludeIva(InvoiceType type) {
    return Iva.pricesIncludeIva(type);
  }

  /** IVA per rate: Σ net lines at each rate × rate / 100, rounded half-up to the centavo. */
  public static Map<BigDecimal, BigDecimal> ivaByRate(List<InvoiceDraft.Line> lines) {
    Map<BigDecimal, BigDecimal> netByRate = new TreeMap<>();
    for (InvoiceDraft.Line line : lines) {
      if (line.ivaRatePct() == null || line.lineTotal() == null) {
        continue;
      }
      netByRate.merge(line.ivaRatePct().stripTrailingZeros(), line.lineTotal(), BigDecimal::add);
    }
    Map<BigDecimal, BigDecimal> iva = new TreeMap<>();
    netByRate.forEach(
        (rate, net) -> iva.put(rate, net.multiply(rate).divide(HUNDRED, 2, RoundingMode.HALF_UP)));
    return iva;
  }

  public static BigDecimal ivaTotal(List<InvoiceDraft.Line> lines) {
    return ivaByRate(lines).values().stream()
        .reduce(BigDecimal.ZERO, BigDecimal::add)
        .setScale(2, RoundingMode.HALF_UP);
  }

  public static boolean withinTolerance(BigDecimal expected, BigDecimal actual) {
    return expected.subtract(actual).abs().compareTo(TOLERANCE) <= 0;
  }

  /** A typed invoice, or a person's correction: what it says is what the person meant. */
  public ValidationResult validate(InvoiceDraft draft) {
    return validate(draft, false);
  }

  /**
   * An invoice as the reader read it: also doubts a line whose code and description disagree about
   * the product ({@link #checkCodeAgainstDescription}), since one of the two was misread.
   */
  public ValidationResult validateRead(InvoiceDraft draft) {
    return validate(draft, true);
  }

  private ValidationResult validate(InvoiceDraft draft, boolean read) {
    List<Issue> issues = new ArrayList<>();
    Optional<Cuit> cuit = Cuit.parse(draft.supplierCuit());
    if (cuit.isEmpty()) {
      issues.add(
          new Issue(
              IssueCode.INVALID_CUIT,
              draft.supplierCuit() == null
                  ? "supplier CUIT is missing"
                  : "supplier CUIT '"
                      + draft.supplierCuit()
                      + "' is not valid (11 digits with a mod-11 check digit)"));
    }
    InvoiceType type = draft.type();
    if (type == null) {
      issues.add(new Issue(IssueCode.MISSING_FIELD, "invoice type (A, B, C or M) is missing"));
    }
    boolean posOk =
        draft.pointOfSale() != null
            && draft.pointOfSale() >= 1
            && draft.pointOfSale() <= InvoiceIds.MAX_POINT_OF_SALE;
    if (!posOk) {
      issues.add(
          new Issue(
              IssueCode.MISSING_FIELD, "pointOfSale must be 1 to " + InvoiceIds.MAX_POINT_OF_SALE));
    }
    boolean numberOk =
        draft.number() != null && draft.number() >= 1 && draft.number() <= InvoiceIds.MAX_NUMBER;
    if (!numberOk) {
      issues.add(
          new Issue(IssueCode.MISSING_FIELD, "number must be 1 to " + InvoiceIds.MAX_NUMBER));
    }
    InvoiceKind kind = draft.kind() == null ? InvoiceKind.INVOICE : draft.kind();
    String invoiceId =
        cuit.isPresent() && type != null && posOk && numberOk
            ? InvoiceIds.of(cuit.get(), kind, type, draft.pointOfSale(), draft.number())
            : null;
    checkIssueDate(draft.issueDate(), issues);

    boolean includesIva =
        type == null ? Boolean.TRUE.equals(draft.pricesIncludeIva()) : pricesIncludeIva(type);
    if (type != null
        && draft.pricesIncludeIva() != null
        && draft.pricesIncludeIva() != includesIva) {
      issues.add(
          new Issue(
              IssueCode.PRICES_INCLUDE_IVA,
              "pricesIncludeIva must be " + includesIva + " on a type " + type + " invoice"));
    }

    List<InvoiceDraft.Line> lines =
        resolveLines(draft, cuit.map(Cuit::digits).orElse(null), includesIva, read, issues);
    BigDecimal expectedNet =
        lines.stream()
            .map(InvoiceDraft.Line::lineTotal)
            .filter(v -> v != null)
            .reduce(BigDecimal.ZERO, BigDecimal::add)
            .setScale(2, RoundingMode.HALF_UP);
    BigDecimal expectedIva = includesIva ? BigDecimal.ZERO.setScale(2) : ivaTotal(lines);
    checkTotals(draft, includesIva, expectedNet, expectedIva, issues);

    InvoiceDraft resolved =
        new InvoiceDraft(
            draft.supplierCuit(),
            draft.supplierName(),
            type,
            draft.pointOfSale(),
            draft.number(),
            draft.issueDate(),
            draft.cae(),
            draft.branch() == null ? Fields.DEFAULT_BRANCH : draft.branch(),
            includesIva,
            lines,
            draft.netTotal(),
            draft.ivaTotal(),
            draft.otherTaxes(),
            draft.total(),
            draft.source(),
            draft.confidence(),
            kind);
    return new ValidationResult(invoiceId, resolved, includesIva, expectedNet, expectedIva, issues);
  }

  private void checkIssueDate(LocalDate issueDate, List<Issue> issues) {
    if (issueDate == null) {
      issues.add(new Issue(IssueCode.MISSING_FIELD, "issueDate is missing"));
      return;
    }
    LocalDate tomorrow =
        LocalDate.now(clock.withZone(SupportConfiguration.BUENOS_AIRES)).plusDays(1);
    if (issueDate.isAfter(tomorrow)) {
      issues.add(
          new Issue(
              IssueCode.FUTURE_DATE,
              "issueDate " + issueDate + " is after tomorrow (" + tomorrow + ")"));
    }
  }

  private List<InvoiceDraft.Line> resolveLines(
      InvoiceDraft draft,
      String cuitDigits,
      boolean includesIva,
      boolean read,
      List<Issue> issues) {
    if (draft.lines().isEmpty()) {
      issues.add(new Issue(IssueCode.BAD_LINE, "the invoice has no lines"));
      return List.of();
    }
    List<InvoiceDraft.Line> resolved = new ArrayList<>();
    int n = 0;
    for (InvoiceDraft.Line line : draft.lines()) {
      n++;
      String at = "line " + n + ": ";
      checkLineNumbers(line, at, issues);
      Optional<Identified> identified = identify(line, cuitDigits, at, issues);
      if (read && identified.isPresent() && line.sku() == null) {
        checkCodeAgainstDescription(line, cuitDigits, identified.get(), at, issues);
      }
      Optional<ProductLookup.KnownProduct> product = identified.map(Identified::product);
      BigDecimal rate = line.ivaRatePct();
      if (includesIva) {
        rate = product.map(ProductLookup.KnownProduct::ivaRatePct).orElse(DEFAULT_IVA_RATE);
      } else if (!Fields.isIvaRate(rate)) {
        issues.add(
            new Issue(
                IssueCode.IVA_RATE,
                at
                    + (rate == null
                        ? "ivaRatePct is missing"
                        : "ivaRatePct "
                            + rate.toPlainString()
                            + " is not an IVA rate (0, 2.5, 5, 10.5, 21, 27)")));
      }
      resolved.add(
          line.withSkuAndRate(
              product.map(ProductLookup.KnownProduct::sku).orElse(line.sku()), rate));
    }
    return resolved;
  }

  private static void checkLineNumbers(InvoiceDraft.Line line, String at, List<Issue> issues) {
    if (line.description() == null || line.description().isBlank()) {
      issues.add(new Issue(IssueCode.BAD_LINE, at + "description is missing"));
    }
    if (line.qty() == null || line.qty().signum() <= 0) {
      issues.add(new Issue(IssueCode.BAD_LINE, at + "qty must be greater than 0"));
    }
    if (line.unitCost() == null || line.unitCost().signum() < 0) {
      issues.add(new Issue(IssueCode.BAD_LINE, at + "unitCost is missing or negative"));
    }
    if (line.lineTotal() == null || line.lineTotal().signum() < 0) {
      issues.add(new Issue(IssueCode.BAD_LINE, at + "lineTotal is missing or negative"));
    }
    boolean discountOk =
        line.discountPct() == null || Bounds.discountPct(line.discountPct()).isEmpty();
    if (!discountOk) {
      issues.add(
          new Issue(
              IssueCode.BAD_LINE,
              at
                  + "discountPct "
                  + line.discountPct().toPlainString()
                  + " must be at least 0 and less than 100"));
    }
    if (discountOk && line.qty() != null && line.unitCost() != null && line.lineTotal() != null) {
      BigDecimal discount = line.discountOrZero();
      BigDecimal product = CostBasis.lineTotal(line.qty(), line.unitCost(), discount);
      if (!withinTolerance(product, line.lineTotal())) {
        issues.add(
            new Issue(
                IssueCode.LINE_TOTAL,
                at
                    + (discount.signum() == 0
                        ? "qty × unitCost = "
                        : "qty × unitCost × (1 − " + discount.toPlainString() + " %) = ")
                    + product.toPlainString()
                    + " differs from lineTotal "
                    + line.lineTotal().toPlainString()
                    + " by more than $ 1.00"));
      }
    }
  }

  /**
   * A line's product, and whether its code (an EAN or a code learned from the supplier) named it.
   */
  private record Identified(ProductLookup.KnownProduct product, boolean byCode) {}

  private Optional<Identified> identify(
      InvoiceDraft.Line line, String cuitDigits, String at, List<Issue> issues) {
    if (line.sku() != null && !line.sku().isBlank()) {
      Optional<ProductLookup.KnownProduct> bySku = products.bySku(line.sku());
      if (bySku.isEmpty()) {
        issues.add(
            new Issue(
                IssueCode.UNKNOWN_PRODUCT, at + "sku " + line.sku() + " is not in the catalogue"));
      }
      return bySku.map(p -> new Identified(p, false));
    }
    String code = line.supplierCode() == null ? null : line.supplierCode().strip();
    Optional<ProductLookup.KnownProduct> found = Optional.empty();
    if (code != null && !code.isEmpty()) {
      found = products.byEan(code);
      if (found.isEmpty() && cuitDigits != null) {
        found = products.bySupplierCode(cuitDigits, code);
      }
    }
    if (found.isPresent()) {
      return found.map(p -> new Identified(p, true));
    }
    if (line.description() != null && !line.description().isBlank()) {
      if (cuitDigits != null) {
        found = products.bySupplierDescription(cuitDigits, line.description());
      }
      if (found.isEmpty()) {
        found = products.byDescription(line.description());
      }
    }
    if (found.isEmpty()) {
      issues.add(
          new Issue(
              IssueCode.UNKNOWN_PRODUCT,
              at
                  + "product not identified"
                  + (line.description() == null ? "" : " ('" + line.description() + "')")
                  + ": no sku given, and no EAN, code or description learned from this supplier or exact catalogue name matched"));
    }
    return found.map(p -> new Identified(p, false));
  }

  /**
   * A read line identified by its code whose description names another product, or identified by
   * its description while this supplier's confirmed invoices gave that product other codes: one of
   * the two was misread ("FIA-4003" read as "FIA-4002", an existing code of another product; "FIA"
   * read as "FLA"). Either way a person looks before stock moves.
   */
  private void checkCodeAgainstDescription(
      InvoiceDraft.Line line,
      String cuitDigits,
      Identified identified,
      String at,
      List<Issue> issues) {
    String code = line.supplierCode() == null ? "" : line.supplierCode().strip();
    String description = line.description() == null ? "" : line.description().strip();
    if (cuitDigits == null || code.isEmpty() || description.isEmpty()) {
      return;
    }
    ProductLookup.KnownProduct found = identified.product();
    if (identified.byCode()) {
      Optional<ProductLookup.KnownProduct> named =
          products
              .bySupplierDescription(cuitDigits, description)
              .or(() -> products.byDescription(description));
      if (named.isPresent() && !named.get().sku().equals(found.sku())) {
        issues.add(
            new Issue(
                IssueCode.OCR,
                at
                    + "code '"
                    + code
                    + "' is this supplier's code for sku "
                    + found.sku()
                    + " but the description '"
                    + description
                    + "' names sku "
                    + named.get().sku()));
      }
      return;
    }
    Set<String> known = products.supplierCodes(cuitDigits, found.sku());
    if (!known.isEmpty() && !known.contains(code)) {
      issues.add(
          new Issue(
              IssueCode.OCR,
              at
                  + "code '"
                  + code
                  + "' is not a code this supplier uses for sku "
                  + found.sku()
                  + " ("
                  + String.join(", ", new TreeSet<>(known))
                  + ")"));
    }
  }

  private static void checkTotals(
      InvoiceDraft draft,
      boolean includesIva,
      BigDecimal expectedNet,
      BigDecimal expectedIva,
      List<Issue> issues) {
    if (draft.otherTaxes() != null && draft.otherTaxes().signum() < 0) {
      issues.add(new Issue(IssueCode.TOTAL, "otherTaxes must not be negative"));
    }
    if (draft.netTotal() == null) {
      issues.add(new Issue(IssueCode.MISSING_FIELD, "netTotal is missing"));
    } else if (!withinTolerance(expectedNet, draft.netTotal())) {
      issues.add(
          new Issue(
              IssueCode.NET_TOTAL,
              "netTotal "
                  + draft.netTotal().toPlainString()
                  + " differs from the sum of lines "
                  + expectedNet.toPlainString()
                  + " by more than $ 1.00"));
    }
    if (draft.ivaTotal() == null) {
      issues.add(new Issue(IssueCode.MISSING_FIELD, "ivaTotal is missing"));
    } else if (!withinTolerance(expectedIva, draft.ivaTotal())) {
      issues.add(
          new Issue(
              IssueCode.IVA_TOTAL,
              includesIva
                  ? "ivaTotal must be 0 when prices include IVA (types B and C), not "
                      + draft.ivaTotal().toPlainString()
                  : "ivaTotal "
                      + draft.ivaTotal().toPlainString()
                      + " differs from the IVA computed per rate "
                      + expectedIva.toPlainString()
                      + " by more than $ 1.00"));
    }
    if (draft.total() == null) {
      issues.add(new Issue(IssueCode.MISSING_FIELD, "total is missing"));
    } else if (draft.netTotal() != null && draft.ivaTotal() != null) {
      BigDecimal other = draft.otherTaxes() == null ? BigDecimal.ZERO : draft.otherTaxes();
      BigDecimal sum = draft.netTotal().add(draft.ivaTotal()).add(other);
      if (!withinTolerance(sum, draft.total())) {
        issues.add(
            new Issue(
                IssueCode.TOTAL,
                "total "
                    + draft.total().toPlainString()
                    + " differs from netTotal + ivaTotal + otherTaxes = "
                    + sum.toPlainString()
                    + " by more than $ 1.00"));
      }
    }
  }
}
