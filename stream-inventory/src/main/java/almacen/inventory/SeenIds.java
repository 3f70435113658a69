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
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets each id of one kind take effect once (store {@link StoreNames#INVENTORY_DEDUPE}, key {@code
 * kind:id}, value the record time it was first seen). What is a duplicate, and for how long, is the
 * {@link SourceRule}'s decision (the audit replay asks the same rule); the hourly purge on stream
 * time only frees the store.
 */
final class SeenIds<V> {

  static final Duration PURGE_INTERVAL = Duration.ofHours(1);
  private static final Logger log = LoggerFactory.getLogger(SeenIds.class);

  private final SourceRule<V> rule;
  private final Counter duplicates;
  private ProcessorContext<?, ?> context;
  private KeyValueStore<String, Long> seen;

  SeenIds(SourceRule<V> rule, Counter duplicates) {
    this.rule = rule;
    this.duplicates = duplicates;
  }

  void init(ProcessorContext<?, ?> context) {
    this.context = context;
    this.seen = context.getStateStore(StoreNames.INVENTORY_DEDUPE);
    if (rule.forgets()) {
      context.schedule(PURGE_INTERVAL, PunctuationType.STREAM_TIME, this::purge);
    }
  }

  /** An event that takes effect for the first time: its dedupe key and its commands. */
  record NewEvent(String seenKey, List<StockCommand> effects) {}

  /**
   * Validates the whole event (its commands) and answers it when it takes effect for the first
   * time; null for an event that takes no effect (a NEEDS_REVIEW invoice) or a duplicate (counted
   * and logged).
   *
   * @throws InvalidStockEventException for a null value or an event the rules refuse
   */
  NewEvent newEvent(Record<String, V> record) {
    V event = record.value();
    if (event == null) {
      throw new InvalidStockEventException(
          "Empty " + rule.kind() + " record (null value) with key " + record.key());
    }
    if (!rule.takesEffect().test(event)) {
      return null;
    }
    List<StockCommand> effects = rule.commands().apply(event);
    String seenKey = rule.seenKey(event);
    return alreadyTookEffect(seenKey) ? null : new NewEvent(seenKey, effects);
  }

  private boolean alreadyTookEffect(String seenKey) {
    if (!rule.remembers(seen.get(seenKey), context.currentStreamTimeMs())) {
      return false;
    }
    duplicates.increment();
    RecordMetadata meta = context.recordMetadata().orElse(null);
    log.info(
        "Duplicate {} ignored (task={} topic={} partition={} offset={})",
        seenKey,
        context.taskId(),
        meta == null ? "?" : meta.topic(),
        meta == null ? -1 : meta.partition(),
        meta == null ? -1 : meta.offset());
    return true;
  }

  /**
   * Remembers {@code seenKey} as taken effect at {@code recordTimestamp}: call it with the effects,
   * in the same task and transaction, so a refused event can be sent again.
   */
  void remember(String seenKey, long recordTimestamp) {
    seen.put(seenKey, recordTimestamp);
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
