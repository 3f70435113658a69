package almacen.query;

import almacen.events.Product;
import almacen.query.catalog.ProductIndex;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The global products store's processor: keeps the latest Product per sku and feeds the in-memory
 * search and code index. StreamsBuilder#addGlobalStore registers it with reprocess-on-restore
 * (Kafka 4.2), so records restored after the store's checkpoint pass through here too.
 */
final class ProductCatalogProcessor implements Processor<String, Product, Void, Void> {

  private final String storeName;
  private final ProductIndex.Sink index;
  private KeyValueStore<String, Product> store;

  ProductCatalogProcessor(String storeName, ProductIndex.Sink index) {
    this.storeName = storeName;
    this.index = index;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    store = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, Product> record) {
    if (record.key() == null) {
      throw new IllegalArgumentException("Record without key on " + storeName);
    }
    if (record.value() == null) {
      store.delete(record.key());
    } else {
      store.put(record.key(), record.value());
    }
    index.apply(record.key(), record.value());
  }
}
