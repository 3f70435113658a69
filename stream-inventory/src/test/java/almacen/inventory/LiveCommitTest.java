package almacen.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.MockProcessorContext.CapturedPunctuator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LiveCommitTest {

  private static final long NOW = 1_764_300_000_000L;

  private final MockProcessorContext<Object, Object> context = new MockProcessorContext<>();

  private LiveCommit started(long windowMs) {
    context.setCurrentSystemTimeMs(NOW);
    LiveCommit liveCommit = new LiveCommit(Duration.ofMillis(windowMs));
    liveCommit.init(context);
    return liveCommit;
  }

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
    LiveCommit liveCommit = started(windowMs);
    // when a record of that age has been processed
    boolean requested = liveCommit.afterRecord(NOW - ageMs);
    // then a commit is asked for exactly when the record is live
    assertThat(requested).isEqualTo(expected);
    assertThat(context.committed()).isEqualTo(expected);
  }

  @Test
  void shouldCommitLaterLiveRecordFromPunctuationWhenRequestedWithinSpacing() {
    // given a live record just committed
    LiveCommit liveCommit = started(2000);
    liveCommit.afterRecord(NOW);
    context.resetCommit();
    // when another live record comes 10 ms later
    context.setCurrentSystemTimeMs(NOW + 10);
    boolean requestedAtOnce = liveCommit.afterRecord(NOW + 10);
    // then it waits for the spacing, and the wall-clock punctuation after it asks for the commit
    assertThat(requestedAtOnce).isFalse();
    assertThat(context.committed()).isFalse();
    CapturedPunctuator punctuator = context.scheduledPunctuators().get(0);
    assertThat(punctuator.getInterval()).isEqualTo(Duration.ofMillis(25));
    punctuator.getPunctuator().punctuate(NOW + 30);
    assertThat(context.committed()).isFalse();
    punctuator.getPunctuator().punctuate(NOW + 55);
    assertThat(context.committed()).isTrue();
  }

  @Test
  void shouldNotCommitFromPunctuationWhenNothingLiveIsPending() {
    // given a live record committed at once, then only old records
    LiveCommit liveCommit = started(2000);
    liveCommit.afterRecord(NOW);
    context.resetCommit();
    liveCommit.afterRecord(NOW - 60_000);
    // when punctuations pass
    context.scheduledPunctuators().get(0).getPunctuator().punctuate(NOW + 100);
    // then no commit is asked for: the commit interval takes care of old records
    assertThat(context.committed()).isFalse();
  }

  @Test
  void shouldScheduleNothingWhenTurnedOff() {
    // when the live window is zero
    started(0);
    // then no punctuation runs
    assertThat(context.scheduledPunctuators()).isEmpty();
  }
}
