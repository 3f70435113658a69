package almacen.query;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Keeps the latest value per key (a tombstone removes it) and tells the listener. */
final class LatestValueProcessor<V> implements Processor<String, V, Void, Void> {

  private final String storeName;
  private final ChangeKind kind;
  private final ChangeListener listener;
  private KeyValueStore<String, V> store;

  /**
   * @param kind null when changes of this store are not announced
   */
  LatestValueProcessor(String storeName, ChangeKind kind, ChangeListener listener) {
    this.storeName = storeName;
    this.kind = kind;
    this.listener = listener;
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
    if (kind != null) {
      listener.changed(kind, record.key(), record.value());
    }
  }
}
