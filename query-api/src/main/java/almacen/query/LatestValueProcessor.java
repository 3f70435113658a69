package almacen.query;

import java.util.function.BiConsumer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the latest value per key (a tombstone removes it), tells the listener, and hands the change
 * to {@code applied} (the products store's in-memory index).
 */
final class LatestValueProcessor<V> implements Processor<String, V, Void, Void> {

  private final String storeName;
  private final ChangeKind kind;
  private final ChangeListener listener;
  private final BiConsumer<String, V> applied;
  private KeyValueStore<String, V> store;

  /**
   * @param kind null when changes of this store are not announced
   */
  LatestValueProcessor(String storeName, ChangeKind kind, ChangeListener listener) {
    this(storeName, kind, listener, (key, value) -> {});
  }

  LatestValueProcessor(
      String storeName, ChangeKind kind, ChangeListener listener, BiConsumer<String, V> applied) {
    this.storeName = storeName;
    this.kind = kind;
    this.listener = listener;
    this.applied = applied;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    store = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, V> record) {
    if (record.key() == null) {
      throw new IllegalArgumentException("Record without key on " + storeName);
    }
    if (record.value() == null) {
      store.delete(record.key());
    } else {
      store.put(record.key(), record.value());
    }
    applied.accept(record.key(), record.value());
    if (kind != null) {
      listener.changed(kind, record.key(), record.value());
    }
  }
}
