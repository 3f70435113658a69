package almacen.support.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

class ThreadDeathPolicyTest {

  private final AtomicLong now = new AtomicLong();
  private final ThreadDeathPolicy policy =
      new ThreadDeathPolicy(3, Duration.ofMinutes(10), now::get);

  @Test
  void shouldReplaceStreamThreadWhenItDiesOccasionally() {
    // when
    StreamThreadExceptionResponse first = policy.onDeath(false);
    now.addAndGet(Duration.ofMinutes(11).toNanos());
    policy.onDeath(false);
    policy.onDeath(false);
    StreamThreadExceptionResponse later = policy.onDeath(false);

    // then: the first death left the window, so three recent deaths are still replaced
    assertThat(first).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
    assertThat(later).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
  }

  @Test
  void shouldShutDownClientWhenStreamThreadsKeepDying() {
    // given
    policy.onDeath(false);
    policy.onDeath(false);
    policy.onDeath(false);

    // when
    StreamThreadExceptionResponse fourth = policy.onDeath(false);

    // then
    assertThat(fourth).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
  }

  @Test
  void shouldShutDownClientWhenGlobalThreadDies() {
    // when
    StreamThreadExceptionResponse response = policy.onDeath(true);

    // then
    assertThat(response).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
  }
}
