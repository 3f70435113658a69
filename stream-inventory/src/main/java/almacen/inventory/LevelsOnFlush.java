package almacen.inventory;

import almacen.events.StockLevel;
import almacen.schemas.StoreNames;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.internals.InternalProcessorContext;
import org.apache.kafka.streams.processor.internals.ProcessorNode;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;

/**
 * Publishes stock-levels from the levels store's record cache as it flushes, not once per ledger
 * entry: a key changed many times between two commits (a busy sku, a bulk import) leaves once, with
 * its last value. The cache flushes before every commit (and when it evicts), so whatever a commit
 * makes durable in the levels store is in the same transaction on stock-levels: read_committed
 * readers see the same levels as before, at the same moment, only fewer superseded ones. The topic
 * is compacted: its readers keep the last value per key anyway. The ledger (stock-movements) stays
 * one record per effect.
 *
 * <p>This is how the DSL's cached KTables emit (its {@code TimestampedCacheFlushListener}); the
 * Processor API has no public hook for it, so this uses the same internal one, pinned by {@code
 * LevelsOnFlushTest} and the crash tests.
 */
final class LevelsOnFlush implements Processor<String, LedgerOutput, String, StockLevel> {

  @Override
  public void init(ProcessorContext<String, StockLevel> context) {
    @SuppressWarnings("unchecked")
    InternalProcessorContext<String, StockLevel> internal =
        (InternalProcessorContext<String, StockLevel>) context;
    ProcessorNode<?, ?, ?, ?> self = internal.currentNode();
    CacheFlushListener<String, StockLevel> listener =
        flushed -> {
          ProcessorNode<?, ?, ?, ?> previous = internal.currentNode();
          internal.setCurrentNode(self);
          try {
            internal.forward(flushed.withValue(flushed.value().newValue));
          } finally {
            internal.setCurrentNode(previous);
          }
        };
    StateStore store = context.getStateStore(StoreNames.INVENTORY_LEVELS);
    if (!listensOnFlush(store, listener)) {
      throw new IllegalStateException(
          StoreNames.INVENTORY_LEVELS + " must be a cached store to publish stock-levels on flush");
    }
  }

  @SuppressWarnings("unchecked")
  private static boolean listensOnFlush(
      StateStore store, CacheFlushListener<String, StockLevel> listener) {
    return store instanceof CachedStateStore<?, ?> cached
        && ((CachedStateStore<String, StockLevel>) cached).setFlushListener(listener, false);
  }

  /**
   * The parent's records (the products step's alerts) ask nothing of this node: the ledger and the
   * products step put levels into the store, and they leave when its cache flushes.
   */
  @Override
  public void process(Record<String, LedgerOutput> record) {
    // nothing per record: see the class comment
  }
}
