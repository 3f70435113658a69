package almacen.replay;

import com.carrotsearch.hppc.LongArrayDeque;
import com.carrotsearch.hppc.LongHashSet;
import com.carrotsearch.hppc.LongLongHashMap;

/**
 * The business ids that took effect, as 64-bit hashes ({@link IdHash}) in primitive collections
 * (about 30 bytes an id, so a replay of millions of sales fits a small heap): the replay's copy of
 * stream-inventory's dedupe store. Whether an id still blocks an event is the {@code SourceRule}'s
 * decision; this only keeps, for ids that can be forgotten, the record time each took effect, in
 * the order they did, so that forgetting costs nothing per record.
 */
final class SeenIds {

  /**
   * What {@link #firstSeen} answers for an id kept for ever: a rule without memory ignores the
   * time.
   */
  static final long FOREVER = Long.MIN_VALUE;

  // what a forgotten id maps to: it no longer blocks an event, but taking effect again is news
  private static final long FORGOTTEN = Long.MIN_VALUE + 1;

  private final LongHashSet forever = new LongHashSet();
  // every forgettable id that ever took effect → the record time it did, or FORGOTTEN; an id
  // taking effect again gets a new, later entry in the queue, and its older entry is skipped when
  // the queue reaches it
  private final LongLongHashMap expiring = new LongLongHashMap();
  private final LongArrayDeque queuedIds = new LongArrayDeque();
  private final LongArrayDeque queuedTimes = new LongArrayDeque();

  /**
   * Record time the id (its {@link IdHash}) first took effect, {@link #FOREVER} for an id never
   * forgotten, null if not known.
   */
  Long firstSeen(long h) {
    if (forever.contains(h)) {
      return FOREVER;
    }
    int slot = expiring.indexOf(h);
    return expiring.indexExists(slot) && expiring.indexGet(slot) != FORGOTTEN
        ? Long.valueOf(expiring.indexGet(slot))
        : null;
  }

  /**
   * Remembers that the id took effect at {@code recordTime}. Returns true when an id that can be
   * forgotten had already taken effect once (and was forgotten): its ledger entries appear again.
   */
  boolean remember(long h, long recordTime, boolean forgettable) {
    if (!forgettable) {
      forever.add(h);
      return false;
    }
    int slot = expiring.indexOf(h);
    boolean again = expiring.indexExists(slot);
    if (again) {
      expiring.indexReplace(slot, recordTime);
    } else {
      expiring.indexInsert(slot, h, recordTime);
    }
    queuedIds.addLast(h);
    queuedTimes.addLast(recordTime);
    return again;
  }

  /**
   * Drops forgettable ids that took effect before {@code recordTime}, in the order they took
   * effect, as the live app's purge does; stops at the first one not older than that.
   */
  void forgetBefore(long recordTime) {
    while (!queuedTimes.isEmpty() && queuedTimes.getFirst() < recordTime) {
      long h = queuedIds.removeFirst();
      long time = queuedTimes.removeFirst();
      int slot = expiring.indexOf(h);
      // an id that took effect again since has a later entry: this older one only leaves the queue
      if (expiring.indexExists(slot) && expiring.indexGet(slot) == time) {
        expiring.indexReplace(slot, FORGOTTEN);
      }
    }
  }
}
