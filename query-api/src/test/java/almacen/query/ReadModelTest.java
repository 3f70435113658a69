package almacen.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import almacen.events.InvoiceStatus;
import almacen.events.PriceReason;
import almacen.events.StockMovement;
import almacen.events.StockStatus;
import almacen.query.read.InvoiceView;
import almacen.query.read.ProductReads;
import almacen.query.read.ReadModel;
import almacen.query.read.StockFilter;
import almacen.query.read.StoreReader;
import almacen.query.read.Views.MovementView;
import almacen.query.read.Views.Page;
import almacen.query.read.Views.StockView;
import almacen.query.read.Views.Summary;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReadModelTest {

  QueryDriver d;
  ReadModel model;
  ProductReads reads;

  @BeforeEach
  void setUp() {
    d = new QueryDriver();
    StoreReader reader = d.storeReader();
    Clock clock = Clock.fixed(Instant.parse("2026-03-10T18:00:00Z"), ZoneOffset.UTC);
    model = new ReadModel(reader, clock, QueryConfig.BUENOS_AIRES);
    reads = new ProductReads(d.productIndex, model, reader, QueryConfig.BUENOS_AIRES);
    d.pipe(
        d.topics.products,
        "ALM000001",
        Fixtures.product("ALM000001", "Azúcar común 1 kg", "Almacén", "7790000000011", "5", "40"));
    d.pipe(
        d.topics.products,
        "ALM000002",
        Fixtures.product("ALM000002", "Yerba mate 1 kg", "Infusiones", null, "5", null));
    d.pipe(
        d.topics.products,
        "ALM000003",
        Fixtures.product("ALM000003", "Fideos 500 g", "Almacén", null, "5", "30"));
  }

  @AfterEach
  void tearDown() {
    d.close();
  }

  @Test
  void shouldJoinLevelProductAndPriceWhenAllExist() {
    // given
    d.pipe(
        d.topics.stockLevels,
        "central|ALM000001",
        Fixtures.level("central", "ALM000001", "12", "850.5", StockStatus.OK));
    d.pipe(
        d.topics.prices,
        "ALM000001",
        Fixtures.price("ALM000001", "1490", Fixtures.T0, PriceReason.COST));

    // when
    StockView v = model.stock("central", "ALM000001").orElseThrow();

    // then
    assertThat(v)
        .isEqualTo(
            new StockView(
                "ALM000001",
                "Azúcar común 1 kg",
                "Almacén",
                "central",
                "UNIT",
                Fixtures.qty("12"),
                Fixtures.qty("5"),
                Fixtures.qty("40"),
                "OK",
                new java.math.BigDecimal("850.5000"),
                Fixtures.money("10206"),
                Fixtures.qty("1.5"),
                new java.math.BigDecimal("6.7"),
                Fixtures.qty("10"),
                Fixtures.money("1490"),
                "2026-03-10T12:00:00-03:00"));
  }

  @Test
  void shouldAnswerZeroOnHandAndOutWhenACataloguedProductNeverMoved() {
    // when
    StockView v = model.stock("sur", "ALM000003").orElseThrow();

    // then
    assertThat(v.onHand()).isEqualByComparingTo("0");
    assertThat(v.status()).isEqualTo("OUT");
    assertThat(v.reorderQty()).isEqualByComparingTo("30");
    assertThat(v.listPrice()).isNull();
  }

  @Test
  void shouldFindNothingWhenSkuIsNeitherCataloguedNorMoved() {
    // when
    Optional<StockView> v = model.stock("central", "NOPE0001");

    // then
    assertThat(v).isEmpty();
  }

  @Test
  void shouldAnswerAMovedButUncataloguedSkuWithItsSkuAsName() {
    // given
    d.pipe(
        d.topics.stockLevels,
        "central|ZZZ9",
        Fixtures.level("central", "ZZZ9", "-2", "10", StockStatus.NEGATIVE));

    // when
    StockView v = model.stock("central", "ZZZ9").orElseThrow();

    // then
    assertThat(v.name()).isEqualTo("ZZZ9");
    assertThat(v.status()).isEqualTo("NEGATIVE");
    assertThat(v.stockValue()).isEqualByComparingTo("0.00");
  }

  @ParameterizedTest
  @CsvSource({
    "azucar, ALM000001",
    "AZÚCAR, ALM000001",
    "azu com, ALM000001",
    "7790000000011, ALM000001",
    "mate, ALM000002",
    "alm000003, ALM000003"
  })
  void shouldFindTheProductWhenSearchingBySkuEanOrNameWithoutAccents(String q, String expectedSku) {
    // when
    Page<StockView> page =
        reads.stockMatching("central", new StockFilter(q, null, null), List.of(), 0, 50);

    // then
    assertThat(page.items()).extracting(StockView::sku).containsExactly(expectedSku);
    assertThat(page.total()).isEqualTo(1);
  }

  @Test
  void shouldFindNothingWhenTheQueryIsInsideAWordNotAtItsStart() {
    // when: "zucar" is inside "azúcar"; the index matches words by their start
    Page<StockView> page =
        reads.stockMatching("central", new StockFilter("zucar", null, null), List.of(), 0, 50);

    // then
    assertThat(page.items()).isEmpty();
    assertThat(page.total()).isZero();
  }

  @Test
  void shouldJoinTheLevelWhenASearchHitHasMoved() {
    // given
    d.pipe(
        d.topics.stockLevels,
        "central|ALM000001",
        Fixtures.level("central", "ALM000001", "3", "1", StockStatus.LOW));

    // when
    Page<StockView> low =
        reads.stockMatching(
            "central", new StockFilter("kg", null, StockStatus.LOW), List.of(), 0, 50);
    Page<StockView> out =
        reads.stockMatching(
            "central", new StockFilter("kg", null, StockStatus.OUT), List.of(), 0, 50);

    // then: both 1 kg products match "kg"; the sugar has a LOW level, the yerba never moved
    assertThat(low.items()).extracting(StockView::sku).containsExactly("ALM000001");
    assertThat(low.items().get(0).onHand()).isEqualByComparingTo("3");
    assertThat(out.items()).extracting(StockView::sku).containsExactly("ALM000002");
    assertThat(out.items().get(0).onHand()).isEqualByComparingTo("0");
  }

  @Test
  void shouldUseAnotherInstancesLevelWhenItHoldsTheKey() {
    // given: the level lives on another instance and came back from its internal endpoint
    StockView remote =
        Fixtures.withOnHand(
            model.neverMoved("central", d.productIndex.product("ALM000002").orElseThrow()),
            "7",
            "OK");

    // when
    Page<StockView> page =
        reads.stockMatching(
            "central", new StockFilter("yerba", null, null), List.of(remote), 0, 50);

    // then
    assertThat(page.items()).containsExactly(remote);
  }

  @Test
  void shouldCountEveryHitButBuildOnlyThePageWhenSearchingWithoutStatus() {
    // given: an inactive product that never moved is not stock; one that moved is
    d.pipe(
        d.topics.products,
        "ALM000004",
        Fixtures.inactive(
            Fixtures.product("ALM000004", "Fideos moños", "Almacén", null, "5", null)));
    d.pipe(
        d.topics.products,
        "ALM000005",
        Fixtures.inactive(
            Fixtures.product("ALM000005", "Fideos tirabuzón", "Almacén", null, "5", null)));
    d.pipe(
        d.topics.stockLevels,
        "central|ALM000005",
        Fixtures.level("central", "ALM000005", "2", "1", StockStatus.LOW));

    // when
    Page<StockView> first =
        reads.stockMatching("central", new StockFilter("fideos", null, null), List.of(), 0, 1);
    Page<StockView> second =
        reads.stockMatching("central", new StockFilter("fideos", null, null), List.of(), 1, 1);

    // then
    assertThat(first.total()).isEqualTo(2);
    assertThat(first.items()).extracting(StockView::sku).containsExactly("ALM000003");
    assertThat(second.items()).extracting(StockView::sku).containsExactly("ALM000005");
    assertThat(second.items().get(0).onHand()).isEqualByComparingTo("2");
  }

  @Test
  void shouldFilterByCategoryAndStatusWhenBothGiven() {
    // given
    d.pipe(
        d.topics.stockLevels,
        "central|ALM000001",
        Fixtures.level("central", "ALM000001", "3", "1", StockStatus.LOW));

    // when
    StockFilter filter = new StockFilter(null, "almacen", StockStatus.OUT);
    Page<StockView> page =
        model.stockPage("central", filter, model.localLevels("central", StockFilter.ALL), 0, 50);

    // then
    assertThat(page.items()).extracting(StockView::sku).containsExactly("ALM000003");
  }

  @Test
  void shouldPageSortedBySkuWhenMoreItemsThanThePageSize() {
    // given
    d.pipe(
        d.topics.stockLevels,
        "central|ALM000002",
        Fixtures.level("central", "ALM000002", "8", "1", StockStatus.OK));

    // when
    List<StockView> levels = model.localLevels("central", StockFilter.ALL);
    Page<StockView> first = model.stockPage("central", StockFilter.ALL, levels, 0, 2);
    Page<StockView> second = model.stockPage("central", StockFilter.ALL, levels, 1, 2);
    Page<StockView> beyond = model.stockPage("central", StockFilter.ALL, levels, 5, 2);

    // then
    assertThat(first.items()).extracting(StockView::sku).containsExactly("ALM000001", "ALM000002");
    assertThat(second.items()).extracting(StockView::sku).containsExactly("ALM000003");
    assertThat(beyond.items()).isEmpty();
    assertThat(first.total()).isEqualTo(3);
    assertThat(first.items().get(1).onHand()).isEqualByComparingTo("8");
  }

  @Test
  void shouldShowWhoDidItAndNullWhenUnknownWhenMovementsAreListed() {
    // given a sale by caja1, then a movement written before users were recorded
    d.pipe(
        d.topics.stockMovements,
        "central|ALM000001",
        StockMovement.newBuilder(Fixtures.movement("central", "ALM000001", 1))
            .setUser("caja1")
            .build());
    d.pipe(
        d.topics.stockMovements, "central|ALM000001", Fixtures.movement("central", "ALM000001", 2));

    // when
    List<MovementView> movements = model.movements("central", "ALM000001", 10);

    // then
    assertThat(movements)
        .extracting(MovementView::sourceRef, MovementView::user)
        .containsExactly(tuple("S2#1", null), tuple("S1#1", "caja1"));
  }

  @Test
  void shouldListMovementsNewestFirstUpToTheLimit() {
    // given
    for (long seq = 1; seq <= 4; seq++) {
      d.pipe(
          d.topics.stockMovements,
          "central|ALM000001",
          Fixtures.movement("central", "ALM000001", seq));
    }

    // when
    List<MovementView> movements = model.movements("central", "ALM000001", 2);

    // then
    assertThat(movements).extracting(MovementView::sourceRef).containsExactly("S4#1", "S3#1");
    assertThat(movements.get(0).occurredAt()).isEqualTo("2026-03-10T12:00:04-03:00");
  }

  @Test
  void shouldSummariseCountsValueTodaysSalesAndPendingInvoicesOfTheBranch() {
    // given
    d.pipe(
        d.topics.stockLevels,
        "central|ALM000001",
        Fixtures.level("central", "ALM000001", "3", "100", StockStatus.LOW));
    d.pipe(
        d.topics.stockLevels,
        "central|ALM000002",
        Fixtures.level("central", "ALM000002", "-1", "100", StockStatus.NEGATIVE));
    d.pipe(
        d.topics.stockLevels,
        "sur|ALM000003",
        Fixtures.level("sur", "ALM000003", "9", "100", StockStatus.OK));
    d.pipe(
        d.topics.sales,
        "S1",
        Fixtures.sale("S1", "central", Instant.parse("2026-03-10T13:00:00Z"), "2", "500"));
    d.pipe(
        d.topics.sales,
        "S2",
        Fixtures.sale("S2", "central", Instant.parse("2026-03-09T13:00:00Z"), "1", "999"));
    d.pipe(
        d.topics.sales,
        "S3",
        Fixtures.sale("S3", "sur", Instant.parse("2026-03-10T13:00:00Z"), "1", "777"));
    d.pipe(d.topics.invoices, "I1", Fixtures.invoice("I1", "central", InvoiceStatus.NEEDS_REVIEW));
    d.pipe(d.topics.invoices, "I2", Fixtures.invoice("I2", "central", InvoiceStatus.CONFIRMED));

    // when
    Summary s =
        model.summary("central", model.localSummary("central"), model.localMovedSkus("central"));

    // then ALM000003 never moved in central counts as OUT
    assertThat(s)
        .isEqualTo(new Summary(3, 1, 1, 1, Fixtures.money("300"), Fixtures.money("1000"), 1));
  }

  @Test
  void shouldTakeARejectedInvoiceOutOfTheQueueAndThePendingCountWhenItsRejectionArrives() {
    // given two invoices of central waiting for review
    d.pipe(d.topics.invoices, "I1", Fixtures.invoice("I1", "central", InvoiceStatus.NEEDS_REVIEW));
    d.pipe(d.topics.invoices, "I2", Fixtures.invoice("I2", "central", InvoiceStatus.NEEDS_REVIEW));

    // when the first one is rejected in review
    d.pipe(
        d.topics.invoices,
        "I1",
        almacen.events.Invoice.newBuilder(Fixtures.invoice("I1", "central", InvoiceStatus.REJECTED))
            .setRejectReason("Es de otro local")
            .setUser("encargado")
            .build());

    // then
    assertThat(model.invoices(InvoiceStatus.NEEDS_REVIEW))
        .extracting(InvoiceView::invoiceId)
        .containsExactly("I2");
    assertThat(model.invoices(InvoiceStatus.REJECTED))
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.invoiceId()).isEqualTo("I1");
              assertThat(i.status()).isEqualTo("REJECTED");
              assertThat(i.rejectReason()).isEqualTo("Es de otro local");
            });
    assertThat(model.invoice("I2").orElseThrow().rejectReason()).isNull();
    assertThat(
            model
                .summary("central", model.localSummary("central"), model.localMovedSkus("central"))
                .invoicesPendingReview())
        .isEqualTo(1);
  }
}
