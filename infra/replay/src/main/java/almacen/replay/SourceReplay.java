package almacen.replay;

import almacen.events.Product;
import almacen.events.StockLevel;
import almacen.events.StockMovement;
import almacen.events.TaxRegime;
import almacen.inventory.domain.DemandSettings;
import almacen.inventory.domain.InvalidStockEventException;
import almacen.inventory.domain.LedgerResult;
import almacen.inventory.domain.ProductInfo;
import almacen.inventory.domain.SourceRule;
import almacen.inventory.domain.SourceRules;
import almacen.inventory.domain.StockCommand;
import almacen.inventory.domain.StockCommands;
import almacen.inventory.domain.StockLedger;
import almacen.schemas.StoreNames;
import almacen.schemas.Topic;
import almacen.schemas.Topics;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Re-applies the inventory rules to the source topics with stream-inventory's own rule classes
 * (inventory-rules: {@link SourceRules} for which event counts and how long its id is remembered,
 * {@link StockCommands}, {@link StockLedger}), as its single task does with one partition per
 * topic: stream time is the latest record time read; each event is checked whole before any of it
 * takes effect; a sale id is forgotten {@link SourceRules#DEFAULT_SALE_ID_MEMORY} after it took
 * effect; invalid events are skipped (Streams sends them to the DLQ); a catalogue change
 * re-evaluates the levels of its sku. Events whose business time is after {@code asOf} are ignored.
 */
final class SourceReplay {

  private final Topics topics;
  private final Instant asOf;
  private final SourceRules rules;
  private final StockLedger ledger = new StockLedger(DemandSettings.defaults());
  private final Consumer<StockMovement> ledgerEntries;
  // the catalogue as the ledger sees it, one ProductInfo per sku (a sku moved but never
  // catalogued keeps its unknown() info): made once per catalogue change, not once per line
  private final Map<String, ProductInfo> products = new HashMap<>();
  private final Map<String, Ledgered> byKey = new HashMap<>();
  private final Map<String, Set<String>> branchesBySku = new HashMap<>();
  private final Map<String, Integer> repeatedMovements = new HashMap<>();
  private final SeenIds seen = new SeenIds();
  private long streamTime = Long.MIN_VALUE;
  private long duplicates;
  private long invalid;

  SourceReplay(Topics topics, Instant asOf, TaxRegime regime) {
    this(topics, asOf, regime, entry -> {});
  }

  /**
   * @param ledgerEntries receives each ledger entry the replay produces, in order
   */
  SourceReplay(
      Topics topics, Instant asOf, TaxRegime regime, Consumer<StockMovement> ledgerEntries) {
    this.topics = topics;
    this.asOf = asOf;
    this.rules =
        SourceRules.of(
            new StockCommands(regime, DemandSettings.BUENOS_AIRES),
            SourceRules.DEFAULT_SALE_ID_MEMORY);
    this.ledgerEntries = ledgerEntries;
  }

  List<String> sourceTopics() {
    return List.of(
        topics.products.name(),
        topics.sales.name(),
        topics.invoices.name(),
        topics.stockAdjustments.name(),
        topics.stockTransfers.name());
  }

  void accept(ConsumerRecord<byte[], byte[]> record) {
    String topic = record.topic();
    try {
      if (topic.equals(topics.products.name())) {
        product(record);
      } else if (topic.equals(topics.sales.name())) {
        event(record, topics.sales, rules.sales());
      } else if (topic.equals(topics.invoices.name())) {
        event(record, topics.invoices, rules.invoices());
      } else if (topic.equals(topics.stockAdjustments.name())) {
        event(record, topics.stockAdjustments, rules.adjustments());
      } else if (topic.equals(topics.stockTransfers.name())) {
        event(record, topics.stockTransfers, rules.transfers());
      }
    } catch (InvalidStockEventException | SerializationException e) {
      invalid++;
    }
  }

  private <V> void event(
      ConsumerRecord<byte[], byte[]> record, Topic<String, V> topic, SourceRule<V> rule) {
    V event =
        record.value() == null
            ? null
            : topic.valueSerde().deserializer().deserialize(record.topic(), record.value());
    advance(record.timestamp());
    if (event == null) {
      throw new InvalidStockEventException("Empty " + rule.kind() + " record");
    }
    if (!rule.takesEffect().test(event)) {
      return;
    }
    List<StockCommand> commands = rule.commands().apply(event);
    if (!inScope(rule.businessTime().apply(event))) {
      return;
    }
    // the hash of rule.seenKey(event) ("kind:businessId"), without building that string
    long seenId = IdHash.of(rule.kind(), String.valueOf(rule.businessId().apply(event)));
    if (rule.remembers(seen.firstSeen(seenId), streamTime)) {
      duplicates++;
      return;
    }
    List<LedgerResult> results = ledger.executeAll(commands, this::level, this::productInfo);
    boolean again = seen.remember(seenId, record.timestamp(), rule.forgets());
    for (LedgerResult result : results) {
      store(result);
      if (again) {
        repeatedMovements.merge(result.movement().getMovementId(), 1, Integer::sum);
      }
    }
  }

  /**
   * As stream-inventory's products processor: keep the catalogue, re-evaluate every level of the
   * sku.
   */
  private void product(ConsumerRecord<byte[], byte[]> record) {
    String sku =
        record.key() == null
            ? null
            : topics.products.keySerde().deserializer().deserialize(record.topic(), record.key());
    Product product =
        record.value() == null
            ? null
            : topics
                .products
                .valueSerde()
                .deserializer()
                .deserialize(record.topic(), record.value());
    advance(record.timestamp());
    if (sku == null || sku.isBlank()) {
      throw new InvalidStockEventException("Product record without a sku key");
    }
    if (product != null && !sku.equals(product.getSku())) {
      throw new InvalidStockEventException(
          "Product key " + sku + " differs from its sku " + product.getSku());
    }
    // the catalogue as read, whatever asOf: it decides status and minimums, never quantities or
    // costs
    ProductInfo info = ProductInfo.ofNullable(sku, product);
    products.put(sku, info);
    Instant at = ProductInfo.changedAt(product, record.timestamp());
    for (String branch : branchesBySku.getOrDefault(sku, Set.of())) {
      Ledgered state = byKey.get(StoreNames.branchSkuKey(branch, sku));
      state.level = ledger.reevaluate(state.level, info, at).level();
    }
  }

  private void advance(long recordTime) {
    if (recordTime > streamTime) {
      streamTime = recordTime;
      if (rules.sales().forgets()) {
        seen.forgetBefore(rules.sales().forgetBefore(streamTime));
      }
    }
  }

  private boolean inScope(Instant businessTime) {
    return asOf == null || !businessTime.isAfter(asOf);
  }

  private ProductInfo productInfo(String sku) {
    ProductInfo info = products.get(sku);
    if (info == null) {
      info = ProductInfo.unknown(sku);
      products.put(sku, info);
    }
    return info;
  }

  private StockLevel level(String key) {
    Ledgered state = byKey.get(key);
    return state == null ? null : state.level;
  }

  private void store(LedgerResult result) {
    StockLevel level = result.level();
    String key = result.key();
    Ledgered state = byKey.get(key);
    if (state == null) {
      state = new Ledgered();
      byKey.put(key, state);
      branchesBySku.computeIfAbsent(level.getSku(), sku -> new TreeSet<>()).add(level.getBranch());
    }
    state.level = level;
    state.movements++;
    ledgerEntries.accept(result.movement());
  }

  /** The rebuilt level of every branch|sku key, in key order. */
  SortedMap<String, StockLevel> levels() {
    SortedMap<String, StockLevel> out = new TreeMap<>();
    byKey.forEach((key, state) -> out.put(key, state.level));
    return out;
  }

  /** How many ledger entries each branch|sku key should have. */
  Map<String, Long> movementsByKey() {
    Map<String, Long> out = new HashMap<>();
    byKey.forEach((key, state) -> out.put(key, state.movements));
    return out;
  }

  /** One key's rebuilt state: its level and how many ledger entries made it. */
  private static final class Ledgered {
    StockLevel level;
    long movements;
  }

  /**
   * Whether one more copy of this ledger entry is expected: the sale it comes from took effect
   * again after its id was forgotten, as the live app applies it again. Each call uses up one copy.
   */
  boolean repeatAllowed(String movementId) {
    Integer left = repeatedMovements.get(movementId);
    if (left == null) {
      return false;
    }
    if (left == 1) {
      repeatedMovements.remove(movementId);
    } else {
      repeatedMovements.put(movementId, left - 1);
    }
    return true;
  }

  long duplicates() {
    return duplicates;
  }

  long invalid() {
    return invalid;
  }
}
