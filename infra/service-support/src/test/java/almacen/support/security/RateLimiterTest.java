package almacen.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2025-10-15T12:00:00Z"));
  private final RateLimiter limiter = new RateLimiter(Map.of("login", 10, "reads", 0), clock, 3);

  @Test
  void shouldRefuseEleventhRequestWithinAMinuteWhenLimitIsTen() {
    // given
    for (int i = 0; i < 10; i++) {
      assertThat(limiter.tryAcquire("login", "10.0.0.1").allowed()).isTrue();
    }

    // when
    RateLimiter.Decision eleventh = limiter.tryAcquire("login", "10.0.0.1");

    // then
    assertThat(eleventh.allowed()).isFalse();
    assertThat(eleventh.retryAfter()).isEqualTo(Duration.ofSeconds(6));
    assertThat(eleventh.retryAfterSeconds()).isEqualTo(6);
  }

  @Test
  void shouldAllowAgainWhenOneTokenHasRefilled() {
    // given
    for (int i = 0; i < 10; i++) {
      limiter.tryAcquire("login", "10.0.0.1");
    }

    // when
    clock.advance(Duration.ofSeconds(5));
    boolean tooEarly = limiter.tryAcquire("login", "10.0.0.1").allowed();
    clock.advance(Duration.ofSeconds(1));
    boolean refilled = limiter.tryAcquire("login", "10.0.0.1").allowed();

    // then
    assertThat(tooEarly).isFalse();
    assertThat(refilled).isTrue();
    assertThat(limiter.tryAcquire("login", "10.0.0.1").allowed()).isFalse();
  }

  @Test
  void shouldNotRefillAboveCapacityWhenIdleForLong() {
    // given
    limiter.tryAcquire("login", "10.0.0.1");
    clock.advance(Duration.ofDays(400));

    // when
    int allowed = 0;
    for (int i = 0; i < 20; i++) {
      allowed += limiter.tryAcquire("login", "10.0.0.1").allowed() ? 1 : 0;
    }

    // then
    assertThat(allowed).isEqualTo(10);
  }

  @Test
  void shouldKeepClientsIndependentWhenOneIsLimited() {
    // given
    for (int i = 0; i < 11; i++) {
      limiter.tryAcquire("login", "10.0.0.1");
    }

    // when / then
    assertThat(limiter.tryAcquire("login", "10.0.0.2").allowed()).isTrue();
  }

  @Test
  void shouldNeverLimitWhenBucketIsUnlimitedOrUnknown() {
    for (int i = 0; i < 1000; i++) {
      assertThat(limiter.tryAcquire("reads", "10.0.0.1").allowed()).isTrue();
      assertThat(limiter.tryAcquire("uploads", "10.0.0.1").allowed()).isTrue();
    }
    assertThat(limiter.limits("reads")).isFalse();
    assertThat(limiter.limits("login")).isTrue();
  }

  @Test
  void shouldForgetLeastRecentClientsWhenMoreThanTheBoundAreSeen() {
    // when
    for (int i = 0; i < 50; i++) {
      limiter.tryAcquire("login", "10.0.1." + i);
    }

    // then
    assertThat(limiter.trackedClients("login")).isEqualTo(3);
  }

  @Test
  void shouldGrantExactlyTheLimitWhenManyThreadsCompete() throws Exception {
    // given
    RateLimiter shared = new RateLimiter(Map.of("writes", 100), clock, 10);
    AtomicInteger granted = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> futures = new ArrayList<>();

    // when
    for (int t = 0; t < 8; t++) {
      futures.add(
          pool.submit(
              () -> {
                for (int i = 0; i < 50; i++) {
                  if (shared.tryAcquire("writes", "10.0.0.1").allowed()) {
                    granted.incrementAndGet();
                  }
                }
              }));
    }
    for (Future<?> f : futures) {
      f.get(10, TimeUnit.SECONDS);
    }
    pool.shutdown();

    // then
    assertThat(granted.get()).isEqualTo(100);
  }
}
