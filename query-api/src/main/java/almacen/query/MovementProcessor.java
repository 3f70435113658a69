package almacen.query;

import almacen.events.StockMovement;
import almacen.schemas.StoreNames;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The newest {@code limit} ledger entries per branch|sku, keyed {@code branch|sku|sequence}.
 * Sequences have no gaps, so writing sequence n drops exactly sequence n - limit.
 */
final class MovementProcessor implements Processor<String, StockMovement, Void, Void> {

  private final int limit;
  private KeyValueStore<String, StockMovement> store;

  MovementProcessor(int limit) {
    this.limit = limit;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    store = context.getStateStore(StoreNames.QUERY_MOVEMENTS);
  }

  @Override
  public void process(Record<String, StockMovement> record) {
    StockMovement m = record.value();
    if (m == null) {
      throw new IllegalArgumentException("Tombstone on the ledger for key " + record.key());
    }
    String branchSku = StoreNames.branchSkuKey(m.getBranch(), m.getSku());
    store.put(StoreKeys.movement(branchSku, m.getSequence()), m);
    long expired = m.getSequence() - limit;
    if (expired >= 1) {
      store.delete(StoreKeys.movement(branchSku, expired));
    }
  }
}
