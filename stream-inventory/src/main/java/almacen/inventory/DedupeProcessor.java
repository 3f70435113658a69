package almacen.inventory;

import almacen.inventory.domain.InvalidStockEventException;
import almacen.inventory.domain.SourceRule;
import almacen.inventory.domain.StockCommand;
import almacen.schemas.StoreNames;
import io.micrometer.core.instrument.Counter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First stop of every source event, still keyed by its business id: validates the whole event, lets
 * each id take effect once (store {@link StoreNames#INVENTORY_DEDUPE}, key {@code kind:id}, value
 * the record time it was first seen), then emits one {@link StockCommand} per effect keyed by
 * {@code branch|sku}. What is a duplicate, and for how long, is the {@link SourceRule}'s decision
 * (the audit replay asks the same rule); the hourly purge on stream time only frees the store.
 */
final class DedupeProcessor<V> implements Processor<String, V, String, StockCommand> {

  static final Duration PURGE_INTERVAL = Duration.ofHours(1);
  private static final Logger log = LoggerFactory.getLogger(DedupeProcessor.class);

  private final SourceRule<V> rule;
  private final Counter duplicates;
  private final LiveCommit liveCommit;
  private final LedgerDryRun dryRun;
  private ProcessorContext<String, StockCommand> context;
  private KeyValueStore<String, Long> seen;

  /**
   * @param dryRun checks the whole event against the ledger before any effect, or null where the
   *     ledger's stores are in another task
   */
  DedupeProcessor(
      SourceRule<V> rule, Counter duplicates, LiveCommit liveCommit, LedgerDryRun dryRun) {
    this.rule = rule;
    this.duplicates = duplicates;
    this.liveCommit = liveCommit;
    this.dryRun = dryRun;
  }

  @Override
  public void init(ProcessorContext<String, StockCommand> context) {
    this.context = context;
    liveCommit.init(context);
    this.seen = context.getStateStore(StoreNames.INVENTORY_DEDUPE);
    if (dryRun != null) {
      dryRun.init(context);
    }
    if (rule.forgets()) {
      context.schedule(PURGE_INTERVAL, PunctuationType.STREAM_TIME, this::purge);
    }
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
    List<StockCommand> effects = rule.commands().apply(event);
    String seenKey = rule.seenKey(event);
    if (rule.remembers(seen.get(seenKey), context.currentStreamTimeMs())) {
      duplicates.increment();
      log.info(
          "Duplicate {} ignored (topic={} partition={} offset={})",
          seenKey,
          context.recordMetadata().map(m -> m.topic()).orElse("?"),
          context.recordMetadata().map(m -> m.partition()).orElse(-1),
          context.recordMetadata().map(m -> m.offset()).orElse(-1L));
      return;
    }
    if (dryRun != null) {
      dryRun.check(effects);
    }
    for (StockCommand effect : effects) {
      context.forward(record.withKey(effect.key()).withValue(effect));
    }
    // remembered with its effects (same task, same transaction): a refused event can be sent again
    seen.put(seenKey, record.timestamp());
    liveCommit.afterRecord(record.timestamp());
  }

  private void purge(long streamTime) {
    long cutoff = rule.forgetBefore(streamTime);
    List<String> expired = new ArrayList<>();
    try (KeyValueIterator<String, Long> it =
        seen.prefixScan(rule.kind() + ":", new StringSerializer())) {
      while (it.hasNext()) {
        KeyValue<String, Long> entry = it.next();
        if (entry.value < cutoff) {
          expired.add(entry.key);
        }
      }
    }
    expired.forEach(seen::delete);
    if (!expired.isEmpty()) {
      log.debug("Forgot {} {} ids seen before {}", expired.size(), rule.kind(), cutoff);
    }
  }
}
