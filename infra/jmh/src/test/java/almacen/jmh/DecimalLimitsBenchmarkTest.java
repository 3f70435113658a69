package almacen.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import almacen.events.StockLevel;
import almacen.events.StockMovement;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The records the benchmarks measure, and the range check on them, run once (no timing). */
class DecimalLimitsBenchmarkTest {

  @Test
  void shouldFindNoOverflowWhenTheBenchmarkRecordsAreChecked() {
    // given the benchmark set up
    DecimalLimitsBenchmark benchmark = new DecimalLimitsBenchmark();
    benchmark.setUp();
    DecimalLimitsBenchmark.Level week = new DecimalLimitsBenchmark.Level();
    week.days = 7;
    week.setUp();
    DecimalLimitsBenchmark.Level window = new DecimalLimitsBenchmark.Level();
    window.days = 28;
    window.setUp();
    // when / then every decimal of the records fits
    assertThat(benchmark.stockLevel(week)).isEmpty();
    assertThat(benchmark.stockLevel(window)).isEmpty();
    assertThat(benchmark.stockMovement()).isEmpty();
  }

  @Test
  void shouldHoldAWeekOfBucketsWhenTheLevelIsBuiltByTheLedger() {
    // given two purchases (60 at 975.50, 24 at 1010.00) and 14 units sold over seven days
    // when the level and last ledger entry of the sale's first sku are built
    StockLevel level = HotPathRecords.level("ALM000001");
    StockMovement movement = HotPathRecords.movement("ALM000001");
    // then they carry the ledger's figures
    assertThat(level.getOnHand()).isEqualTo(new BigDecimal("70.000"));
    assertThat(level.getAvgCost()).isEqualTo(new BigDecimal("985.3571"));
    assertThat(level.getStockValue()).isEqualTo(new BigDecimal("68975.00"));
    assertThat(level.getRecentSales()).hasSize(7);
    assertThat(level.getDailySales28d()).isEqualTo(new BigDecimal("0.500"));
    assertThat(level.getMovements()).isEqualTo(9);
    assertThat(movement.getMovementId()).isEqualTo("V-202611-1#1:SALE");
    assertThat(movement.getAfter()).isEqualTo(new BigDecimal("70.000"));
  }

  @Test
  void shouldHoldTheWholeWindowWhenTheSkuSoldEveryDayFor28Days() {
    // given the same purchases and one to three units sold on each of 28 days (56 in all)
    // when the level is built
    StockLevel level = HotPathRecords.level("ALM000001", HotPathRecords.FULL_WINDOW_DAYS);
    // then it holds 28 buckets and 28 units
    assertThat(level.getRecentSales()).hasSize(28);
    assertThat(level.getOnHand()).isEqualTo(new BigDecimal("28.000"));
    assertThat(level.getDailySales28d()).isEqualTo(new BigDecimal("2.000"));
  }
}
