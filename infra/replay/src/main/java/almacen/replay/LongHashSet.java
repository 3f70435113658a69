package almacen.replay;

/**
 * Business ids already applied, as 64-bit hashes in an open-addressing table: ~16 bytes per id
 * instead of ~100 for a String set, so a replay of millions of sales stays small.
 */
final class LongHashSet {

  private long[] table = new long[1 << 16];
  private boolean hasZero;
  private int size;

  /** Adds the hash of {@code id}; false when it was already there. */
  boolean add(String id) {
    return add(hash(id));
  }

  boolean add(long h) {
    if (h == 0) {
      boolean added = !hasZero;
      hasZero = true;
      return added;
    }
    if (size * 2 >= table.length) {
      grow();
    }
    int mask = table.length - 1;
    int i = (int) (mix(h) & mask);
    while (table[i] != 0) {
      if (table[i] == h) {
        return false;
      }
      i = (i + 1) & mask;
    }
    table[i] = h;
    size++;
    return true;
  }

  boolean contains(long h) {
    if (h == 0) {
      return hasZero;
    }
    int mask = table.length - 1;
    int i = (int) (mix(h) & mask);
    while (table[i] != 0) {
      if (table[i] == h) {
        return true;
      }
      i = (i + 1) & mask;
    }
    return false;
  }

  int size() {
    return size + (hasZero ? 1 : 0);
  }

  private void grow() {
    long[] old = table;
    table = new long[old.length * 2];
    size = 0;
    for (long h : old) {
      if (h != 0) {
        add(h);
      }
    }
  }

  static long hash(String s) {
    // FNV-1a 64 over UTF-16 chars, then a finaliser: collisions are negligible at millions of ids
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    return mix(h);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb93e49b9b8c3L;
    return z ^ (z >>> 33);
  }
}
