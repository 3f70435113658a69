package almacen.support.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Token buckets per client per named bucket, on Bucket4j: bucket {@code b} with limit {@code n}/min
 * holds at most {@code n} tokens and refills greedily (continuously) at {@code n} per minute, on
 * the given {@link Clock}. Thread-safe; memory is bounded by keeping at most {@code
 * maxClientsPerBucket} clients per bucket (the least recently seen are forgotten). A bucket with no
 * limit (absent, or 0 per minute) never limits.
 */
public final class RateLimiter {

  /** The answer to one request: allowed, or limited with the time until the next token. */
  public record Decision(boolean allowed, Duration retryAfter) {
    static final Decision ALLOWED = new Decision(true, Duration.ZERO);

    /** Whole seconds to wait, at least 1, for a Retry-After header. */
    public long retryAfterSeconds() {
      return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
  }

  private final Map<String, Bandwidth> limits = new HashMap<>();
  private final TimeMeter time;
  private final Map<String, LinkedHashMap<String, Bucket>> buckets = new HashMap<>();

  public RateLimiter(Map<String, Integer> perMinuteByBucket, Clock clock, int maxClientsPerBucket) {
    if (maxClientsPerBucket < 1) {
      throw new IllegalArgumentException("maxClientsPerBucket must be positive");
    }
    this.time = new ClockTime(Objects.requireNonNull(clock, "clock"));
    for (Map.Entry<String, Integer> e : perMinuteByBucket.entrySet()) {
      int perMinute = e.getValue();
      if (perMinute > 0) {
        limits.put(
            e.getKey(),
            Bandwidth.builder()
                .capacity(perMinute)
                .refillGreedy(perMinute, Duration.ofMinutes(1))
                .build());
        buckets.put(
            e.getKey(),
            new LinkedHashMap<>(64, 0.75f, true) {
              @Override
              protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxClientsPerBucket;
              }
            });
      }
    }
  }

  /** True when {@code bucket} limits at all. */
  public boolean limits(String bucket) {
    return buckets.containsKey(bucket);
  }

  /** Takes one token of {@code client} in {@code bucket}. */
  public Decision tryAcquire(String bucket, String client) {
    LinkedHashMap<String, Bucket> clients = buckets.get(bucket);
    if (clients == null) {
      return Decision.ALLOWED;
    }
    Bucket tokens;
    synchronized (clients) {
      tokens =
          clients.computeIfAbsent(
              client == null ? "" : client,
              c ->
                  Bucket.builder()
                      .addLimit(limits.get(bucket))
                      .withCustomTimePrecision(time)
                      .build());
    }
    ConsumptionProbe probe = tokens.tryConsumeAndReturnRemaining(1);
    return probe.isConsumed()
        ? Decision.ALLOWED
        : new Decision(false, Duration.ofNanos(probe.getNanosToWaitForRefill()));
  }

  /** How many clients {@code bucket} remembers now (for tests of the memory bound). */
  int trackedClients(String bucket) {
    LinkedHashMap<String, Bucket> clients = buckets.get(bucket);
    if (clients == null) {
      return 0;
    }
    synchronized (clients) {
      return clients.size();
    }
  }

  /** Bucket4j's time from the injected clock, so tests move time by hand. */
  private record ClockTime(Clock clock) implements TimeMeter {
    @Override
    public long currentTimeNanos() {
      Instant now = clock.instant();
      return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    @Override
    public boolean isWallClockBased() {
      return true;
    }
  }
}
