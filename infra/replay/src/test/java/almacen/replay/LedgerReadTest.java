package almacen.replay;

import static org.assertj.core.api.Assertions.assertThat;

import almacen.events.MovementType;
import almacen.events.StockMovement;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LedgerReadTest {

  private final LedgerRead read = new LedgerRead();

  private static StockMovement sale(String id, String before, String after, long sequence) {
    return StockMovement.newBuilder()
        .setMovementId(id)
        .setBranch("central")
        .setSku("A1")
        .setType(MovementType.SALE)
        .setDelta(new BigDecimal(after).subtract(new BigDecimal(before)))
        .setBefore(new BigDecimal(before))
        .setAfter(new BigDecimal(after))
        .setSourceRef(id)
        .setOccurredAt(Instant.parse("2026-11-01T12:00:00Z"))
        .setSequence(sequence)
        .build();
  }

  @Test
  void shouldKeepTheKeyBalanceAndEntriesWhenTheLedgerIsWhole() {
    // when
    read.entry(sale("S1#1", "0", "-2", 1));
    read.entry(sale("S2#1", "-2", "-5", 2));

    // then
    LedgerRead.LedgerKey key = read.ledger.get("central|A1");
    assertThat(key.onHand).isEqualByComparingTo("-5");
    assertThat(key.sumDeltas).isEqualByComparingTo("-5");
    assertThat(key.entries).isEqualTo(2);
    assertThat(read.problems).isEmpty();
    assertThat(read.repeats).isEmpty();
  }

  @Test
  void shouldReportAGapAndABrokenChainWhenAnEntryIsMissing() {
    // when entry 2 is missing
    read.entry(sale("S1#1", "0", "-2", 1));
    read.entry(sale("S3#1", "-5", "-6", 3));

    // then
    assertThat(read.problems)
        .containsExactly(
            "central|A1 S3#1: before -5 != previous after -2",
            "central|A1: sequence gap, 1 then 3");
  }

  @Test
  void shouldKeepARepeatForTheCallerWhenAnEntryIdAppearsTwice() {
    // when
    read.entry(sale("S1#1", "0", "-2", 1));
    read.entry(sale("S1#1", "-2", "-4", 2));

    // then
    assertThat(read.repeats).containsExactly(new LedgerRead.Repeat("central|A1", "S1#1"));
  }
}
