package almacen.inventory;

import almacen.inventory.domain.InvalidStockEventException;
import almacen.inventory.domain.SourceRule;
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

  private final SourceRule<V> rule;
  private final SeenIds<V> seenIds;
  private final LiveCommit liveCommit;
  private ProcessorContext<String, StockCommand> context;

  DedupeProcessor(SourceRule<V> rule, SeenIds<V> seenIds, LiveCommit liveCommit) {
    this.rule = rule;
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
    V event = record.value();
    if (event == null) {
      throw new InvalidStockEventException(
          "Empty " + rule.kind() + " record (null value) with key " + record.key());
    }
    if (!rule.takesEffect().test(event)) {
      return;
    }
    var effects = rule.commands().apply(event);
    String seenKey = rule.seenKey(event);
    if (seenIds.alreadyTookEffect(seenKey)) {
      return;
    }
    for (StockCommand effect : effects) {
      context.forward(record.withKey(effect.key()).withValue(effect));
    }
    seenIds.remember(seenKey, record.timestamp());
    liveCommit.afterRecord(record.timestamp());
  }
}
