package almacen.support.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Token buckets per client per named bucket: bucket {@code b} with limit {@code n}/min holds at most {@code n}
 * tokens and refills continuously at {@code n} per minute. Thread-safe; memory is bounded by keeping at most
 * {@code maxClientsPerBucket} clients per bucket (the least recently seen are forgotten). A bucket with no limit
 * (absent, or 0 per minute) never limits.
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

  private static final long NANOS_PER_MINUTE = Duration.ofMinutes(1).toNanos();

  private final Map<String, Integer> perMinute;
  private final Clock clock;
  private final int maxClientsPerBucket;
  private final Map<String, LinkedHashMap<String, Bucket>> buckets = new HashMap<>();

  public RateLimiter(Map<String, Integer> perMinuteByBucket, Clock clock, int maxClientsPerBucket) {
    if (maxClientsPerBucket < 1) {
      throw new IllegalArgumentException("maxClientsPerBucket must be positive");
    }
    this.perMinute = Map.copyOf(perMinuteByBucket);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.maxClientsPerBucket = maxClientsPerBucket;
    for (Map.Entry<String, Integer> e : this.perMinute.entrySet()) {
      if (e.getValue() > 0) {
        buckets.put(e.getKey(), new LinkedHashMap<>(64, 0.75f, true) {
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
    long limit = perMinute.get(bucket);
    long capacity = limit * NANOS_PER_MINUTE;
    long now = nanos(clock.instant());
    synchronized (clients) {
      Bucket b = clients.computeIfAbsent(client == null ? "" : client, c -> new Bucket(capacity, now));
      // one token = NANOS_PER_MINUTE units; the bucket gains `limit` units per elapsed nanosecond
      long elapsed = Math.max(0, now - b.updatedNanos);
      long refill = elapsed >= capacity / limit ? capacity : elapsed * limit;
      b.units = Math.min(capacity, b.units + refill);
      b.updatedNanos = Math.max(b.updatedNanos, now);
      if (b.units >= NANOS_PER_MINUTE) {
        b.units -= NANOS_PER_MINUTE;
        return Decision.ALLOWED;
      }
      long missingUnits = NANOS_PER_MINUTE - b.units;
      return new Decision(false, Duration.ofNanos((missingUnits + limit - 1) / limit));
    }
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

  private static long nanos(Instant instant) {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }

  private static final class Bucket {
    long units;
    long updatedNanos;

    Bucket(long units, long updatedNanos) {
      this.units = units;
      this.updatedNanos = updatedNanos;
    }
  }
}
