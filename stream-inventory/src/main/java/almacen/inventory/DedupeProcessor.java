package almacen.inventory;

import almacen.inventory.domain.StockCommand;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * First stop of every source event in a chain (more than one partition), still keyed by its
 * business id: validates the whole event, lets each id take effect once ({@link SeenIds}), then
 * emits one {@link StockCommand} per effect keyed by {@code branch|sku}, for the repartition by
 * sku. Each command is checked by the ledger where it applies.
 */
final class DedupeProcessor<V> implements Processor<String, V, String, StockCommand> {

  private final SeenIds<V> seenIds;
  private final LiveCommit liveCommit;
  private ProcessorContext<String, StockCommand> context;

  DedupeProcessor(SeenIds<V> seenIds, LiveCommit liveCommit) {
    this.seenIds = seenIds;
    this.liveCommit = liveCommit;
  }

  @Override
  public void init(ProcessorContext<String, StockCommand> context) {
    this.context = context;
    liveCommit.init(context);
    seenIds.init(context);
  }

  @Override
  public void process(Record<String, V> record) {
    SeenIds.NewEvent event = seenIds.newEvent(record);
    if (event == null) {
      return;
    }
    for (StockCommand effect : event.effects()) {
      context.forward(record.withKey(effect.key()).withValue(effect));
    }
    seenIds.remember(event.seenKey(), record.timestamp());
    liveCommit.afterRecord(record.timestamp());
  }
}
