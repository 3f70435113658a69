package almacen.support.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.Test;

class UnplannedStopGuardTest {

  private final List<Integer> exits = new ArrayList<>();
  private final UnplannedStopGuard guard =
      new UnplannedStopGuard((status, reason) -> exits.add(status));

  @Test
  void shouldExitNonZeroOnceWhenClientReachesError() {
    // when: every stream thread died (SHUTDOWN_CLIENT)
    guard.onChange(State.PENDING_ERROR, State.RUNNING);
    guard.onChange(State.ERROR, State.PENDING_ERROR);

    // then
    assertThat(exits).containsExactly(ProcessExit.STREAMS_FAILED);
    assertThat(ProcessExit.STREAMS_FAILED).isNotZero();
  }

  @Test
  void shouldExitNonZeroWhenClientShutsDownWithoutPlannedStop() {
    // when
    guard.onChange(State.PENDING_SHUTDOWN, State.RUNNING);

    // then
    assertThat(exits).containsExactly(ProcessExit.STREAMS_FAILED);
  }

  @Test
  void shouldNotExitWhenStopIsPlanned() {
    // given
    guard.onChange(State.REBALANCING, State.CREATED);
    guard.onChange(State.RUNNING, State.REBALANCING);

    // when
    guard.planStop();
    guard.onChange(State.PENDING_SHUTDOWN, State.RUNNING);
    guard.onChange(State.NOT_RUNNING, State.PENDING_SHUTDOWN);

    // then
    assertThat(exits).isEmpty();
  }

  @Test
  void shouldNotExitWhenClientOnlyRebalances() {
    // when
    guard.onChange(State.REBALANCING, State.RUNNING);
    guard.onChange(State.RUNNING, State.REBALANCING);

    // then
    assertThat(exits).isEmpty();
  }
}
