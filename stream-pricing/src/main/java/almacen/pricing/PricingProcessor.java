package almacen.pricing;

import almacen.events.InflationMonth;
import almacen.events.Invoice;
import almacen.events.Price;
import almacen.events.PriceReason;
import almacen.events.Product;
import almacen.pricing.domain.InflationRule;
import almacen.pricing.domain.PriceBreakdown;
import almacen.pricing.domain.PriceCalculator;
import almacen.pricing.domain.PricingRules;
import almacen.schemas.DecimalLimits;
import almacen.schemas.StoreNames;
import almacen.support.SupportConfiguration;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
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
 * Keeps, per sku of its partition, the newest cost, the catalogue entry and the last published
 * price, plus a full copy of the inflation series; re-prices on each trigger and forwards a {@link
 * Price} only when the list price changes.
 */
final class PricingProcessor implements Processor<String, PricingInput, String, Price> {

  private static final Logger log = LoggerFactory.getLogger(PricingProcessor.class);

  /** Published list-price changes by reason, registered at start (zero until used). */
  private static final java.util.Map<PriceReason, io.micrometer.core.instrument.Counter> CHANGES =
      new java.util.EnumMap<>(PriceReason.class);

  /** Prices computed but past the schema's range (absurd forecasts), so not published. */
  private static final io.micrometer.core.instrument.Counter UNREPRESENTABLE =
      io.micrometer.core.instrument.Counter.builder("almacen.pricing.price.unrepresentable")
          .description("Prices not published because they exceed the price schema's range")
          .register(io.micrometer.core.instrument.Metrics.globalRegistry);

  static {
    for (PriceReason reason : PriceReason.values()) {
      CHANGES.put(
          reason,
          io.micrometer.core.instrument.Counter.builder("almacen.pricing.price.changes")
              .description("List price changes published, by reason")
              .tag("reason", reason.name())
              .register(io.micrometer.core.instrument.Metrics.globalRegistry));
    }
  }

  private final PricingRules rules;
  private final Clock clock;
  private final Duration dailyCheckInterval;

  private ProcessorContext<String, Price> context;
  private KeyValueStore<String, Invoice> costs;
  private KeyValueStore<String, Product> products;
  private KeyValueStore<String, InflationMonth> inflation;
  private KeyValueStore<String, Price> prices;

  /** In-memory view of the inflation store (this processor is its only writer); null = reload. */
  private NavigableMap<YearMonth, BigDecimal> series;

  /** The Buenos Aires day of the last DAILY re-price; null until the first check after start. */
  private LocalDate lastDailyRun;

  PricingProcessor(PricingRules rules, Clock clock, Duration dailyCheckInterval) {
    this.rules = rules;
    this.clock = clock;
    this.dailyCheckInterval = dailyCheckInterval;
  }

  @Override
  public void init(ProcessorContext<String, Price> context) {
    this.context = context;
    this.costs = context.getStateStore(StoreNames.PRICING_COSTS);
    this.products = context.getStateStore(StoreNames.PRICING_PRODUCTS);
    this.inflation = context.getStateStore(StoreNames.PRICING_INFLATION);
    this.prices = context.getStateStore(StoreNames.PRICING_PRICES);
    this.series = null;
    this.lastDailyRun = null;
    context.schedule(dailyCheckInterval, PunctuationType.WALL_CLOCK_TIME, this::dailyCheck);
  }

  @Override
  public void process(Record<String, PricingInput> record) {
    PricingInput input = record.value();
    if (input instanceof PricingInput.Cost cost) {
      onCost(record.key(), cost.costInvoice(), record.timestamp());
    } else if (input instanceof PricingInput.Catalog catalog) {
      onCatalog(record.key(), catalog.product(), record.timestamp());
    } else if (input instanceof PricingInput.Inflation month) {
      onInflation(record.key(), month.month(), record.timestamp());
    } else {
      throw new IllegalStateException("Unknown pricing input " + input);
    }
  }

  private void onCost(String sku, Invoice incoming, long timestamp) {
    Invoice current = costs.get(sku);
    if (current != null && incoming.getIssueDate().isBefore(current.getIssueDate())) {
      log.info(
          "Cost of {} from invoice {} ({}) is older than the current one from {} ({}); kept the newer",
          sku,
          incoming.getInvoiceId(),
          incoming.getIssueDate(),
          current.getInvoiceId(),
          current.getIssueDate());
      return;
    }
    costs.put(sku, incoming);
    reprice(sku, incoming, PriceReason.COST, timestamp, series(), today());
  }

  private void onCatalog(String sku, Product product, long timestamp) {
    if (product == null) {
      // Deleted from the catalogue: no new prices for it; the last published one stays.
      products.delete(sku);
      return;
    }
    Product previous = products.get(sku);
    products.put(sku, product);
    if (previous != null && PriceEvents.samePricingTerms(previous, product)) {
      return;
    }
    Invoice cost = costs.get(sku);
    if (cost != null) {
      reprice(sku, cost, PriceReason.CATALOG, timestamp, series(), today());
    }
  }

  private void onInflation(String month, InflationMonth value, long timestamp) {
    InflationRule.parseMonth(month);
    InflationMonth previous = inflation.get(month);
    if (value == null) {
      if (previous == null) {
        return;
      }
      inflation.delete(month);
    } else {
      inflation.put(month, value);
      if (previous != null && previous.getRatePct().compareTo(value.getRatePct()) == 0) {
        return;
      }
    }
    series = null;
    repriceAll(PriceReason.INFLATION, timestamp);
  }

  private void dailyCheck(long wallClockMs) {
    LocalDate today = today();
    if (today.equals(lastDailyRun)) {
      return;
    }
    // First check after start, or the first one after midnight: t moved (or may have while down).
    lastDailyRun = today;
    repriceAll(PriceReason.DAILY, wallClockMs);
  }

  private void repriceAll(PriceReason reason, long timestamp) {
    NavigableMap<YearMonth, BigDecimal> current = series();
    LocalDate today = today();
    int published = 0;
    try (KeyValueIterator<String, Invoice> all = costs.all()) {
      while (all.hasNext()) {
        KeyValue<String, Invoice> entry = all.next();
        if (reprice(entry.key, entry.value, reason, timestamp, current, today)) {
          published++;
        }
      }
    }
    if (published > 0) {
      log.info("Re-priced for {} on {}: {} list prices changed", reason, today, published);
    } else {
      log.debug("Re-priced for {} on {}: no list price changed", reason, today);
    }
  }

  /**
   * @return whether a new list price was published
   */
  private boolean reprice(
      String sku,
      Invoice costInvoice,
      PriceReason reason,
      long timestamp,
      NavigableMap<YearMonth, BigDecimal> currentSeries,
      LocalDate today) {
    Product product = products.get(sku);
    if (product == null) {
      // Costed but not catalogued yet: the price comes when the product arrives (CATALOG).
      return false;
    }
    PriceBreakdown breakdown =
        PriceCalculator.compute(
            PriceEvents.costLine(sku, costInvoice),
            PriceEvents.terms(product),
            currentSeries,
            today,
            rules);
    Price previous = prices.get(sku);
    if (previous != null && previous.getListPrice().compareTo(breakdown.listPrice()) == 0) {
      return false;
    }
    Price price =
        PriceEvents.toEvent(
            breakdown, reason, clock.instant(), previous == null ? null : previous.getListPrice());
    Optional<String> overflow = DecimalLimits.firstOverflow(price);
    if (overflow.isPresent()) {
      // only absurd inflation forecasts get here; one sku's price must not stop the re-pricing of
      // the others
      UNREPRESENTABLE.increment();
      log.warn(
          "Price of {} not published: {} past the price schema's range (cost {}, factor {}); the last price stays",
          sku,
          overflow.get(),
          breakdown.costBasis(),
          breakdown.inflationFactor());
      return false;
    }
    prices.put(sku, price);
    context.forward(new Record<>(sku, price, timestamp));
    CHANGES.get(reason).increment();
    return true;
  }

  private NavigableMap<YearMonth, BigDecimal> series() {
    if (series == null) {
      TreeMap<YearMonth, BigDecimal> loaded = new TreeMap<>();
      try (KeyValueIterator<String, InflationMonth> all = inflation.all()) {
        while (all.hasNext()) {
          KeyValue<String, InflationMonth> entry = all.next();
          loaded.put(InflationRule.parseMonth(entry.key), entry.value.getRatePct());
        }
      }
      series = loaded;
    }
    return series;
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), SupportConfiguration.BUENOS_AIRES);
  }
}
