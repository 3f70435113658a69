package almacen.query;

import almacen.events.Price;
import almacen.events.Sale;
import almacen.events.StockMovement;
import almacen.query.catalog.ProductIndex;
import almacen.schemas.StoreNames;
import almacen.schemas.Topic;
import almacen.schemas.Topics;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The read models of the dashboard and REST API, as a pure factory.
 *
 * <pre>
 * partitioned (changelogged; any instance answers by locating the owner of the key):
 *   stock-levels     → [query-stock-levels]   branch|sku → StockLevel              (event stock)
 *   stock-alerts     → [query-alerts]         branch|sku → StockAlert, OK deletes  (event alert)
 *   stock-movements  → [query-movements]      branch|sku|seq → StockMovement, newest N per key
 *   price-history    → [query-price-history]  sku|effectiveAt|reason → Price, newest N per sku
 *                      [query-price-changes]  sku → Price that last changed the list price
 *   sales            → [query-sales-daily]    day|branch|saleId → sale total (money)
 *   sales            → [query-analytics-sales]  day|branch|sku → units, amount at the sale's prices
 *                      [query-analytics-sale-ids] saleId → day|offset (each saleId counted once)
 *   stock-movements  → [query-analytics-costs]  day|branch|sku → units, cost (SALE entries × unitCost)
 * global (every instance holds all, so StockView joins are local):
 *   products         → [query-products]       sku → Product, also fed to the in-memory ProductIndex
 *                                            (search tokens, EAN/PLU → sku) of every instance
 *   prices           → [query-prices]         sku → Price                          (event price)
 *   invoices         → [query-invoices]       invoiceId → Invoice                  (event invoice)
 *   inflation-index  → [query-inflation]      YYYY-MM → InflationMonth
 *   label-prints     → [query-label-prints]   branch → LabelPrint (labels last marked printed)
 * </pre>
 *
 * Every store is an idempotent upsert of its input, which is why this application may run
 * at-least-once (see QueryStreamsConfiguration); the additive analytics cells are made idempotent
 * by the input offset each cell carries ({@link DailyCell}). The analytics processors share the
 * source of their topic with the existing store of that topic (a topic has one source per
 * topology), so no sub-topology, task or internal topic is added. Suppliers and purchases are read
 * from the global invoices store (the invoices topic is already its source), see {@code
 * AnalyticsModel}.
 */
public final class QueryTopology {

  static final Serde<BigDecimal> MONEY_SERDE =
      Serdes.serdeFrom(
          (topic, v) -> v == null ? null : v.toPlainString().getBytes(StandardCharsets.UTF_8),
          (topic, b) -> b == null ? null : new BigDecimal(new String(b, StandardCharsets.UTF_8)));

  private QueryTopology() {}

  public static Topology build(QueryConfig config, Topics topics) {
    return build(config, topics, ChangeListener.NONE);
  }

  public static Topology build(QueryConfig config, Topics topics, ChangeListener listener) {
    return build(config, topics, listener, ProductIndex.Sink.NONE);
  }

  public static Topology build(
      QueryConfig config, Topics topics, ChangeListener listener, ProductIndex.Sink products) {
    StreamsBuilder builder = new StreamsBuilder();
    define(builder, config, topics, listener, products);
    return builder.build();
  }

  public static void define(
      StreamsBuilder builder, QueryConfig config, Topics topics, ChangeListener listener) {
    define(builder, config, topics, listener, ProductIndex.Sink.NONE);
  }

  /**
   * Adds the topology to {@code builder}: the Streams app's own (Spring's {@code
   * StreamsBuilderFactoryBean}, built with the app's config) or {@link #build}'s, for tests.
   */
  public static void define(
      StreamsBuilder builder,
      QueryConfig config,
      Topics topics,
      ChangeListener listener,
      ProductIndex.Sink products) {

    partitioned(
        builder,
        topics.stockLevels,
        StoreNames.QUERY_STOCK_LEVELS,
        topics.stockLevels.valueSerde(),
        () ->
            new LatestValueProcessor<>(StoreNames.QUERY_STOCK_LEVELS, ChangeKind.STOCK, listener));
    partitioned(
        builder,
        topics.stockAlerts,
        StoreNames.QUERY_ALERTS,
        topics.stockAlerts.valueSerde(),
        () -> new AlertProcessor(listener));
    KStream<String, StockMovement> movements =
        partitioned(
            builder,
            topics.stockMovements,
            StoreNames.QUERY_MOVEMENTS,
            topics.stockMovements.valueSerde(),
            () -> new MovementProcessor(config.movementsPerKey()));
    alsoInto(
        builder,
        movements,
        StoreNames.QUERY_ANALYTICS_COSTS,
        () -> new CostAnalyticsProcessor(config));
    KStream<String, Price> priceHistory =
        partitioned(
            builder,
            topics.priceHistory,
            StoreNames.QUERY_PRICE_HISTORY,
            topics.priceHistory.valueSerde(),
            () -> new PriceHistoryProcessor(config.priceHistoryPerSku()));
    builder.addStateStore(
        storeBuilder(StoreNames.QUERY_PRICE_CHANGES, topics.priceHistory.valueSerde()));
    priceHistory.process(
        PriceChangeProcessor::new,
        Named.as(StoreNames.QUERY_PRICE_CHANGES + "-apply"),
        StoreNames.QUERY_PRICE_CHANGES);
    KStream<String, Sale> sales =
        partitioned(
            builder,
            topics.sales,
            StoreNames.QUERY_SALES_DAILY,
            MONEY_SERDE,
            () -> new DailySalesProcessor(config));
    builder.addStateStore(storeBuilder(StoreNames.QUERY_ANALYTICS_SALE_IDS, Serdes.String()));
    alsoInto(
        builder,
        sales,
        StoreNames.QUERY_ANALYTICS_SALES,
        () -> new SalesAnalyticsProcessor(config),
        StoreNames.QUERY_ANALYTICS_SALE_IDS);

    global(builder, topics.products, StoreNames.QUERY_PRODUCTS, null, listener, products::apply);
    global(builder, topics.prices, StoreNames.QUERY_PRICES, ChangeKind.PRICE, listener);
    global(builder, topics.invoices, StoreNames.QUERY_INVOICES, ChangeKind.INVOICE, listener);
    global(builder, topics.inflationIndex, StoreNames.QUERY_INFLATION, null, listener);
    global(builder, topics.labelPrints, StoreNames.QUERY_LABEL_PRINTS, null, listener);
  }

  private static <V, S> KStream<String, V> partitioned(
      StreamsBuilder builder,
      Topic<String, V> topic,
      String store,
      Serde<S> storeValueSerde,
      ProcessorSupplier<String, V, Void, Void> processor) {
    builder.addStateStore(storeBuilder(store, storeValueSerde));
    KStream<String, V> stream =
        builder.stream(
            topic.name(),
            Consumed.with(topic.keySerde(), topic.valueSerde()).withName(store + "-source"));
    stream.process(processor, Named.as(store + "-apply"), store);
    return stream;
  }

  /** A second analytics store fed by an existing source (same sub-topology, same partitions). */
  private static <V> void alsoInto(
      StreamsBuilder builder,
      KStream<String, V> stream,
      String store,
      ProcessorSupplier<String, V, Void, Void> processor,
      String... otherStores) {
    builder.addStateStore(storeBuilder(store, DailyCell.SERDE));
    String[] stores = new String[otherStores.length + 1];
    stores[0] = store;
    System.arraycopy(otherStores, 0, stores, 1, otherStores.length);
    stream.process(processor, Named.as(store + "-apply"), stores);
  }

  private static <V> void global(
      StreamsBuilder builder,
      Topic<String, V> topic,
      String store,
      ChangeKind kind,
      ChangeListener listener) {
    global(builder, topic, store, kind, listener, (key, value) -> {});
  }

  private static <V> void global(
      StreamsBuilder builder,
      Topic<String, V> topic,
      String store,
      ChangeKind kind,
      ChangeListener listener,
      BiConsumer<String, V> applied) {
    // Kafka 4.2 replays restored records through the processor (reprocess-on-restore), so it
    // must only upsert
    builder.addGlobalStore(
        storeBuilder(store, topic.valueSerde()).withLoggingDisabled(),
        topic.name(),
        Consumed.with(topic.keySerde(), topic.valueSerde()).withName(store + "-source"),
        () -> new LatestValueProcessor<>(store, kind, listener, applied));
  }

  private static <V> StoreBuilder<KeyValueStore<String, V>> storeBuilder(
      String name, Serde<V> valueSerde) {
    return Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(name), Serdes.String(), valueSerde)
        .withCachingDisabled();
  }
}
