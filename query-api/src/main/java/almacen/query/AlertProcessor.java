package almacen.query;

import almacen.events.StockAlert;
import almacen.events.StockStatus;
import almacen.schemas.StoreNames;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** The alerts in force: one per branch|sku; a transition to OK (or a tombstone) clears it. */
final class AlertProcessor implements Processor<String, StockAlert, Void, Void> {

  private final ChangeListener listener;
  private KeyValueStore<String, StockAlert> store;

  AlertProcessor(ChangeListener listener) {
    this.listener = listener;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    store = context.getStateStore(StoreNames.QUERY_ALERTS);
  }

  @Override
  public void process(Record<String, StockAlert> record) {
    StockAlert alert = record.value();
    String key =
        alert == null ? record.key() : StoreNames.branchSkuKey(alert.getBranch(), alert.getSku());
    if (key == null) {
      throw new IllegalArgumentException("Stock alert tombstone without key");
    }
    if (alert == null || alert.getStatus() == StockStatus.OK) {
      store.delete(key);
    } else {
      store.put(key, alert);
    }
    listener.changed(ChangeKind.ALERT, key, alert);
  }
}
