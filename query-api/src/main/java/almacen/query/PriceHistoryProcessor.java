package almacen.query;

import almacen.events.Price;
import almacen.schemas.StoreNames;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/** Prices per sku keyed {@code sku|effectiveAt|reason}, trimmed to the newest {@code limit}. */
final class PriceHistoryProcessor implements Processor<String, Price, Void, Void> {

  private final int limit;
  private KeyValueStore<String, Price> store;

  PriceHistoryProcessor(int limit) {
    this.limit = limit;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    store = context.getStateStore(StoreNames.QUERY_PRICE_HISTORY);
  }

  @Override
  public void process(Record<String, Price> record) {
    Price p = record.value();
    if (p == null) {
      throw new IllegalArgumentException("Tombstone on price history for key " + record.key());
    }
    String sku = p.getSku();
    store.put(
        StoreKeys.priceHistory(sku, p.getEffectiveAt().toEpochMilli(), p.getReason().name()), p);
    List<String> expired = new ArrayList<>();
    try (KeyValueIterator<String, Price> it =
        store.reverseRange(StoreKeys.priceHistoryFrom(sku), StoreKeys.priceHistoryTo(sku))) {
      int seen = 0;
      while (it.hasNext()) {
        String key = it.next().key;
        if (++seen > limit) {
          expired.add(key);
        }
      }
    }
    expired.forEach(store::delete);
  }
}
