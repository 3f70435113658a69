package almacen.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LiveCommitTest {

  private static final long NOW = 1_764_300_000_000L;

  @ParameterizedTest(name = "window {0} ms, event {1} ms old -> commit {2}")
  @CsvSource({
      "2000, 0,      true",
      "2000, 150,    true",
      "2000, 2000,   true",
      "2000, 2001,   false",
      "2000, 600000, false",
      "2000, -50,    true",
      "0,    0,      false",
  })
  void shouldRequestCommitOnlyWhenEventIsLive(long windowMs, long ageMs, boolean expected) {
    // given a stream thread whose wall clock reads NOW
    MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
    context.setCurrentSystemTimeMs(NOW);
    LiveCommit liveCommit = new LiveCommit(Duration.ofMillis(windowMs));
    // when a record of that age has been processed
    boolean requested = liveCommit.afterRecord(context, NOW - ageMs);
    // then a commit is asked for exactly when the record is live
    assertThat(requested).isEqualTo(expected);
    assertThat(context.committed()).isEqualTo(expected);
  }
}
