package almacen.ingest.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ids accepted most recently (bounded, least recently seen evicted). A repeat found here is
 * answered 202 again without publishing; a repeat older than the window is published again and
 * counted once by the consumers (stream-inventory dedupes by id), so this is an optimisation, not
 * the guarantee.
 */
final class RecentIds {

  private final Map<String, Boolean> ids;

  RecentIds(int capacity) {
    this.ids =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > capacity;
          }
        };
  }

  synchronized boolean contains(String id) {
    return ids.get(id) != null;
  }

  synchronized void add(String id) {
    ids.put(id, Boolean.TRUE);
  }
}
