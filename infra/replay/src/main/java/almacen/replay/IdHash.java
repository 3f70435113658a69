package almacen.replay;

/**
 * A business id as a 64-bit hash, so that millions of ids fit in primitive sets: FNV-1a 64 over the
 * UTF-16 chars, then a finaliser. Collisions are negligible at millions of ids (about n²/2⁶⁵).
 */
final class IdHash {

  private IdHash() {}

  static long of(String id) {
    return finish(mix(0xcbf29ce484222325L, id));
  }

  /** The hash of {@code kind + ":" + id}, without building that string. */
  static long of(String kind, String id) {
    long h = mix(0xcbf29ce484222325L, kind);
    h ^= ':';
    h *= 0x100000001b3L;
    return finish(mix(h, id));
  }

  private static long mix(long seed, String text) {
    long h = seed;
    for (int i = 0; i < text.length(); i++) {
      h ^= text.charAt(i);
      h *= 0x100000001b3L;
    }
    return h;
  }

  private static long finish(long hash) {
    long h = hash;
    h = (h ^ (h >>> 33)) * 0xff51afd7ed558ccdL;
    h = (h ^ (h >>> 33)) * 0xc4ceb93e49b9b8c3L;
    return h ^ (h >>> 33);
  }
}
