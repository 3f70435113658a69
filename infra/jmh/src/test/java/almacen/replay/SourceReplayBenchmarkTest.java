package almacen.replay;

import static org.assertj.core.api.Assertions.assertThat;

import almacen.events.Sale;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
  void shouldCarryTheCallsNumberAndTimeWhenASaleIsRewritten() {
    // given the benchmark set up and 4,001 sales fed
    SourceReplayBenchmark benchmark = new SourceReplayBenchmark();
    benchmark.setUp();
    for (int i = 0; i <= SourceReplayBenchmark.POOL; i++) {
      benchmark.sale();
    }
    // when the next record is made
    ConsumerRecord<byte[], byte[]> record = benchmark.nextSale();
    // then it is the pool's second sale under the id and time of call 4,002, 10 s after call 4,001
    Sale sale = benchmark.salesSerde().deserializer().deserialize("sales", record.value());
    assertThat(sale.getSaleId()).isEqualTo("V-00000000004001");
    assertThat(sale.getSoldAt()).isEqualTo(Instant.parse("2026-11-28T02:36:50Z"));
    assertThat(record.timestamp()).isEqualTo(Instant.parse("2026-11-28T02:36:50Z").toEpochMilli());
    assertThat(sale.getLines()).isEqualTo(SourceReplayBenchmark.poolSale(1).getLines());
    assertThat(sale.getBranch()).isEqualTo("norte");
  }
}
