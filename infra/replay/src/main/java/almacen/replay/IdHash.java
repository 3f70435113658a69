package almacen.replay;

/**
 * A business id as a 64-bit hash, so that millions of ids fit in primitive sets: FNV-1a 64 over the
 * UTF-16 chars, then a finaliser. Collisions are negligible at millions of ids (about n²/2⁶⁵).
 */
final class IdHash {

  private IdHash() {}

  static long of(String id) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < id.length(); i++) {
      h ^= id.charAt(i);
      h *= 0x100000001b3L;
    }
    h = (h ^ (h >>> 33)) * 0xff51afd7ed558ccdL;
    h = (h ^ (h >>> 33)) * 0xc4ceb93e49b9b8c3L;
    return h ^ (h >>> 33);
  }
}
