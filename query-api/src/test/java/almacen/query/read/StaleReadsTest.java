package almacen.query.read;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StaleReadsTest {

  @Test
  void shouldNameContractAndLegacyHeaderWhenAnswerIsStale() {
    // when
    var headers = StaleReads.headers();

    // then: X-Stale is what the contract promises; Staleness is what earlier clients read
    assertThat(headers).containsEntry("X-Stale", "true").containsEntry("Staleness", "stale");
  }

  @Test
  void shouldStayFreshAndPreferActiveCopiesWhenNothingWasMarked() {
    // given
    StaleReads reads = new StaleReads();

    // when
    boolean stale = reads.wasStale();

    // then
    assertThat(stale).isFalse();
    assertThat(reads.stalePreferred()).isFalse();
  }

  @Test
  void shouldReportStaleWhenOneReadWasMarked() {
    // given
    StaleReads reads = new StaleReads();

    // when
    reads.mark();

    // then
    assertThat(reads.wasStale()).isTrue();
  }
}
