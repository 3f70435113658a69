package almacen.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import almacen.events.MovementType;
import almacen.events.StockStatus;
import almacen.inventory.domain.LedgerResult;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ledger benchmark's sale against its levels, run once (no timing). */
class LedgerBenchmarkTest {

  @Test
  void shouldMoveEachLineOfTheSaleWhenTheBenchmarkRunsOnce() {
    // given the benchmark set up: a five-line sale, levels of 70 units after a week of sales
    LedgerBenchmark benchmark = new LedgerBenchmark();
    benchmark.days = 7;
    benchmark.setUp();
    // when the sale's commands are made and executed
    List<LedgerResult> results = benchmark.fromSaleAndExecuteAll();
    // then every line is one SALE entry off its level, and the level gains today's bucket
    assertThat(results).hasSize(LedgerBenchmark.LINES);
    assertThat(results)
        .extracting(r -> r.movement().getMovementId())
        .containsExactly(
            "V-20261204-000123#1:SALE",
            "V-20261204-000123#2:SALE",
            "V-20261204-000123#3:SALE",
            "V-20261204-000123#4:SALE",
            "V-20261204-000123#5:SALE");
    assertThat(results)
        .extracting(r -> r.movement().getAfter())
        .containsExactly(
            new BigDecimal("68.000"),
            new BigDecimal("69.000"),
            new BigDecimal("69.250"),
            new BigDecimal("67.000"),
            new BigDecimal("69.000"));
    LedgerResult first = results.get(0);
    assertThat(first.movement().getType()).isEqualTo(MovementType.SALE);
    assertThat(first.movement().getSequence()).isEqualTo(10);
    assertThat(first.level().getStatus()).isEqualTo(StockStatus.OK);
    assertThat(first.level().getRecentSales()).hasSize(HotPathRecords.DAYS_OF_SALES + 1);
    assertThat(first.alert()).isNull();
  }

  @Test
  void shouldGiveTheSameResultsWhenTheCommandsWereMadeOnce() {
    // given the benchmark set up on levels with 28 days of sales
    LedgerBenchmark benchmark = new LedgerBenchmark();
    benchmark.days = 28;
    benchmark.setUp();
    // when executeAll runs on the commands made in the setup
    List<LedgerResult> results = benchmark.executeAll();
    // then they are those of the whole path, on levels of 28 units whose window drops a day
    assertThat(results).isEqualTo(benchmark.fromSaleAndExecuteAll());
    assertThat(results.get(0).movement().getAfter()).isEqualTo(new BigDecimal("26.000"));
    assertThat(results.get(0).level().getRecentSales()).hasSize(28);
  }
}
