package almacen.replay;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The business ids that took effect, as 64-bit hashes ({@link LongHashSet}): the replay's copy of
 * stream-inventory's dedupe store. Whether an id still blocks an event is the {@code SourceRule}'s
 * decision; this only keeps, for ids that can be forgotten, the record time each first took effect,
 * oldest first so that forgetting costs nothing per record.
 */
final class SeenIds {

  /**
   * What {@link #firstSeen} answers for an id kept for ever: a rule without memory ignores the
   * time.
   */
  static final long FOREVER = Long.MIN_VALUE;

  private final LongHashSet forever = new LongHashSet();
  private final LinkedHashMap<Long, Long> expiring = new LinkedHashMap<>();
  private final LongHashSet everExpiring = new LongHashSet();

  /**
   * Record time the id first took effect, {@link #FOREVER} for an id never forgotten, null if not
   * known.
   */
  Long firstSeen(String seenKey) {
    long h = LongHashSet.hash(seenKey);
    return forever.contains(h) ? Long.valueOf(FOREVER) : expiring.get(h);
  }

  /**
   * Remembers that the id took effect at {@code recordTime}. Returns true when an id that can be
   * forgotten had already taken effect once (and was forgotten): its ledger entries appear again.
   */
  boolean remember(String seenKey, long recordTime, boolean forgettable) {
    long h = LongHashSet.hash(seenKey);
    if (!forgettable) {
      forever.add(h);
      return false;
    }
    expiring.remove(h);
    expiring.put(h, recordTime);
    return !everExpiring.add(h);
  }

  /**
   * Drops forgettable ids first seen before {@code recordTime}, as the live app's hourly purge
   * does.
   */
  void forgetBefore(long recordTime) {
    Iterator<Map.Entry<Long, Long>> it = expiring.entrySet().iterator();
    while (it.hasNext() && it.next().getValue() < recordTime) {
      it.remove();
    }
  }
}
