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
import java.util.Arrays;
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
 * <p>One partition per topic (the shop default, {@code almacen.topics.partitions=1}): the single
 * task holds every key, so each event is applied where it is read, whole and in one pass:
 *
 * <pre>
 * sales | invoices | stock-adjustments | stock-transfers      (keyed by business id)
 *   → inventory-{kind}-ledger   validate, once per id [inventory-dedupe], StockLedger.executeAll over
 *                               [inventory-levels], [inventory-products], [inventory-sku-branches]
 * products → inventory-products-apply   catalogue copy + re-evaluation of the branches holding the sku
 *   → stock-movements, stock-alerts (one record per ledger entry, per alert)
 *   → stock-levels                        the last level of each key changed, as the levels store's
 *                                         cache flushes before a commit ({@link LevelsOnFlush})
 * </pre>
 *
 * <p>A sale then reaches stock-levels in one commit, and each line costs one broker write and one
 * read fewer than with a repartition. With more partitions (a chain):
 *
 * <pre>
 * sources → inventory-{kind}-dedupe   validate, once per id, one command per effect
 *   → inventory-commands merge  → repartition inventory-by-branch-sku (key branch|sku, partitioned by sku)
 *   → inventory-ledger          StockLedger, command by command, over the same stores
 * </pre>
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
    KStream<String, LedgerOutput> fromEvents =
        config.partitions() > 1
            ? repartitionedLedger(builder, config, topics, rules, ledger, registry)
            : eventLedger(builder, config, topics, rules, ledger, registry);
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
        fromEvents.merge(fromProducts, Named.as("inventory-outputs"));

    sink(outputs, "movements", LedgerOutput::movement, topics.stockMovements);
    sink(outputs, "alerts", LedgerOutput::alert, topics.stockAlerts);
    // hung off the products step, which sits with the levels store in every topology and forwards a
    // record only on a catalogue alert: it needs no ledger line, only the store's flushes
    fromProducts
        .process(
            LevelsOnFlush::new, Named.as("inventory-levels-on-flush"), StoreNames.INVENTORY_LEVELS)
        .to(
            topics.stockLevels.name(),
            Produced.with(topics.stockLevels.keySerde(), topics.stockLevels.valueSerde())
                .withName("inventory-levels-sink"));
  }

  /**
   * A RocksDB store, changelogged. On disk so that a stopped instance starts again from its
   * checkpoint with nothing to restore. Cached, so a key written several times within a commit (a
   * busy sku) costs one RocksDB write, one changelog record and (levels) one stock-levels record,
   * and hot keys are read from memory. The changelog rolls a segment every hour so the broker
   * compacts it: after a crash (EOS has no checkpoint then, and Kafka Streams 4.2 wipes the store)
   * the restore reads about one record per key, not every update ever made.
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

  /**
   * One partition: every task holds every key, so each event goes straight into the ledger in the
   * task that read it, whole, in one pass and one transaction; a sale reaches stock-levels in one
   * commit.
   */
  private static KStream<String, LedgerOutput> eventLedger(
      StreamsBuilder builder,
      InventoryConfig config,
      Topics topics,
      SourceRules rules,
      StockLedger ledger,
      MeterRegistry registry) {
    SourceStep<LedgerOutput> step =
        new SourceStep<>() {
          @Override
          public <V> KStream<String, LedgerOutput> apply(
              Topic<String, V> topic, SourceRule<V> rule) {
            Counter duplicates = duplicatesCounter(rule, registry);
            return source(builder, topic, rule)
                .process(
                    () ->
                        new EventLedgerProcessor<>(
                            new SeenIds<>(rule, duplicates),
                            ledger,
                            new LiveCommit(config.liveWindow())),
                    Named.as("inventory-" + rule.kind() + "-ledger"),
                    ledgerStores(StoreNames.INVENTORY_DEDUPE));
          }
        };
    return eachSource(step, topics, rules, "inventory-events");
  }

  /**
   * More partitions (a chain): each event is checked and remembered by id where it is read, and its
   * commands are repartitioned so every branch of a sku is in the partition of the sku, where the
   * ledger applies them one by one. The dedupe side commits too before the ledger side sees a live
   * command.
   */
  private static KStream<String, LedgerOutput> repartitionedLedger(
      StreamsBuilder builder,
      InventoryConfig config,
      Topics topics,
      SourceRules rules,
      StockLedger ledger,
      MeterRegistry registry) {
    SourceStep<StockCommand> step =
        new SourceStep<>() {
          @Override
          public <V> KStream<String, StockCommand> apply(
              Topic<String, V> topic, SourceRule<V> rule) {
            Counter duplicates = duplicatesCounter(rule, registry);
            return source(builder, topic, rule)
                .process(
                    () ->
                        new DedupeProcessor<>(
                            new SeenIds<>(rule, duplicates), new LiveCommit(config.liveWindow())),
                    Named.as("inventory-" + rule.kind() + "-dedupe"),
                    StoreNames.INVENTORY_DEDUPE);
          }
        };
    return eachSource(step, topics, rules, "inventory-commands")
        .repartition(
            Repartitioned.<String, StockCommand>as(StoreNames.INVENTORY_BY_KEY_REPARTITION)
                .withKeySerde(Serdes.String())
                .withValueSerde(new StockCommandSerde())
                .withStreamPartitioner(new SkuPartitioner())
                .withNumberOfPartitions(config.partitions()))
        .process(
            () -> new LedgerProcessor(ledger, new LiveCommit(config.liveWindow())),
            Named.as("inventory-ledger"),
            LedgerStores.NAMES);
  }

  /** One source kind's first step, generic in its event type. */
  private interface SourceStep<R> {
    <V> KStream<String, R> apply(Topic<String, V> topic, SourceRule<V> rule);
  }

  /** The step over sales, invoices, adjustments and transfers, merged (named {@code prefix-…}). */
  private static <R> KStream<String, R> eachSource(
      SourceStep<R> step, Topics topics, SourceRules rules, String prefix) {
    return step.apply(topics.sales, rules.sales())
        .merge(step.apply(topics.invoices, rules.invoices()), Named.as(prefix + "-invoices"))
        .merge(
            step.apply(topics.stockAdjustments, rules.adjustments()),
            Named.as(prefix + "-adjustments"))
        .merge(
            step.apply(topics.stockTransfers, rules.transfers()), Named.as(prefix + "-transfers"));
  }

  private static <V> KStream<String, V> source(
      StreamsBuilder builder, Topic<String, V> topic, SourceRule<V> rule) {
    return builder.stream(
        topic.name(),
        Consumed.with(topic.keySerde(), topic.valueSerde())
            .withName("inventory-" + rule.kind() + "-source"));
  }

  private static Counter duplicatesCounter(SourceRule<?> rule, MeterRegistry registry) {
    return Counter.builder(DUPLICATES_METRIC)
        .description("Source events ignored because their id already took effect")
        .tag("kind", rule.kind())
        .register(registry);
  }

  private static String[] ledgerStores(String... more) {
    String[] names = Arrays.copyOf(LedgerStores.NAMES, LedgerStores.NAMES.length + more.length);
    System.arraycopy(more, 0, names, LedgerStores.NAMES.length, more.length);
    return names;
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
