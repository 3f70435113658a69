package almacen.query.read;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StaleReadsTest {

  @AfterEach
  void clear() {
    StaleReads.reset();
  }

  @Test
  void shouldNameContractAndLegacyHeaderWhenAnswerIsStale() {
    // when
    var headers = StaleReads.headers();

    // then: X-Stale is what the contract promises; Staleness is what earlier clients read
    assertThat(headers).containsEntry("X-Stale", "true").containsEntry("Staleness", "stale");
  }

  @Test
  void shouldForgetStaleMarkWhenRequestEnds() {
    // given
    StaleReads.mark();

    // when
    StaleReads.reset();

    // then
    assertThat(StaleReads.wasStale()).isFalse();
  }
}
