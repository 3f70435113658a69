package almacen.query;

import almacen.events.Price;
import almacen.schemas.StoreNames;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps, per sku, the price that last changed its list price, with the list price before it as
 * {@code previousListPrice} (null for a sku's first price): a shelf label is due when this change
 * is newer than the branch's last print. A re-pricing that leaves the list price as it was (a new
 * cost rounding to the same price, a daily run) changes nothing, so its label is not due again.
 */
final class PriceChangeProcessor implements Processor<String, Price, Void, Void> {

  private KeyValueStore<String, Price> store;

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    store = context.getStateStore(StoreNames.QUERY_PRICE_CHANGES);
  }

  @Override
  public void process(Record<String, Price> record) {
    Price price = record.value();
    if (price == null) {
      throw new IllegalArgumentException("Tombstone on price history for key " + record.key());
    }
    Price last = store.get(price.getSku());
    if (last != null && last.getEffectiveAt().isAfter(price.getEffectiveAt())) {
      return; // an older price arriving late: the change already kept is newer
    }
    if (last != null && last.getListPrice().compareTo(price.getListPrice()) == 0) {
      return;
    }
    store.put(
        price.getSku(),
        Price.newBuilder(price)
            .setPreviousListPrice(last == null ? null : last.getListPrice())
            .build());
  }
}
