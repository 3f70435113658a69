package almacen.query;

/**
 * Told by the topology (on the stream thread) after a read model changed. Implementations must
 * return quickly and never throw: hand the work to another thread.
 */
@FunctionalInterface
public interface ChangeListener {

  ChangeListener NONE = (kind, key, value) -> {};

  /**
   * Announces that {@code key} of a store of {@code kind} changed.
   *
   * @param value the new value, null when the entry was removed
   */
  void changed(ChangeKind kind, String key, Object value);
}
