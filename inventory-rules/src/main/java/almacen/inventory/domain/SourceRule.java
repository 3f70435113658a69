package almacen.inventory.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * How one kind of source event reaches the ledger: its business id (each id takes effect once),
 * whether it moves stock at all, its business time, its commands, and how long its id is
 * remembered. stream-inventory's dedupe processors and the audit replay both decide with these,
 * nowhere else.
 *
 * @param kind the kind, prefix of the dedupe key and tag of the duplicates metric
 * @param takesEffect false for an event that is neither applied nor remembered (a NEEDS_REVIEW
 *     invoice)
 * @param memory how long (stream time) an id is remembered after it first took effect; null for
 *     ever
 */
public record SourceRule<V>(
    String kind,
    Function<V, String> businessId,
    Predicate<V> takesEffect,
    Function<V, Instant> businessTime,
    Function<V, List<StockCommand>> commands,
    Duration memory) {

  public SourceRule {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(businessId, "businessId");
    Objects.requireNonNull(takesEffect, "takesEffect");
    Objects.requireNonNull(businessTime, "businessTime");
    Objects.requireNonNull(commands, "commands");
    if (memory != null && (memory.isNegative() || memory.isZero())) {
      throw new IllegalArgumentException(kind + " id memory must be positive, or null for ever");
    }
  }

  /** The dedupe key of an event: {@code kind:businessId}. */
  public String seenKey(V event) {
    return kind + ":" + businessId.apply(event);
  }

  /**
   * Whether an id that first took effect at {@code firstSeenMs} (null: never, or already purged)
   * still makes an event a duplicate at {@code streamTimeMs}. Exactly {@link #memory} after it took
   * effect an id is forgotten, whenever the purge runs, so the live app and a replay agree to the
   * millisecond.
   */
  public boolean remembers(Long firstSeenMs, long streamTimeMs) {
    return firstSeenMs != null && (memory == null || firstSeenMs >= forgetBefore(streamTimeMs));
  }

  /**
   * Ids first seen before this record time are forgotten at {@code streamTimeMs} (only with a
   * memory).
   */
  public long forgetBefore(long streamTimeMs) {
    return streamTimeMs - memory.toMillis();
  }

  public boolean forgets() {
    return memory != null;
  }
}
