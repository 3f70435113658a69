package almacen.ingest.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import almacen.events.Invoice;
import almacen.events.InvoiceKind;
import almacen.events.InvoiceStatus;
import almacen.events.InvoiceType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InvoiceValidatorTest {

  /** 2025-10-20 12:00 in Buenos Aires: tomorrow is 2025-10-21. */
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2025-10-20T15:00:00Z"), ZoneOffset.UTC);

  private static final String CUIT = "30-71234567-1";

  private final InMemoryProducts products =
      new InMemoryProducts()
          .add("ALM000001", "Yerba Mate Suave 1 kg", "7790070410122", "21")
          .add("ALM000002", "Harina de Trigo 000 1 kg", null, "10.5")
          .learn("30712345671", "P-77", "ALM000002");
  private final InvoiceValidator validator = new InvoiceValidator(products, CLOCK);

  @ParameterizedTest(name = "rate {0}, nets {1} → IVA {2}")
  @CsvSource({
    "21, 100.00, 21.00",
    "21, 100.05;0.02, 21.01", // 100.07 × 21 % = 21.0147
    "10.5, 33.33, 3.50", // 3.49965 half-up
    "27, 10.00, 2.70",
    "2.5, 0.20, 0.01", // 0.005 half-up
    "5, 0.10;0.10;0.10, 0.02", // on the sum (0.015), not per line (3 × 0.01)
    "0, 500.00, 0.00"
  })
  void shouldComputeIvaOnSumOfNetLinesPerRateWhenRoundingHalfUp(
      String rate, String nets, String expected) {
    // given
    List<InvoiceDraft.Line> lines =
        Arrays.stream(nets.split(";")).map(n -> line("ALM000001", n, rate)).toList();

    // when
    BigDecimal iva = InvoiceValidator.ivaTotal(lines);

    // then
    assertThat(iva).isEqualByComparingTo(expected);
  }

  @Test
  void shouldAddRatesSeparatelyWhenLinesHaveDifferentRates() {
    // given
    List<InvoiceDraft.Line> lines =
        List.of(
            line("ALM000001", "1000.00", "21"),
            line("ALM000002", "200.00", "10.5"),
            line("ALM000001", "0.04", "21"));

    // when
    BigDecimal iva = InvoiceValidator.ivaTotal(lines);

    // then: 21 % of 1000.04 = 210.0084 → 210.01; 10.5 % of 200 = 21.00
    assertThat(iva).isEqualByComparingTo("231.01");
    assertThat(InvoiceValidator.ivaByRate(lines))
        .containsEntry(new BigDecimal("21"), new BigDecimal("210.01"))
        .containsEntry(new BigDecimal("10.5"), new BigDecimal("21.00"));
  }

  @ParameterizedTest(name = "declared net {0} → confirmed {1}")
  @CsvSource({
    "1200.00, true",
    "1200.99, true",
    "1201.00, true",
    "1201.01, false",
    "1198.99, false",
    "1199.00, true"
  })
  void shouldAcceptTotalsWithinOnePesoWhenComparingNetTotal(String declaredNet, boolean confirmed) {
    // given: two A lines, net 1200.00, IVA 21 % = 252.00; total consistent with what is declared
    BigDecimal net = new BigDecimal(declaredNet);
    InvoiceDraft draft =
        typeA(
            List.of(line("ALM000001", "1000.00", "21"), line("ALM000002", "200.00", "21")),
            net,
            new BigDecimal("252.00"),
            net.add(new BigDecimal("252.00")));

    // when
    ValidationResult result = validator.validate(draft);

    // then
    assertThat(result.confirmed()).isEqualTo(confirmed);
    if (!confirmed) {
      assertThat(result.issues()).extracting(Issue::code).containsExactly(IssueCode.NET_TOTAL);
    }
  }

  @ParameterizedTest(name = "declared total {0} → {1}")
  @CsvSource({
    "1452.00, CONFIRMED",
    "1453.00, CONFIRMED",
    "1453.01, NEEDS_REVIEW",
    "1450.50, NEEDS_REVIEW"
  })
  void shouldCheckTotalAgainstNetPlusIvaPlusOtherTaxesWhenValidating(
      String total, InvoiceStatus expected) {
    // given
    InvoiceDraft draft =
        typeA(
            List.of(line("ALM000001", "1200.00", "21")),
            new BigDecimal("1200.00"),
            new BigDecimal("252.00"),
            new BigDecimal(total));

    // when
    ValidationResult result = validator.validate(draft);

    // then
    assertThat(result.status()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "type {0} → pricesIncludeIva {1}")
  @CsvSource({"A, false", "M, false", "B, true", "C, true"})
  void shouldDerivePricesIncludeIvaWhenGivenType(InvoiceType type, boolean includes) {
    // given / when / then
    assertThat(InvoiceValidator.pricesIncludeIva(type)).isEqualTo(includes);
  }

  @Test
  void shouldConfirmTypeAWhenIvaIsDiscriminatedAndConsistent() {
    // given: 12 × 850.00 = 10200.00 net, IVA 21 % = 2142.00
    InvoiceDraft draft =
        typeA(
            List.of(
                new InvoiceDraft.Line(
                    "ALM000001",
                    null,
                    "Yerba",
                    new BigDecimal("12"),
                    new BigDecimal("850.00"),
                    new BigDecimal("21"),
                    new BigDecimal("10200.00"))),
            new BigDecimal("10200.00"),
            new BigDecimal("2142.00"),
            new BigDecimal("12342.00"));

    // when
    ValidationResult result = validator.validate(draft);

    // then
    assertThat(result.issues()).isEmpty();
    assertThat(result.status()).isEqualTo(InvoiceStatus.CONFIRMED);
    assertThat(result.pricesIncludeIva()).isFalse();
    assertThat(result.invoiceId()).isEqualTo("30712345671-A-00003-00012345");
    assertThat(result.expectedIva()).isEqualByComparingTo("2142.00");
  }

  @ParameterizedTest(name = "type {0}")
  @CsvSource({"B", "C"})
  void shouldUseCatalogueRateAndZeroIvaWhenTypeIncludesIva(InvoiceType type) {
    // given: final prices; the client's 27 % is ignored for the catalogue's 10.5 %, unknown-rate →
    // 21
    InvoiceDraft draft =
        draft(
            type,
            List.of(
                new InvoiceDraft.Line(
                    "ALM000002",
                    null,
                    "Harina",
                    new BigDecimal("10"),
                    new BigDecimal("121.00"),
                    new BigDecimal("27"),
                    new BigDecimal("1210.00")),
                new InvoiceDraft.Line(
                    null,
                    "7790070410122",
                    "Yerba",
                    new BigDecimal("1"),
                    new BigDecimal("99.50"),
                    null,
                    new BigDecimal("99.50"))),
            new BigDecimal("1309.50"),
            BigDecimal.ZERO,
            new BigDecimal("1309.50"),
            true);

    // when
    ValidationResult result = validator.validate(draft);

    // then
    assertThat(result.issues()).isEmpty();
    assertThat(result.pricesIncludeIva()).isTrue();
    assertThat(result.invoice().lines())
        .extracting(InvoiceDraft.Line::ivaRatePct)
        .containsExactly(new BigDecimal("10.5"), new BigDecimal("21"));
    assertThat(result.invoice().lines())
        .extracting(InvoiceDraft.Line::sku)
        .containsExactly("ALM000002", "ALM000001");
  }

  @Test
  void shouldFlagIvaTotalWhenTypeBDeclaresIva() {
    // given
    InvoiceDraft draft =
        draft(
            InvoiceType.B,
            List.of(line("ALM000001", "1210.00", null)),
            new BigDecimal("1000.00"),
            new BigDecimal("210.00"),
            new BigDecimal("1210.00"),
            null);

    // when
    ValidationResult result = validator.validate(draft);

    // then
    assertThat(result.issues())
        .extracting(Issue::code)
        .containsExactly(IssueCode.NET_TOTAL, IssueCode.IVA_TOTAL);
  }

  @Test
  void shouldFlagMissingRateAndContradictionWhenTypeAHasNoRateAndClaimsFinalPrices() {
    // given
    InvoiceDraft draft =
        draft(
            InvoiceType.A,
            List.of(line("ALM000001", "100.00", null)),
            new BigDecimal("100.00"),
            new BigDecimal("0.00"),
            new BigDecimal("100.00"),
            true);

    // when
    ValidationResult result = validator.validate(draft);

    // then
    assertThat(result.issues())
        .extracting(Issue::code)
        .containsExactly(IssueCode.PRICES_INCLUDE_IVA, IssueCode.IVA_RATE);
  }

  @ParameterizedTest(name = "issueDate {0} → {1}")
  @CsvSource({"2025-10-20, true", "2025-10-21, true", "2025-10-22, false", "2020-01-31, true"})
  void shouldRefuseIssueDateWhenAfterTomorrowInBuenosAires(LocalDate issueDate, boolean confirmed) {
    // given
    InvoiceDraft base =
        typeA(
            List.of(line("ALM000001", "100.00", "21")),
            new BigDecimal("100.00"),
            new BigDecimal("21.00"),
            new BigDecimal("121.00"));
    InvoiceDraft draft =
        new InvoiceDraft(
            base.supplierCuit(),
            base.supplierName(),
            base.type(),
            base.pointOfSale(),
            base.number(),
            issueDate,
            null,
            "central",
            null,
            base.lines(),
            base.netTotal(),
            base.ivaTotal(),
            BigDecimal.ZERO,
            base.total(),
            InvoiceDraft.Source.manual(),
            1.0,
            null);

    // when
    ValidationResult result = validator.validate(draft);

    // then
    assertThat(result.confirmed()).isEqualTo(confirmed);
    if (!confirmed) {
      assertThat(result.issues()).extracting(Issue::code).containsExactly(IssueCode.FUTURE_DATE);
    }
  }

  @ParameterizedTest(name = "sku={0} code={1} description={2} → {3}")
  @CsvSource({
    "ALM000001, , Anything, ALM000001", // by sku
    ", 7790070410122, Anything, ALM000001", // by EAN in supplierCode
    ", P-77, Anything, ALM000002", // learned supplier code
    ", X-1, 'YERBA MATE suave 1kg', ''", // normalised name differs (1kg vs 1 kg)
    ", X-1, 'yerba mate  SUAVE, 1 kg', ALM000001", // exact after normalisation
    ", , 'Harina de trigo 000 1 kg', ALM000002",
    ", X-1, Unknown thing, ''"
  })
  void shouldResolveSkuWhenMatchedBySkuEanLearnedCodeOrDescription(
      String sku, String code, String description, String expected) {
    // given
    InvoiceDraft draft = oneItem(sku, code, description);

    // when
    ValidationResult result = validator.validate(draft);

    // then
    if (expected.isEmpty()) {
      assertThat(result.issues())
          .extracting(Issue::code)
          .containsExactly(IssueCode.UNKNOWN_PRODUCT);
      assertThat(result.invoice().lines().get(0).sku()).isNull();
    } else {
      assertThat(result.issues()).isEmpty();
      assertThat(result.invoice().lines().get(0).sku()).isEqualTo(expected);
    }
  }

  @ParameterizedTest(name = "code={0} description={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // the learned code of the flour, printed beside the yerba's name: one of the two misread
        "P-77|yerba mate suave 1 kg|line 1: code 'P-77' is this supplier's code for sku ALM000002"
            + " but the description 'yerba mate suave 1 kg' names sku ALM000001",
        // the flour's name with a code this supplier never gave it ("P-77" read as "P-7T")
        "P-7T|Harina de Trigo 000 1 kg|line 1: code 'P-7T' is not a code this supplier uses for"
            + " sku ALM000002 (P-77)",
        // code and description agree, or nothing was learned about the product's codes
        "P-77|Harina de Trigo 000 1 kg|",
        "Y-1|Yerba Mate Suave 1 kg|"
      })
  void shouldDoubtAReadLineWhenItsCodeAndDescriptionNameDifferentProducts(
      String code, String description, String expectedIssue) {
    // given a line as the reader read it, its numbers closing
    InvoiceDraft draft = oneItem(null, code, description);

    // when
    ValidationResult read = validator.validateRead(draft);
    ValidationResult typed = validator.validate(draft);

    // then a read is doubted, what a person typed is taken as meant
    if (expectedIssue == null) {
      assertThat(read.issues()).isEmpty();
    } else {
      assertThat(read.issues()).containsExactly(new Issue(IssueCode.OCR, expectedIssue));
    }
    assertThat(typed.issues()).isEmpty();
  }

  @Test
  void shouldListEveryIssueWithoutIdWhenIdentityIsIncomplete() {
    // given
    InvoiceDraft draft =
        new InvoiceDraft(
            "30-71234567-2",
            "Proveedor",
            null,
            0,
            null,
            null,
            null,
            null,
            null,
            List.of(),
            null,
            null,
            null,
            null,
            InvoiceDraft.Source.manual(),
            0.4,
            null);

    // when
    ValidationResult result = validator.validate(draft);

    // then
    assertThat(result.invoiceId()).isNull();
    assertThat(result.publishable()).isFalse();
    assertThat(result.issues())
        .extracting(Issue::code)
        .containsExactly(
            IssueCode.INVALID_CUIT,
            IssueCode.MISSING_FIELD,
            IssueCode.MISSING_FIELD,
            IssueCode.MISSING_FIELD,
            IssueCode.MISSING_FIELD,
            IssueCode.BAD_LINE,
            IssueCode.MISSING_FIELD,
            IssueCode.MISSING_FIELD,
            IssueCode.MISSING_FIELD);
  }

  @Test
  void shouldFlagLineWhenQtyTimesUnitCostDiffersFromLineTotal() {
    // given: 3 × 10.00 = 30.00 but the line says 32.00
    InvoiceDraft.Line line =
        new InvoiceDraft.Line(
            "ALM000001",
            null,
            "Yerba",
            new BigDecimal("3"),
            new BigDecimal("10.00"),
            new BigDecimal("21"),
            new BigDecimal("32.00"));
    InvoiceDraft draft =
        typeA(
            List.of(line),
            new BigDecimal("32.00"),
            new BigDecimal("6.72"),
            new BigDecimal("38.72"));

    // when
    ValidationResult result = validator.validate(draft);

    // then
    assertThat(result.messages())
        .containsExactly(
            "line 1: qty × unitCost = 30.00 differs from lineTotal 32.00 by more than $ 1.00");
  }

  @ParameterizedTest(name = "{0} × {1} less {2} % printed as {3} → confirmed {4}")
  @CsvSource({
    "3, 999.99, 12.5, 2624.97, true", // 2624.97375 half-up
    "3, 999.99, 12.5, 2625.97, true", // a peso off: within the tolerance
    "3, 999.99, 12.5, 2999.97, false", // the total before the discount
    "12, 850.00, 0, 10200.00, true"
  })
  void shouldCloseTheLineLessItsBonificacionWhenOneIsPrinted(
      String qty, String unitCost, String discount, String lineTotal, boolean confirmed) {
    // given a type B line (final prices) with a bonificación
    BigDecimal total = new BigDecimal(lineTotal);
    InvoiceDraft.Line line =
        new InvoiceDraft.Line(
            "ALM000001",
            null,
            "Yerba",
            new BigDecimal(qty),
            new BigDecimal(unitCost),
            null,
            total,
            new BigDecimal(discount));
    InvoiceDraft draft = draft(InvoiceType.B, List.of(line), total, BigDecimal.ZERO, total, null);

    // when
    ValidationResult result = validator.validate(draft);

    // then
    assertThat(result.confirmed()).as(result.messages().toString()).isEqualTo(confirmed);
    assertThat(result.toEvent(CLOCK.instant()).getLines().get(0).getDiscountPct())
        .isEqualTo(new BigDecimal(discount).setScale(2));
  }

  @Test
  void shouldFlagALineWhoseDiscountIsAHundredPercentOrMoreWhenRead() {
    // given an OCR line with a 100 % discount and a zero total
    InvoiceDraft.Line line =
        new InvoiceDraft.Line(
            "ALM000001",
            null,
            "Yerba",
            new BigDecimal("1"),
            new BigDecimal("10.00"),
            new BigDecimal("21"),
            new BigDecimal("0.00"),
            new BigDecimal("100"));
    // when
    ValidationResult result =
        validator.validate(
            typeA(List.of(line), new BigDecimal("0.00"), new BigDecimal("0.00"), BigDecimal.ZERO));
    // then
    assertThat(result.messages())
        .containsExactly("line 1: discountPct 100 must be at least 0 and less than 100");
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "INVOICE, 30712345671-A-00003-00012345",
    "CREDIT_NOTE, 30712345671-NC-A-00003-00012345",
    "DEBIT_NOTE, 30712345671-ND-A-00003-00012345"
  })
  void shouldNameANoteApartFromTheInvoiceWithTheSameNumberWhenValidating(
      InvoiceKind kind, String expectedId) {
    // given the same supplier, type, point of sale and number, as invoice or note
    InvoiceDraft.Line line = line("ALM000001", "100.00", "21");
    InvoiceDraft base =
        typeA(
            List.of(line),
            new BigDecimal("100.00"),
            new BigDecimal("21.00"),
            new BigDecimal("121.00"));
    InvoiceDraft draft = InvoiceDrafts.merge(withKind(kind), base);

    // when
    ValidationResult result = validator.validate(draft);
    Invoice event = result.toEvent(CLOCK.instant());

    // then
    assertThat(result.invoiceId()).isEqualTo(expectedId);
    assertThat(event.getKind()).isEqualTo(kind);
    assertThat(result.confirmed()).isTrue();
  }

  /** A correction that only names the kind. */
  private static InvoiceDraft withKind(InvoiceKind kind) {
    return new InvoiceDraft(
        null, null, null, null, null, null, null, null, null, List.of(), null, null, null, null,
        null, 0, kind);
  }

  private static InvoiceDraft.Line line(String sku, String net, String rate) {
    return new InvoiceDraft.Line(
        sku,
        null,
        "item",
        BigDecimal.ONE,
        new BigDecimal(net),
        rate == null ? null : new BigDecimal(rate),
        new BigDecimal(net));
  }

  /** An A invoice of one item, 1 × $ 100.00 at 21 %, whose sums close. */
  private static InvoiceDraft oneItem(String sku, String code, String description) {
    InvoiceDraft.Line line =
        new InvoiceDraft.Line(
            sku,
            code,
            description,
            new BigDecimal("1"),
            new BigDecimal("100.00"),
            new BigDecimal("21"),
            new BigDecimal("100.00"));
    return typeA(
        List.of(line), new BigDecimal("100.00"), new BigDecimal("21.00"), new BigDecimal("121.00"));
  }

  private static InvoiceDraft typeA(
      List<InvoiceDraft.Line> lines, BigDecimal net, BigDecimal iva, BigDecimal total) {
    return draft(InvoiceType.A, lines, net, iva, total, null);
  }

  private static InvoiceDraft draft(
      InvoiceType type,
      List<InvoiceDraft.Line> lines,
      BigDecimal net,
      BigDecimal iva,
      BigDecimal total,
      Boolean pricesIncludeIva) {
    return new InvoiceDraft(
        CUIT,
        "Distribuidora Sur SA",
        type,
        3,
        12345L,
        LocalDate.parse("2025-10-15"),
        null,
        "central",
        pricesIncludeIva,
        new ArrayList<>(lines),
        net,
        iva,
        BigDecimal.ZERO,
        total,
        InvoiceDraft.Source.manual(),
        1.0,
        null);
  }
}
