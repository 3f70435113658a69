package almacen.replay;

import almacen.events.StockLevel;
import almacen.events.StockMovement;
import almacen.schemas.StoreNames;
import almacen.schemas.Topics;
import com.carrotsearch.hppc.LongHashSet;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What verify reads besides the sources: the stock-movements ledger, checked entry by entry (after
 * = before + delta, a sequence without gaps per key), and the live stock-levels. Needs nothing from
 * the source replay, so it runs beside it; ledger entries seen twice are kept for the caller to
 * judge once the sources are known (a forgotten sale id applies its lines again).
 */
final class LedgerRead {

  /** One ledger key as read from stock-movements. */
  static final class LedgerKey {
    BigDecimal onHand = BigDecimal.ZERO;
    BigDecimal sumDeltas = BigDecimal.ZERO;
    long lastSequence;
    long entries;
  }

  /** A ledger entry id read more than once, and the key it was read under. */
  record Repeat(String key, String movementId) {}

  final Map<String, LedgerKey> ledger = new HashMap<>();
  final Map<String, StockLevel> live = new HashMap<>();
  final List<String> problems = new ArrayList<>();
  final List<Repeat> repeats = new ArrayList<>();
  long records;
  double seconds;

  private final LongHashSet movementIds = new LongHashSet(); // IdHash: millions in a small heap

  static LedgerRead of(Topics topics, TopicReader reader) {
    LedgerRead read = new LedgerRead();
    long start = System.nanoTime();
    read.records +=
        reader.readAll(
            List.of(topics.stockMovements.name()),
            r ->
                read.entry(
                    topics
                        .stockMovements
                        .valueSerde()
                        .deserializer()
                        .deserialize(r.topic(), r.value())));
    read.records +=
        reader.readAll(
            List.of(topics.stockLevels.name()),
            r -> {
              if (r.value() != null) {
                StockLevel l =
                    topics
                        .stockLevels
                        .valueSerde()
                        .deserializer()
                        .deserialize(r.topic(), r.value());
                read.live.put(StoreNames.branchSkuKey(l.getBranch(), l.getSku()), l);
              }
            });
    read.seconds = (System.nanoTime() - start) / 1e9;
    return read;
  }

  void entry(StockMovement m) {
    String key = StoreNames.branchSkuKey(m.getBranch(), m.getSku());
    LedgerKey k = ledger.computeIfAbsent(key, x -> new LedgerKey());
    if (m.getAfter().compareTo(m.getBefore().add(m.getDelta())) != 0) {
      problems.add(
          key + " " + m.getMovementId() + ": after " + m.getAfter() + " != before + delta");
    }
    if (m.getBefore().compareTo(k.onHand) != 0) {
      problems.add(
          key
              + " "
              + m.getMovementId()
              + ": before "
              + m.getBefore()
              + " != previous after "
              + k.onHand);
    }
    if (m.getSequence() != k.lastSequence + 1) {
      problems.add(key + ": sequence gap, " + k.lastSequence + " then " + m.getSequence());
    }
    if (!movementIds.add(IdHash.of(m.getMovementId()))) {
      repeats.add(new Repeat(key, m.getMovementId()));
    }
    k.onHand = m.getAfter();
    k.sumDeltas = k.sumDeltas.add(m.getDelta());
    k.lastSequence = m.getSequence();
    k.entries++;
  }
}
