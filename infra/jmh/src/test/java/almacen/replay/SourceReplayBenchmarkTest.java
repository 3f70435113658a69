package almacen.replay;

import static org.assertj.core.api.Assertions.assertThat;

import almacen.events.Sale;
import org.junit.jupiter.api.Test;

/** The replay benchmark's records, fed once (no timing). */
class SourceReplayBenchmarkTest {

  @Test
  void shouldApplyEverySaleOnceWhenMoreSalesThanThePoolAreFed() {
    // given the benchmark set up: the catalogue read, a pool of 4,000 encoded sales
    SourceReplayBenchmark benchmark = new SourceReplayBenchmark();
    benchmark.setUp();
    // when one sale more than the pool holds is fed (the pool's first record comes round again)
    for (int i = 0; i <= SourceReplayBenchmark.POOL; i++) {
      benchmark.sale();
    }
    // then each was a new sale of five lines: none invalid, none a duplicate
    SourceReplay replay = benchmark.replay();
    assertThat(replay.invalid()).isZero();
    assertThat(replay.duplicates()).isZero();
    assertThat(replay.movementsByKey().values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(20_005);
  }

  @Test
  void shouldCarryTheCallsNumberWhenASaleIdIsRewritten() {
    // given the benchmark set up and 4,001 sales fed
    SourceReplayBenchmark benchmark = new SourceReplayBenchmark();
    benchmark.setUp();
    for (int i = 0; i <= SourceReplayBenchmark.POOL; i++) {
      benchmark.sale();
    }
    // when the next record is made
    byte[] value = benchmark.nextSale().value();
    // then it is the pool's second sale under the id of call 4,002
    Sale sale = benchmark.salesSerde().deserializer().deserialize("sales", value);
    assertThat(sale.getSaleId()).isEqualTo("V-00000000004001");
    assertThat(sale.getLines()).isEqualTo(SourceReplayBenchmark.poolSale(1).getLines());
    assertThat(sale.getBranch()).isEqualTo("norte");
  }
}
