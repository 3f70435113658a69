package almacen.inventory;

import almacen.inventory.domain.SourceRule;
import almacen.inventory.domain.SourceRules;
import almacen.inventory.domain.StockCommand;
import almacen.inventory.domain.StockLedger;
import almacen.schemas.StoreNames;
import almacen.schemas.Topic;
import almacen.schemas.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The exactly-once stock ledger, as a pure factory.
 *
 * <pre>
 * sales | invoices | stock-adjustments | stock-transfers      (keyed by business id)
 *   → inventory-{kind}-dedupe   validate, once per id [inventory-dedupe], one command per effect
 *   → inventory-commands merge  → repartition inventory-by-branch-sku (key branch|sku, partitioned by sku)
 *   → inventory-ledger          StockLedger over [inventory-levels], [inventory-products], [inventory-sku-branches]
 * products → inventory-products-apply   catalogue copy + re-evaluation of the branches holding the sku
 *   → stock-movements, stock-levels, stock-alerts
 * </pre>
 *
 * <p>With one partition per topic (the default, {@code almacen.topics.partitions=1}) the single
 * task already holds every key, so there is no repartition: the commands go straight to the ledger
 * in the same task and the same transaction. A sale then reaches stock-levels in one commit instead
 * of two, and each line costs one broker write and one read fewer. With more partitions (a chain)
 * the repartition puts every branch of a sku in the partition of the sku.
 */
public final class InventoryTopology {

  public static final String DUPLICATES_METRIC = "almacen.inventory.duplicates";

  /** Changelog topics: an hourly segment roll lets compaction keep them near one record per key. */
  static final Map<String, String> CHANGELOG_CONFIG =
      Map.of(TopicConfig.SEGMENT_MS_CONFIG, String.valueOf(Duration.ofHours(1).toMillis()));

  private InventoryTopology() {}

  public static Topology build(InventoryConfig config, Topics topics) {
    return build(config, topics, Metrics.globalRegistry);
  }

  public static Topology build(InventoryConfig config, Topics topics, MeterRegistry registry) {
    StreamsBuilder builder = new StreamsBuilder();
    define(builder, config, topics, registry);
    return builder.build();
  }

  /**
   * Adds the topology to {@code builder}: the Streams app's own (Spring's {@code
   * StreamsBuilderFactoryBean}, built with the app's config) or {@link #build}'s, for tests.
   */
  public static void define(
      StreamsBuilder builder, InventoryConfig config, Topics topics, MeterRegistry registry) {
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(StoreNames.INVENTORY_DEDUPE),
            Serdes.String(),
            Serdes.Long()));
    builder.addStateStore(persistent(StoreNames.INVENTORY_LEVELS, topics.stockLevels.valueSerde()));
    builder.addStateStore(persistent(StoreNames.INVENTORY_PRODUCTS, topics.products.valueSerde()));
    builder.addStateStore(persistent(StoreNames.INVENTORY_SKU_BRANCHES, Serdes.String()));

    SourceRules rules = config.sourceRules();
    StockLedger ledger = new StockLedger(config.demand());
    // one partition: every task holds every key, so commands need no repartition to reach their
    // ledger
    boolean repartitioned = config.partitions() > 1;
    // with a repartition the dedupe side must commit too before the ledger side can see a live
    // command
    Duration dedupeLiveWindow = repartitioned ? config.liveWindow() : Duration.ZERO;
    // with the ledger's stores in the same task, an event is tried whole against them before any
    // effect
    StockLedger dryRunLedger = repartitioned ? null : ledger;
    KStream<String, StockCommand> sales =
        dedupe(builder, topics.sales, rules.sales(), registry, dedupeLiveWindow, dryRunLedger);
    KStream<String, StockCommand> invoices =
        dedupe(
            builder, topics.invoices, rules.invoices(), registry, dedupeLiveWindow, dryRunLedger);
    KStream<String, StockCommand> adjustments =
        dedupe(
            builder,
            topics.stockAdjustments,
            rules.adjustments(),
            registry,
            dedupeLiveWindow,
            dryRunLedger);
    KStream<String, StockCommand> transfers =
        dedupe(
            builder,
            topics.stockTransfers,
            rules.transfers(),
            registry,
            dedupeLiveWindow,
            dryRunLedger);

    KStream<String, StockCommand> merged =
        sales
            .merge(invoices, Named.as("inventory-commands-invoices"))
            .merge(adjustments, Named.as("inventory-commands-adjustments"))
            .merge(transfers, Named.as("inventory-commands-transfers"));
    KStream<String, StockCommand> byKey =
        !repartitioned
            ? merged
            : merged.repartition(
                Repartitioned.<String, StockCommand>as(StoreNames.INVENTORY_BY_KEY_REPARTITION)
                    .withKeySerde(Serdes.String())
                    .withValueSerde(new StockCommandSerde())
                    .withStreamPartitioner(new SkuPartitioner())
                    .withNumberOfPartitions(config.partitions()));

    KStream<String, LedgerOutput> fromCommands =
        byKey.process(
            () -> new LedgerProcessor(ledger, new LiveCommit(config.liveWindow())),
            Named.as("inventory-ledger"),
            StoreNames.INVENTORY_LEVELS,
            StoreNames.INVENTORY_PRODUCTS,
            StoreNames.INVENTORY_SKU_BRANCHES);
    KStream<String, LedgerOutput> fromProducts =
        builder.stream(
                topics.products.name(),
                Consumed.with(topics.products.keySerde(), topics.products.valueSerde())
                    .withName("inventory-products-source"))
            .process(
                () -> new ProductProcessor(ledger, config.partitions()),
                Named.as("inventory-products-apply"),
                StoreNames.INVENTORY_LEVELS,
                StoreNames.INVENTORY_PRODUCTS,
                StoreNames.INVENTORY_SKU_BRANCHES);
    KStream<String, LedgerOutput> outputs =
        fromCommands.merge(fromProducts, Named.as("inventory-outputs"));

    sink(outputs, "movements", LedgerOutput::movement, topics.stockMovements);
    sink(outputs, "levels", LedgerOutput::level, topics.stockLevels);
    sink(outputs, "alerts", LedgerOutput::alert, topics.stockAlerts);
  }

  /**
   * A RocksDB store, changelogged. On disk so that a stopped instance starts again from its
   * checkpoint with nothing to restore. Cached, so a key written several times within a commit (a
   * busy sku) costs one RocksDB write and one changelog record, and hot keys are read from memory.
   * The changelog rolls a segment every hour so the broker compacts it: after a crash (EOS has no
   * checkpoint then, and Kafka Streams 4.2 wipes the store) the restore reads about one record per
   * key, not every update ever made.
   */
  static <V> StoreBuilder<KeyValueStore<String, V>> persistent(String name, Serde<V> valueSerde) {
    return Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(name), Serdes.String(), valueSerde)
        .withCachingEnabled()
        .withLoggingEnabled(CHANGELOG_CONFIG);
  }

  static String skuBranchKey(String sku, String branch) {
    return sku + "|" + branch;
  }

  private static <V> KStream<String, StockCommand> dedupe(
      StreamsBuilder builder,
      Topic<String, V> topic,
      SourceRule<V> rule,
      MeterRegistry registry,
      Duration liveWindow,
      StockLedger dryRunLedger) {
    String kind = rule.kind();
    Counter duplicates =
        Counter.builder(DUPLICATES_METRIC)
            .description("Source events ignored because their id already took effect")
            .tag("kind", kind)
            .register(registry);
    return builder.stream(
            topic.name(),
            Consumed.with(topic.keySerde(), topic.valueSerde())
                .withName("inventory-" + kind + "-source"))
        .process(
            () ->
                new DedupeProcessor<>(
                    rule,
                    duplicates,
                    new LiveCommit(liveWindow),
                    dryRunLedger == null ? null : new LedgerDryRun(dryRunLedger)),
            Named.as("inventory-" + kind + "-dedupe"),
            dedupeStores(dryRunLedger != null));
  }

  private static String[] dedupeStores(boolean withLedgerStores) {
    return withLedgerStores
        ? new String[] {
          StoreNames.INVENTORY_DEDUPE, StoreNames.INVENTORY_LEVELS, StoreNames.INVENTORY_PRODUCTS
        }
        : new String[] {StoreNames.INVENTORY_DEDUPE};
  }

  private static <V> void sink(
      KStream<String, LedgerOutput> outputs,
      String name,
      Function<LedgerOutput, V> part,
      Topic<String, V> topic) {
    outputs
        .filter((key, out) -> part.apply(out) != null, Named.as("inventory-" + name + "-present"))
        .mapValues(part::apply, Named.as("inventory-" + name + "-value"))
        .to(
            topic.name(),
            Produced.with(topic.keySerde(), topic.valueSerde())
                .withName("inventory-" + name + "-sink"));
  }
}
