package almacen.query;

import static almacen.query.Fixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

import almacen.events.Invoice;
import almacen.events.InvoiceKind;
import almacen.events.InvoiceStatus;
import almacen.events.MovementType;
import almacen.query.read.AnalyticsModel;
import almacen.query.read.AnalyticsViews.CategoryMargin;
import almacen.query.read.AnalyticsViews.CategorySales;
import almacen.query.read.AnalyticsViews.DaySales;
import almacen.query.read.AnalyticsViews.LastInvoice;
import almacen.query.read.AnalyticsViews.MarginReport;
import almacen.query.read.AnalyticsViews.MonthPurchases;
import almacen.query.read.AnalyticsViews.ProductSales;
import almacen.query.read.AnalyticsViews.PurchasesReport;
import almacen.query.read.AnalyticsViews.SalesReport;
import almacen.query.read.AnalyticsViews.Share;
import almacen.query.read.AnalyticsViews.SuppliedProduct;
import almacen.query.read.AnalyticsViews.SupplierDetail;
import almacen.query.read.AnalyticsViews.SupplierPurchases;
import almacen.query.read.AnalyticsViews.SupplierSummary;
import almacen.query.read.DateRange;
import almacen.query.read.StoreReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AnalyticsModelTest {

  private static final Instant NOON_9TH = Instant.parse("2026-03-09T15:00:00Z");
  private static final Instant NOON_10TH = Instant.parse("2026-03-10T15:00:00Z");
  private static final DateRange RANGE =
      new DateRange(LocalDate.parse("2026-03-08"), LocalDate.parse("2026-03-11"));

  QueryDriver d;
  AnalyticsModel model;

  @BeforeEach
  void setUp() {
    d = new QueryDriver();
    StoreReader reader = d.storeReader();
    model = new AnalyticsModel(reader);
    d.pipe(
        d.topics.products,
        "ALM000001",
        Fixtures.product("ALM000001", "Azúcar común 1 kg", "Almacén", null, "5", null));
    d.pipe(
        d.topics.products,
        "ALM000002",
        Fixtures.product("ALM000002", "Yerba mate 1 kg", "Infusiones", null, "5", null));
    d.pipe(
        d.topics.products,
        "ALM000003",
        Fixtures.product("ALM000003", "Fideos 500 g", "Almacén", null, "5", null));
  }

  @AfterEach
  void tearDown() {
    d.close();
  }

  /**
   * Sales of the 9th and 10th in two branches, with the ledger's SALE entries at their average
   * cost.
   */
  private void salesAndCosts() {
    d.pipe(
        d.topics.sales,
        "S1",
        Fixtures.sale(
            "S1",
            "central",
            NOON_9TH,
            line("ALM000001", "2", "1500"),
            line("ALM000002", "1", "4900")));
    d.pipe(
        d.topics.sales,
        "S2",
        Fixtures.sale("S2", "central", NOON_10TH, line("ALM000003", "3", "1000")));
    d.pipe(
        d.topics.sales,
        "S3",
        Fixtures.sale("S3", "sur", NOON_10TH, line("ALM000001", "1", "1500")));
    d.pipe(
        d.topics.sales,
        "S4",
        Fixtures.sale(
            "S4",
            "central",
            Instant.parse("2026-03-12T15:00:00Z"),
            line("ALM000001", "9", "1500")));
    movement("central", "ALM000001", 1, "-2", "1000", NOON_9TH);
    movement("central", "ALM000002", 1, "-1", "3500", NOON_9TH);
    movement("central", "ALM000003", 1, "-3", "620", NOON_10TH);
    movement("sur", "ALM000001", 1, "-1", "1000", NOON_10TH);
  }

  private void movement(
      String branch, String sku, long seq, String delta, String unitCost, Instant at) {
    d.pipe(
        d.topics.stockMovements,
        branch + "|" + sku,
        Fixtures.movement(branch, sku, seq, MovementType.SALE, delta, unitCost, at));
  }

  private Share sales(String branch) {
    return AnalyticsModel.merge(List.of(model.localSales(RANGE, branch)));
  }

  @Test
  void shouldReportEveryDayAndEachCategoryWhenSalesSpanTwoDaysAndBranches() {
    // given
    salesAndCosts();

    // when
    SalesReport all = model.salesReport(RANGE, null, sales(null));
    SalesReport central = model.salesReport(RANGE, "central", sales("central"));

    // then days without sales are zero, and the 12th (outside the range) is left out
    assertThat(all.days())
        .containsExactly(
            new DaySales(LocalDate.parse("2026-03-08"), Fixtures.qty("0"), Fixtures.money("0")),
            new DaySales(LocalDate.parse("2026-03-09"), Fixtures.qty("3"), Fixtures.money("7900")),
            new DaySales(LocalDate.parse("2026-03-10"), Fixtures.qty("4"), Fixtures.money("4500")),
            new DaySales(LocalDate.parse("2026-03-11"), Fixtures.qty("0"), Fixtures.money("0")));
    assertThat(all.categories())
        .containsExactly(
            new CategorySales("Almacén", Fixtures.qty("6"), Fixtures.money("7500")),
            new CategorySales("Infusiones", Fixtures.qty("1"), Fixtures.money("4900")));
    assertThat(all.amount()).isEqualTo(Fixtures.money("12400"));
    assertThat(all.qty()).isEqualTo(Fixtures.qty("7"));
    assertThat(central.amount()).isEqualTo(Fixtures.money("10900"));
    assertThat(central.branch()).isEqualTo("central");
  }

  @Test
  void shouldComputeGrossMarginPerCategoryWhenSalesAndCostsAreKnown() {
    // given
    salesAndCosts();

    // when
    MarginReport m =
        model.margin(
            RANGE, null, sales(null), AnalyticsModel.merge(List.of(model.localCosts(RANGE, null))));

    // then Almacén: 7500 − (2000 + 1860 + 1000) = 2640 (35.20 %); Infusiones: 4900 − 3500 = 1400
    // (28.57 %)
    assertThat(m.categories())
        .containsExactly(
            new CategoryMargin(
                "Almacén",
                Fixtures.qty("6"),
                Fixtures.money("7500"),
                Fixtures.money("4860"),
                Fixtures.money("2640"),
                new BigDecimal("35.20")),
            new CategoryMargin(
                "Infusiones",
                Fixtures.qty("1"),
                Fixtures.money("4900"),
                Fixtures.money("3500"),
                Fixtures.money("1400"),
                new BigDecimal("28.57")));
    assertThat(m.sales()).isEqualTo(Fixtures.money("12400"));
    assertThat(m.cost()).isEqualTo(Fixtures.money("8360"));
    assertThat(m.margin()).isEqualTo(Fixtures.money("4040"));
    assertThat(m.marginPct()).isEqualTo(new BigDecimal("32.58"));
  }

  @Test
  void shouldAnswerNoMarginPercentageWhenNothingWasSold() {
    // when
    MarginReport m = model.margin(RANGE, null, Share.EMPTY, Share.EMPTY);

    // then
    assertThat(m.categories()).isEmpty();
    assertThat(m.sales()).isEqualTo(Fixtures.money("0"));
    assertThat(m.marginPct()).isNull();
  }

  @Test
  void shouldRankProductsByAmountSoldWhenMoreThanTheLimit() {
    // given
    salesAndCosts();

    // when
    List<ProductSales> top = model.topProducts(sales(null), 2);

    // then
    assertThat(top)
        .containsExactly(
            new ProductSales(
                "ALM000002",
                "Yerba mate 1 kg",
                "Infusiones",
                Fixtures.qty("1"),
                Fixtures.money("4900")),
            new ProductSales(
                "ALM000001",
                "Azúcar común 1 kg",
                "Almacén",
                Fixtures.qty("3"),
                Fixtures.money("4500")));
  }

  @Test
  void shouldAddUpTheSharesOfEveryInstanceWhenMerged() {
    // given two instances' shares of the same sku and day
    Share a =
        new Share(
            List.of(
                new almacen.query.read.AnalyticsViews.DaySum(
                    LocalDate.parse("2026-03-09"), new BigDecimal("2"), new BigDecimal("3000"))),
            List.of(
                new almacen.query.read.AnalyticsViews.SkuSum(
                    "ALM000001", new BigDecimal("2"), new BigDecimal("3000"))));
    Share b =
        new Share(
            List.of(
                new almacen.query.read.AnalyticsViews.DaySum(
                    LocalDate.parse("2026-03-09"), new BigDecimal("1"), new BigDecimal("1500.50"))),
            List.of(
                new almacen.query.read.AnalyticsViews.SkuSum(
                    "ALM000001", new BigDecimal("1"), new BigDecimal("1500.50"))));

    // when
    Share merged = AnalyticsModel.merge(List.of(a, b));

    // then
    assertThat(merged.days())
        .singleElement()
        .satisfies(day -> assertThat(day.amount()).isEqualByComparingTo("4500.50"));
    assertThat(merged.skus())
        .singleElement()
        .satisfies(sku -> assertThat(sku.qty()).isEqualByComparingTo("3"));
  }

  /**
   * Two confirmed invoices of one supplier in February and March, one re-delivered, one to review,
   * another supplier.
   */
  private void invoices() {
    d.pipe(
        d.topics.invoices,
        "A1",
        Fixtures.supplierInvoice(
            "A1",
            "30-71234567-1",
            "Distribuidora Sur",
            "2026-02-20",
            "central",
            InvoiceStatus.CONFIRMED,
            line("ALM000001", "12", "850")));
    d.pipe(
        d.topics.invoices,
        "A2",
        Fixtures.supplierInvoice(
            "A2",
            "30-71234567-1",
            "Distribuidora del Sur SA",
            "2026-03-05",
            "central",
            InvoiceStatus.CONFIRMED,
            line("ALM000001", "6", "900"),
            line("ALM000003", "10", "500")));
    d.pipe(
        d.topics.invoices,
        "A2",
        Fixtures.supplierInvoice(
            "A2",
            "30-71234567-1",
            "Distribuidora del Sur SA",
            "2026-03-05",
            "central",
            InvoiceStatus.CONFIRMED,
            line("ALM000001", "6", "900"),
            line("ALM000003", "10", "500")));
    d.pipe(
        d.topics.invoices,
        "A3",
        Fixtures.supplierInvoice(
            "A3",
            "30-71234567-1",
            "Distribuidora del Sur SA",
            "2026-03-08",
            "central",
            InvoiceStatus.NEEDS_REVIEW,
            line("ALM000001", "100", "1")));
    d.pipe(
        d.topics.invoices,
        "B1",
        Fixtures.supplierInvoice(
            "B1",
            "20-12345678-6",
            "Lácteos Tandil",
            "2026-03-07",
            "sur",
            InvoiceStatus.CONFIRMED,
            line("ALM000002", "4", "3000")));
  }

  @Test
  void shouldListEachSupplierOnceWhenInvoicesAreConfirmedRepeatedOrToReview() {
    // given
    invoices();

    // when
    List<SupplierSummary> suppliers = model.suppliers();

    // then A1 (12342.00) + A2 (12584.00); the repeated A2 and the NEEDS_REVIEW A3 do not count
    assertThat(suppliers)
        .containsExactly(
            new SupplierSummary(
                "30-71234567-1",
                "Distribuidora del Sur SA",
                new LastInvoice("A2", LocalDate.parse("2026-03-05"), Fixtures.money("12584")),
                2,
                Fixtures.money("24926"),
                2),
            new SupplierSummary(
                "20-12345678-6",
                "Lácteos Tandil",
                new LastInvoice("B1", LocalDate.parse("2026-03-07"), Fixtures.money("14520")),
                1,
                Fixtures.money("14520"),
                1));
  }

  @Test
  void shouldShowPurchasesPerMonthAndTheLastCostOfEachProductWhenASupplierIsOpened() {
    // given
    invoices();

    // when
    SupplierDetail s = model.supplier("30712345671").orElseThrow();

    // then
    assertThat(s.months())
        .containsExactly(
            new MonthPurchases("2026-02", 1, Fixtures.money("12342")),
            new MonthPurchases("2026-03", 1, Fixtures.money("12584")));
    assertThat(s.products())
        .containsExactly(
            new SuppliedProduct(
                "ALM000001",
                "Azúcar común 1 kg",
                new BigDecimal("900.0000"),
                Fixtures.qty("6"),
                LocalDate.parse("2026-03-05"),
                "A2"),
            new SuppliedProduct(
                "ALM000003",
                "Fideos 500 g",
                new BigDecimal("500.0000"),
                Fixtures.qty("10"),
                LocalDate.parse("2026-03-05"),
                "A2"));
    assertThat(s.purchasesTotal()).isEqualTo(Fixtures.money("24926"));
    assertThat(model.supplier("30000000000")).isEmpty();
  }

  @Test
  void shouldSumPurchasesPerSupplierWhenInvoicesAreIssuedWithinTheRange() {
    // given
    invoices();
    DateRange march = new DateRange(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-31"));

    // when
    PurchasesReport all = model.purchases(march, null);
    PurchasesReport central = model.purchases(march, "central");

    // then February's A1 is outside the range; the biggest supplier comes first
    assertThat(all.items())
        .containsExactly(
            new SupplierPurchases("20-12345678-6", "Lácteos Tandil", 1, Fixtures.money("14520")),
            new SupplierPurchases(
                "30-71234567-1", "Distribuidora del Sur SA", 1, Fixtures.money("12584")));
    assertThat(all.amount()).isEqualTo(Fixtures.money("27104"));
    assertThat(all.invoices()).isEqualTo(2);
    assertThat(central.items())
        .extracting(SupplierPurchases::name)
        .containsExactly("Distribuidora del Sur SA");
  }

  @Test
  void shouldLeaveNotesOutOfPurchasesAndLastCostsWhenACreditNoteIsConfirmed() {
    // given the invoices, and a newer confirmed credit note of the same supplier for sugar at 1
    invoices();
    d.pipe(
        d.topics.invoices,
        "NC1",
        Invoice.newBuilder(
                Fixtures.supplierInvoice(
                    "NC1",
                    "30-71234567-1",
                    "Distribuidora del Sur SA",
                    "2026-03-20",
                    "central",
                    InvoiceStatus.CONFIRMED,
                    line("ALM000001", "2", "1")))
            .setKind(InvoiceKind.CREDIT_NOTE)
            .build());
    DateRange march = new DateRange(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-31"));

    // when
    PurchasesReport all = model.purchases(march, null);

    // then the note is neither a purchase nor the sugar's last cost
    assertThat(all.amount()).isEqualTo(Fixtures.money("27104"));
    assertThat(all.invoices()).isEqualTo(2);
    assertThat(model.lastPurchases().get("ALM000001").unitCost())
        .isEqualTo(new BigDecimal("900.0000"));
    assertThat(model.lastPurchases().get("ALM000001").invoiceId()).isEqualTo("A2");
  }
}
