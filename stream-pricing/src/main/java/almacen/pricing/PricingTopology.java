package almacen.pricing;

import almacen.events.InflationMonth;
import almacen.events.Invoice;
import almacen.events.InvoiceKind;
import almacen.events.InvoiceLine;
import almacen.events.InvoiceStatus;
import almacen.events.Price;
import almacen.pricing.domain.InflationRule;
import almacen.schemas.StoreNames;
import almacen.schemas.Topic;
import almacen.schemas.Topics;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
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
 * Selling prices: {@code invoices} (CONFIRMED lines re-keyed by sku), {@code products} and {@code
 * inflation-index} in, {@code prices} (changes only) and {@code price-history} out.
 *
 * <pre>
 * invoices ─ cost lines by sku ─ repartition pricing-cost-by-sku ─┐
 * products ───────────────────────────────────────────────────────┼─ pricing-processor ─┬─ prices
 * inflation-index ─ validate (throws → DLQ) ─ broadcast to every ─┘   (4 stores,         └─ price-history
 *                   partition (pricing-inflation-broadcast)           daily punctuator)
 * </pre>
 *
 * <p>The inflation series is replicated into every pricing task (a multicast repartition), which
 * makes it "global" while keeping the validation and the INFLATION trigger inside a stream task;
 * see README for why this is not a GlobalKTable.
 */
public final class PricingTopology {

  /** Repartition topic that multicasts validated inflation months to every pricing task. */
  public static final String INFLATION_BROADCAST_REPARTITION =
      StoreNames.PRICING_INFLATION_BROADCAST_REPARTITION;

  public static final String PROCESSOR = "pricing-processor";
  public static final String INFLATION_VALIDATOR = "pricing-inflation-validate";

  private PricingTopology() {}

  public static Topology build(PricingConfig config, Topics topics, Clock clock) {
    StreamsBuilder builder = new StreamsBuilder();
    define(builder, config, topics, clock);
    return builder.build();
  }

  /**
   * Adds the topology to {@code builder}: the Streams app's own (Spring's {@code
   * StreamsBuilderFactoryBean}, built with the app's config) or {@link #build}'s, for tests.
   */
  public static void define(
      StreamsBuilder builder, PricingConfig config, Topics topics, Clock clock) {
    builder.addStateStore(store(StoreNames.PRICING_COSTS, topics.invoices.valueSerde()));
    builder.addStateStore(store(StoreNames.PRICING_PRODUCTS, topics.products.valueSerde()));
    builder.addStateStore(store(StoreNames.PRICING_INFLATION, topics.inflationIndex.valueSerde()));
    builder.addStateStore(store(StoreNames.PRICING_PRICES, topics.prices.valueSerde()));

    KStream<String, PricingInput> costs =
        builder.stream(topics.invoices.name(), consumed(topics.invoices, "pricing-invoices-source"))
            .flatMap(PricingTopology::costInvoicesBySku, Named.as("pricing-cost-lines"))
            .repartition(
                Repartitioned.<String, Invoice>as(StoreNames.PRICING_COST_BY_SKU_REPARTITION)
                    .withKeySerde(Serdes.String())
                    .withValueSerde(topics.invoices.valueSerde()))
            .mapValues(
                invoice -> (PricingInput) new PricingInput.Cost(invoice),
                Named.as("pricing-cost-input"));

    KStream<String, PricingInput> catalog =
        builder.stream(topics.products.name(), consumed(topics.products, "pricing-products-source"))
            .mapValues(
                product -> (PricingInput) new PricingInput.Catalog(product),
                Named.as("pricing-catalog-input"));

    KStream<String, PricingInput> inflation =
        builder.stream(
                topics.inflationIndex.name(),
                consumed(topics.inflationIndex, "pricing-inflation-source"))
            .mapValues(PricingTopology::requireUsable, Named.as(INFLATION_VALIDATOR))
            .repartition(
                Repartitioned.<String, InflationMonth>as(INFLATION_BROADCAST_REPARTITION)
                    .withKeySerde(Serdes.String())
                    .withValueSerde(topics.inflationIndex.valueSerde())
                    .withStreamPartitioner(new BroadcastPartitioner<>()))
            .mapValues(
                month -> (PricingInput) new PricingInput.Inflation(month),
                Named.as("pricing-inflation-input"));

    KStream<String, Price> prices =
        costs
            .merge(catalog, Named.as("pricing-merge-catalog"))
            .merge(inflation, Named.as("pricing-merge-inflation"))
            .process(
                () -> new PricingProcessor(config.rules(), clock, config.dailyCheckInterval()),
                Named.as(PROCESSOR),
                StoreNames.PRICING_COSTS,
                StoreNames.PRICING_PRODUCTS,
                StoreNames.PRICING_INFLATION,
                StoreNames.PRICING_PRICES);

    prices.to(topics.prices.name(), produced(topics.prices, "pricing-prices-sink"));
    prices.to(
        topics.priceHistory.name(), produced(topics.priceHistory, "pricing-price-history-sink"));
  }

  /**
   * One record per sku of a CONFIRMED, non-duplicate invoice: the invoice reduced to that sku's
   * line (the last one when the sku appears on several lines). Lines without a sku are not costs,
   * and neither is a credit or debit note: it corrects a past purchase, it does not price the next
   * one.
   */
  static List<KeyValue<String, Invoice>> costInvoicesBySku(String invoiceId, Invoice invoice) {
    if (invoice == null
        || invoice.getStatus() != InvoiceStatus.CONFIRMED
        || invoice.getKind() != InvoiceKind.INVOICE
        || invoice.getDuplicate()) {
      return List.of();
    }
    Map<String, InvoiceLine> lastLineBySku = new LinkedHashMap<>();
    for (InvoiceLine line : invoice.getLines()) {
      if (line.getSku() == null || line.getSku().isBlank()) {
        continue;
      }
      if (line.getUnitCost().signum() < 0) {
        throw new IllegalArgumentException(
            "Invoice " + invoiceId + " has a negative unit cost for " + line.getSku());
      }
      lastLineBySku.put(line.getSku(), line);
    }
    List<KeyValue<String, Invoice>> out = new ArrayList<>(lastLineBySku.size());
    lastLineBySku.forEach(
        (sku, line) ->
            out.add(
                KeyValue.pair(sku, Invoice.newBuilder(invoice).setLines(List.of(line)).build())));
    return out;
  }

  /** Throws for a record that must never be used, so the processing handler dead-letters it. */
  static InflationMonth requireUsable(String key, InflationMonth month) {
    if (month == null) {
      InflationRule.parseMonth(key); // a tombstone removes the month
      return null;
    }
    InflationRule.requireUsable(key, month.getMonth(), month.getRatePct());
    return month;
  }

  private static <V> StoreBuilder<KeyValueStore<String, V>> store(
      String name, Serde<V> valueSerde) {
    return Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(name), Serdes.String(), valueSerde);
  }

  private static <V> Consumed<String, V> consumed(Topic<String, V> topic, String name) {
    return Consumed.with(topic.keySerde(), (Serde<V>) topic.valueSerde()).withName(name);
  }

  private static <V> Produced<String, V> produced(Topic<String, V> topic, String name) {
    return Produced.with(topic.keySerde(), (Serde<V>) topic.valueSerde()).withName(name);
  }
}
