package almacen.inventory.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import almacen.events.MovementType;
import almacen.events.StockAlert;
import almacen.events.StockLevel;
import almacen.events.StockMovement;
import almacen.events.StockStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StockLedgerTest {

  private static final ZoneId BA = DemandSettings.BUENOS_AIRES;
  private static final Instant T0 = Instant.parse("2025-10-15T13:00:00Z");
  private final StockLedger ledger = new StockLedger(DemandSettings.defaults());
  private final ProductInfo product = new ProductInfo("A1", new BigDecimal("5"), null, true);

  private static StockCommand purchase(String ref, String qty, String cost, Instant at) {
    return new StockCommand(
        CommandType.PURCHASE,
        "central",
        "A1",
        new BigDecimal(qty),
        new BigDecimal(cost),
        ref,
        at,
        null,
        null);
  }

  private static StockCommand sale(String ref, String qty, Instant at) {
    return new StockCommand(
        CommandType.SALE, "central", "A1", new BigDecimal(qty), null, ref, at, null, null);
  }

  @Test
  void shouldKeepMovingAverageWhenPurchasesAndSalesAlternate() {
    // given 10 @ 100, then 5 @ 130
    StockLevel level = ledger.apply(null, purchase("I1#1", "10", "100", T0), product).level();
    level = ledger.apply(level, purchase("I2#1", "5", "130", T0), product).level();
    // then (10 × 100 + 5 × 130) / 15 = 110
    assertThat(level.getAvgCost()).isEqualByComparingTo("110.0000");

    // when 12 are sold and 7 come in at 90
    level = ledger.apply(level, sale("S1#1", "12", T0), product).level();
    assertThat(level.getAvgCost()).isEqualByComparingTo("110.0000");
    LedgerResult last = ledger.apply(level, purchase("I3#1", "7", "90", T0), product);

    // then (3 × 110 + 7 × 90) / 10 = 96, value 10 × 96
    assertThat(last.level().getOnHand()).isEqualByComparingTo("10.000");
    assertThat(last.level().getAvgCost()).isEqualByComparingTo("96.0000");
    assertThat(last.level().getStockValue()).isEqualTo(new BigDecimal("960.00"));
    assertThat(last.movement().getUnitCost()).isEqualByComparingTo("90.0000");
    assertThat(last.movement().getSequence()).isEqualTo(4);
  }

  @Test
  void shouldTakePurchaseCostWhenStockWasNegative() {
    // given 2 sold before any purchase, at an old average
    StockLevel level = ledger.apply(null, sale("S1#1", "2", T0), product).level();
    // when 5 are bought at 50
    StockLevel after = ledger.apply(level, purchase("I1#1", "5", "50", T0), product).level();
    // then the average is the purchase cost and only the 3 positive units are valued
    assertThat(after.getOnHand()).isEqualByComparingTo("3.000");
    assertThat(after.getAvgCost()).isEqualByComparingTo("50.0000");
    assertThat(after.getStockValue()).isEqualTo(new BigDecimal("150.00"));
  }

  @Test
  void shouldValueZeroWhenOnHandNegative() {
    // given 10 @ 100
    StockLevel level = ledger.apply(null, purchase("I1#1", "10", "100", T0), product).level();
    // when 12 are sold
    LedgerResult result = ledger.apply(level, sale("S1#1", "12", T0), product);
    // then
    assertThat(result.level().getOnHand()).isEqualByComparingTo("-2.000");
    assertThat(result.level().getStockValue()).isEqualTo(new BigDecimal("0.00"));
    assertThat(result.movement().getUnitCost()).isEqualByComparingTo("100.0000");
    assertThat(result.alert().getStatus()).isEqualTo(StockStatus.NEGATIVE);
    assertThat(result.alert().getPreviousStatus()).isEqualTo(StockStatus.OK);
  }

  @ParameterizedTest(name = "onHand {0}, minStock {1} -> {2}")
  @CsvSource({
    "-0.001, 5, NEGATIVE",
    "0, 5, OUT",
    "0, 0, OUT",
    "4.999, 5, LOW",
    "5, 5, LOW",
    "5.001, 5, OK",
    "1, 0, OK"
  })
  void shouldClassifyStatusWhenOnHandComparedToMinStock(
      String onHand, String minStock, StockStatus expected) {
    // when / then
    assertThat(StockLedger.statusOf(new BigDecimal(onHand), new BigDecimal(minStock)))
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "first movement {0} {1} -> alert {2}")
  @CsvSource({"SALE, 2, NEGATIVE", "PURCHASE, 3, LOW", "PURCHASE, 10, NONE", "COUNT, 0, OUT"})
  void shouldAlertOnFirstLevelUnlessOkWhenKeyIsNew(
      CommandType type, String qty, String expectedAlert) {
    // given a key never moved
    StockCommand command =
        new StockCommand(
            type,
            "central",
            "A1",
            new BigDecimal(qty),
            type == CommandType.PURCHASE ? new BigDecimal("10") : null,
            "X1",
            T0,
            null,
            null);
    // when
    LedgerResult result = ledger.apply(null, command, product);
    // then
    assertThat(result.created()).isTrue();
    if ("NONE".equals(expectedAlert)) {
      assertThat(result.alert()).isNull();
    } else {
      assertThat(result.alert().getStatus()).isEqualTo(StockStatus.valueOf(expectedAlert));
      assertThat(result.alert().getPreviousStatus()).isEqualTo(StockStatus.OUT);
      assertThat(result.alert().getSince()).isEqualTo(T0);
    }
  }

  @Test
  void shouldTakeReturnedUnitsOutAtTheAverageWhenACreditNoteReturnsGoods() {
    // given 10 @ 100 and 5 @ 130: 15 at an average of 110
    StockLevel level = ledger.apply(null, purchase("I1#1", "10", "100", T0), product).level();
    level = ledger.apply(level, purchase("I2#1", "5", "130", T0), product).level();
    // when a credit note returns 4 to the supplier
    LedgerResult result =
        ledger.apply(
            level,
            new StockCommand(
                CommandType.PURCHASE_RETURN,
                "central",
                "A1",
                new BigDecimal("4"),
                null,
                "NC1#2",
                T0,
                null,
                null),
            product);
    // then 4 leave, the average of what stays is unchanged
    StockMovement m = result.movement();
    assertThat(m.getMovementId()).isEqualTo("NC1#2:PURCHASE_RETURN");
    assertThat(m.getType()).isEqualTo(MovementType.PURCHASE_RETURN);
    assertThat(m.getDelta()).isEqualTo(new BigDecimal("-4.000"));
    assertThat(m.getBefore()).isEqualTo(new BigDecimal("15.000"));
    assertThat(m.getAfter()).isEqualTo(new BigDecimal("11.000"));
    assertThat(m.getUnitCost()).isEqualTo(new BigDecimal("110.0000"));
    assertThat(m.getSourceRef()).isEqualTo("NC1#2");
    assertThat(result.level().getAvgCost()).isEqualTo(new BigDecimal("110.0000"));
    assertThat(result.level().getStockValue()).isEqualTo(new BigDecimal("1210.00"));
    assertThat(result.level().getRecentSales()).isEmpty();
  }

  @Test
  void shouldApplyCountAsDifferenceWhenCounted() {
    // given 7 on hand
    StockLevel level = ledger.apply(null, purchase("I1#1", "7", "10", T0), product).level();
    // when 4.5 are counted
    LedgerResult result =
        ledger.apply(
            level,
            new StockCommand(
                CommandType.COUNT,
                "central",
                "A1",
                new BigDecimal("4.5"),
                null,
                "ADJ1",
                T0,
                null,
                null),
            product);
    // then
    assertThat(result.movement().getType()).isEqualTo(MovementType.ADJUSTMENT);
    assertThat(result.movement().getDelta()).isEqualByComparingTo("-2.500");
    assertThat(result.movement().getBefore()).isEqualByComparingTo("7.000");
    assertThat(result.movement().getAfter()).isEqualByComparingTo("4.500");
    assertThat(result.movement().getMovementId()).isEqualTo("ADJ1:ADJUSTMENT");
  }

  @Test
  void shouldCarrySourceAverageWhenTransferred() {
    // given central 10 @ 100, norte 10 @ 70
    StockLevel central = ledger.apply(null, purchase("I1#1", "10", "100", T0), product).level();
    StockLevel norte =
        ledger
            .apply(
                null,
                new StockCommand(
                    CommandType.PURCHASE,
                    "norte",
                    "A1",
                    BigDecimal.TEN,
                    new BigDecimal("70"),
                    "I2#1",
                    T0,
                    null,
                    null),
                product)
            .level();
    // when 5 go from central to norte
    TransferResult result =
        ledger.transfer(
            central,
            norte,
            new StockCommand(
                CommandType.TRANSFER,
                "central",
                "A1",
                new BigDecimal("5"),
                null,
                "TR1",
                T0,
                "norte",
                "repositor"),
            product);
    // then norte averages (10 × 70 + 5 × 100) / 15 = 80; central keeps 100
    assertThat(result.out().movement().getType()).isEqualTo(MovementType.TRANSFER_OUT);
    assertThat(result.out().level().getOnHand()).isEqualByComparingTo("5.000");
    assertThat(result.out().level().getAvgCost()).isEqualByComparingTo("100.0000");
    assertThat(result.in().movement().getType()).isEqualTo(MovementType.TRANSFER_IN);
    assertThat(result.in().movement().getUnitCost()).isEqualByComparingTo("100.0000");
    assertThat(result.in().level().getOnHand()).isEqualByComparingTo("15.000");
    assertThat(result.in().level().getAvgCost()).isEqualByComparingTo("80.0000");
    assertThat(result.in().movement().getMovementId()).isEqualTo("TR1:TRANSFER_IN");
    // each leg is keyed by its own branch
    assertThat(result.out().key()).isEqualTo("central|A1");
    assertThat(result.in().key()).isEqualTo("norte|A1");
    // both legs say who moved the goods
    assertThat(result.out().movement().getUser()).isEqualTo("repositor");
    assertThat(result.in().movement().getUser()).isEqualTo("repositor");
  }

  @Test
  void shouldSeeTheLevelItWasGivenAndKeyTheResultWhenAnEventHasOneCommand() {
    // given central has 10 on hand
    StockLevel central = ledger.apply(null, purchase("I1#1", "10", "100", T0), product).level();

    // when a one-line sale runs through executeAll
    List<LedgerResult> results =
        ledger.executeAll(
            List.of(sale("S1#1", "4", T0)),
            key -> "central|A1".equals(key) ? central : null,
            sku -> product);

    // then one result, keyed branch|sku, moved from the level it was given
    assertThat(results).hasSize(1);
    assertThat(results.get(0).key()).isEqualTo("central|A1");
    assertThat(results.get(0).movement().getBefore()).isEqualByComparingTo("10.000");
    assertThat(results.get(0).level().getOnHand()).isEqualByComparingTo("6.000");
  }

  @ParameterizedTest(name = "command by {0} -> movement user {0}")
  @CsvSource(
      nullValues = "null",
      value = {"caja1", "null"})
  void shouldRecordTheCommandUserOnTheMovementWhenApplied(String user) {
    // given a sale by user (null: an event written before users were recorded)
    StockCommand sale =
        new StockCommand(
            CommandType.SALE, "central", "A1", BigDecimal.ONE, null, "S1#1", T0, null, user);
    // when
    LedgerResult result = ledger.apply(null, sale, product);
    // then
    assertThat(result.movement().getUser()).isEqualTo(user);
  }

  @ParameterizedTest(name = "sale {0} days before the latest -> counted {1}")
  @CsvSource({"0, 28.000", "27, 28.000", "28, 0.000", "40, 0.000"})
  void shouldCountSalesWhenWithin28BusinessDaysOfLatest(int daysBefore, String expectedSold) {
    // given a key whose latest business time is 2025-10-15 10:00 in Buenos Aires
    Instant latest = LocalDate.of(2025, 10, 15).atTime(10, 0).atZone(BA).toInstant();
    StockLevel level = ledger.apply(null, purchase("I1#1", "100", "10", latest), product).level();
    // when 28 units are sold, dated daysBefore days earlier at 00:01 local (day-based window)
    Instant soldAt =
        LocalDate.of(2025, 10, 15).minusDays(daysBefore).atTime(0, 1).atZone(BA).toInstant();
    StockLevel after = ledger.apply(level, sale("S1#1", "28", soldAt), product).level();
    // then
    BigDecimal sold =
        after.getRecentSales().stream()
            .map(s -> s.getQty())
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(sold).isEqualByComparingTo(expectedSold);
    assertThat(after.getUpdatedAt()).isEqualTo(latest);
  }

  @Test
  void shouldBucketSalesByLocalDayWhenTheyCrossMidnightBackAndForth() {
    // given stock on 2025-10-15
    Instant noon = LocalDate.of(2025, 10, 15).atTime(12, 0).atZone(BA).toInstant();
    StockLevel level = ledger.apply(null, purchase("I1#1", "100", "10", noon), product).level();
    // when sales land one second either side of local midnight, in and out of order
    Instant beforeMidnight = LocalDate.of(2025, 10, 15).atTime(23, 59, 59).atZone(BA).toInstant();
    Instant afterMidnight = beforeMidnight.plusSeconds(1);
    level = ledger.apply(level, sale("S1#1", "1", beforeMidnight), product).level();
    level = ledger.apply(level, sale("S2#1", "2", afterMidnight), product).level();
    level = ledger.apply(level, sale("S3#1", "4", beforeMidnight), product).level();
    level =
        ledger.apply(level, sale("S4#1", "8", afterMidnight.plusSeconds(86_399)), product).level();
    // then each sale counts on its own Buenos Aires day (the last one still 16/10, 23:59:59)
    assertThat(level.getRecentSales())
        .extracting(s -> s.getDay().toString(), s -> s.getQty().toPlainString())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("2025-10-15", "5.000"),
            org.assertj.core.groups.Tuple.tuple("2025-10-16", "10.000"));
  }

  @Test
  void shouldDropOldBucketsWhenLatestBusinessTimeAdvances() {
    // given 28 units sold on 2025-09-20
    Instant first = LocalDate.of(2025, 9, 20).atTime(12, 0).atZone(BA).toInstant();
    StockLevel level = ledger.apply(null, purchase("I1#1", "100", "10", first), product).level();
    level = ledger.apply(level, sale("S1#1", "28", first), product).level();
    assertThat(level.getDailySales28d()).isEqualByComparingTo("1.000");
    // when a movement 28 days later arrives
    Instant later = first.plus(java.time.Duration.ofDays(28));
    StockLevel after = ledger.apply(level, purchase("I2#1", "1", "10", later), product).level();
    // then the old day is out of the window
    assertThat(after.getRecentSales()).isEmpty();
    assertThat(after.getDailySales28d()).isEqualByComparingTo("0.000");
    assertThat(after.getDaysOfCover()).isNull();
  }

  @Test
  void shouldDeriveDemandSignalWhenSalesInWindow() {
    // given 100 on hand, no maxStock; lead 7 + cover 14 days
    StockLevel level = ledger.apply(null, purchase("I1#1", "100", "10", T0), product).level();
    // when 42 units are sold in the window: daily 1.5
    StockLevel after = ledger.apply(level, sale("S1#1", "42", T0), product).level();
    // then cover = 58 / 1.5 = 38.7 days; reorder = ceil(1.5 × 21) − 58 = 32 − 58 → 0
    assertThat(after.getDailySales28d()).isEqualByComparingTo("1.500");
    assertThat(after.getDaysOfCover()).isEqualByComparingTo("38.7");
    assertThat(after.getReorderQty()).isEqualByComparingTo("0.000");

    // when 50 more are sold: daily 3.286, onHand 8
    StockLevel low = ledger.apply(after, sale("S2#1", "50", T0), product).level();
    // then reorder = ceil(92 × 21 / 28) − 8 = 69 − 8 = 61; cover = 8 × 28 / 92 = 2.4
    assertThat(low.getDailySales28d()).isEqualByComparingTo("3.286");
    assertThat(low.getReorderQty()).isEqualByComparingTo("61.000");
    assertThat(low.getDaysOfCover()).isEqualByComparingTo("2.4");
  }

  @Test
  void shouldReorderUpToMaxStockWhenMaxStockSet() {
    // given maxStock 40
    ProductInfo withMax = new ProductInfo("A1", new BigDecimal("5"), new BigDecimal("40"), true);
    // when 12.5 are on hand
    StockLevel level = ledger.apply(null, purchase("I1#1", "12.5", "10", T0), withMax).level();
    // then
    assertThat(level.getReorderQty()).isEqualByComparingTo("27.500");
    assertThat(level.getMaxStock()).isEqualByComparingTo("40.000");
  }

  @Test
  void shouldRaiseAlertWithoutMovementWhenMinStockRises() {
    // given 8 on hand with minStock 5 (OK)
    StockLevel level = ledger.apply(null, purchase("I1#1", "8", "10", T0), product).level();
    // when minStock becomes 10
    Instant changedAt = T0.plusSeconds(3600);
    LedgerResult result =
        ledger.reevaluate(level, new ProductInfo("A1", BigDecimal.TEN, null, true), changedAt);
    // then
    assertThat(result.movement()).isNull();
    StockAlert alert = result.alert();
    assertThat(alert.getStatus()).isEqualTo(StockStatus.LOW);
    assertThat(alert.getPreviousStatus()).isEqualTo(StockStatus.OK);
    assertThat(alert.getSince()).isEqualTo(changedAt);
    assertThat(result.level().getMovements()).isEqualTo(1);
    assertThat(result.level().getUpdatedAt()).isEqualTo(T0);
  }

  @Test
  void shouldRefuseTransferWhenAppliedAsSingleMovement() {
    // given
    StockCommand transfer =
        new StockCommand(
            CommandType.TRANSFER, "central", "A1", BigDecimal.ONE, null, "TR1", T0, "norte", null);
    // when / then
    assertThatThrownBy(() -> ledger.apply(null, transfer, product))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TR1");
  }
}
