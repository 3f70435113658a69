package almacen.inventory;

import almacen.inventory.domain.LedgerResult;
import almacen.inventory.domain.StockLedger;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * A source event straight into the ledger, where one task holds every key (one partition per topic,
 * the shop default): validates the whole event, lets its id take effect once ({@link SeenIds}),
 * applies all its commands in one pass ({@link StockLedger#executeAll}, which refuses the whole
 * event before any effect if any line would be refused), keeps each new level and emits the ledger
 * entry, level and alert of each key touched.
 */
final class EventLedgerProcessor<V> implements Processor<String, V, String, LedgerOutput> {

  private final SeenIds<V> seenIds;
  private final StockLedger ledger;
  private final LiveCommit liveCommit;
  private final LedgerStores stores = new LedgerStores();
  private ProcessorContext<String, LedgerOutput> context;

  EventLedgerProcessor(SeenIds<V> seenIds, StockLedger ledger, LiveCommit liveCommit) {
    this.seenIds = seenIds;
    this.ledger = ledger;
    this.liveCommit = liveCommit;
  }

  @Override
  public void init(ProcessorContext<String, LedgerOutput> context) {
    this.context = context;
    liveCommit.init(context);
    seenIds.init(context);
    stores.init(context);
  }

  @Override
  public void process(Record<String, V> record) {
    SeenIds.NewEvent event = seenIds.newEvent(record);
    if (event == null) {
      return;
    }
    List<LedgerResult> results = ledger.executeAll(event.effects(), stores::level, stores::product);
    for (LedgerResult result : results) {
      String key = stores.keep(result);
      context.forward(record.withKey(key).withValue(LedgerOutput.of(result)));
    }
    event.effects().forEach(LedgerMetrics::recordAge);
    // remembered with its effects (same task, same transaction): a refused event can be sent again
    seenIds.remember(event.seenKey(), record.timestamp());
    liveCommit.afterRecord(record.timestamp());
  }
}
