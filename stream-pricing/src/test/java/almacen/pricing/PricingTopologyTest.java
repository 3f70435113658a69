package almacen.pricing;

import static almacen.pricing.TestEvents.invoice;
import static almacen.pricing.TestEvents.invoiceA;
import static almacen.pricing.TestEvents.line;
import static almacen.pricing.TestEvents.month;
import static almacen.pricing.TestEvents.product;
import static org.assertj.core.api.Assertions.assertThat;

import almacen.events.DeadLetter;
import almacen.events.InflationMonth;
import almacen.events.Invoice;
import almacen.events.InvoiceKind;
import almacen.events.InvoiceLine;
import almacen.events.InvoiceStatus;
import almacen.events.InvoiceType;
import almacen.events.Price;
import almacen.events.PriceReason;
import almacen.events.Product;
import almacen.events.TaxRegime;
import almacen.schemas.StoreNames;
import almacen.schemas.Topics;
import almacen.support.AlmacenSettings;
import almacen.support.SupportConfiguration;
import almacen.support.streams.DeadLetters;
import almacen.support.streams.StreamsConfigFactory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The pricing topology end to end in a TopologyTestDriver. "Today" is 2025-10-16 in Buenos Aires
 * unless a test moves the clock; H = 15, step 10.00, RI, Almacén 30 %, Bebidas 35 %, Golosinas 50
 * %. The series holds 2025-09 = 2.10 % and 2025-10 = 2.30 %. Arithmetic of each expected price is
 * in the comments (F: months of (d0, t_h], days/length at rate).
 */
class PricingTopologyTest {

  static final Instant START = Instant.parse("2025-10-16T13:00:00Z"); // 10:00 in Buenos Aires
  static final Map<String, BigDecimal> CATEGORY_MARKUPS =
      Map.of(
          "Almacén",
          new BigDecimal("30"),
          "Bebidas",
          new BigDecimal("35"),
          "Golosinas",
          new BigDecimal("50"));
  static final String SKU = "ALM000001";
  static final String SKU2 = "BEB000001";

  @TempDir Path stateDir;

  private final Topics topics = Topics.defaults();
  private MutableClock clock;
  private TopologyTestDriver driver;
  private TestInputTopic<String, Invoice> invoices;
  private TestInputTopic<String, Product> products;
  private TestInputTopic<String, InflationMonth> inflation;
  private TestOutputTopic<String, Price> prices;
  private TestOutputTopic<String, Price> history;
  private TestOutputTopic<String, DeadLetter> dlq;

  static PricingConfig config(TaxRegime regime) {
    return new PricingConfig(
        regime,
        15,
        new BigDecimal("10.00"),
        new BigDecimal("35"),
        CATEGORY_MARKUPS,
        Duration.ofMinutes(1));
  }

  void start(PricingConfig config, Instant now) {
    clock = new MutableClock(now, SupportConfiguration.BUENOS_AIRES);
    AlmacenSettings settings =
        new AlmacenSettings(
            "local",
            stateDir,
            "unused:9092",
            new AlmacenSettings.TopicSettings("almacen.", 3, (short) 1, 1),
            new AlmacenSettings.StreamsSettings(
                "exactly_once_v2",
                Duration.ofMillis(200),
                0,
                1,
                "",
                Duration.ofSeconds(60),
                Duration.ofSeconds(30)));
    Properties props = StreamsConfigFactory.build(StoreNames.PRICING_APP, settings, Map.of());
    driver = new TopologyTestDriver(PricingTopology.build(config, topics, clock), props, now);
    invoices =
        driver.createInputTopic(
            topics.invoices.name(),
            topics.invoices.keySerde().serializer(),
            topics.invoices.valueSerde().serializer());
    products =
        driver.createInputTopic(
            topics.products.name(),
            topics.products.keySerde().serializer(),
            topics.products.valueSerde().serializer());
    inflation =
        driver.createInputTopic(
            topics.inflationIndex.name(),
            topics.inflationIndex.keySerde().serializer(),
            topics.inflationIndex.valueSerde().serializer());
    prices =
        driver.createOutputTopic(
            topics.prices.name(),
            topics.prices.keySerde().deserializer(),
            topics.prices.valueSerde().deserializer());
    history =
        driver.createOutputTopic(
            topics.priceHistory.name(),
            topics.priceHistory.keySerde().deserializer(),
            topics.priceHistory.valueSerde().deserializer());
    dlq =
        driver.createOutputTopic(
            topics.dlq.name(),
            topics.dlq.keySerde().deserializer(),
            topics.dlq.valueSerde().deserializer());
    inflation.pipeInput("2025-09", month("2025-09", "2.10"));
    inflation.pipeInput("2025-10", month("2025-10", "2.30"));
  }

  void startDefault() {
    start(config(TaxRegime.RI), START);
  }

  @AfterEach
  void close() {
    if (driver != null) {
      driver.close();
    }
  }

  /** Moves the shop's clock and the driver's wall-clock time together (fires due punctuators). */
  void advance(Duration duration) {
    clock.advance(duration);
    driver.advanceWallClockTime(duration);
  }

  /** Reads everything published so far on {@code topic}: exactly these list prices, in order. */
  static void assertListPrices(TestOutputTopic<String, Price> topic, String... expected) {
    assertThat(topic.readValuesToList())
        .extracting(Price::getListPrice)
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(Arrays.stream(expected).map(BigDecimal::new).toArray(BigDecimal[]::new));
  }

  void cost(String invoiceId, LocalDate issueDate, String sku, String unitCost) {
    invoices.pipeInput(
        invoiceId,
        invoiceA(invoiceId, issueDate, InvoiceStatus.CONFIRMED, line(sku, unitCost, "21")));
  }

  @Test
  void shouldPublishFullBreakdownWithReasonCostWhenConfirmedInvoiceArrivesForKnownProduct() {
    // given
    startDefault();
    products.pipeInput(SKU, product(SKU, "Almacén", "21", null));

    // when
    cost("30712345671-A-00003-00000001", LocalDate.of(2025, 10, 10), SKU, "850.00");

    // then: F = 1.023^(21/31) = 1.0155234244 (Oct 11..31); P = 850 × F × 1.30 = 1122.1534;
    //       L* = P × 1.21 = 1357.8056 → 1360.00
    Price price = prices.readValue();
    assertThat(price.getSku()).isEqualTo(SKU);
    assertThat(price.getListPrice()).isEqualByComparingTo("1360.00");
    assertThat(price.getUnitCost()).isEqualByComparingTo("850.0000");
    assertThat(price.getCostBasis()).isEqualByComparingTo("850.0000");
    assertThat(price.getCostDate()).isEqualTo(LocalDate.of(2025, 10, 10));
    assertThat(price.getCostInvoiceId()).isEqualTo("30712345671-A-00003-00000001");
    assertThat(price.getInflationFactor()).isEqualTo(new BigDecimal("1.0155234244"));
    assertThat(price.getHorizonDate()).isEqualTo(LocalDate.of(2025, 10, 31));
    assertThat(price.getMarkupPct()).isEqualByComparingTo("30.00");
    assertThat(price.getIvaRatePct()).isEqualByComparingTo("21.00");
    assertThat(price.getTaxRegime()).isEqualTo(TaxRegime.RI);
    assertThat(price.getRoundingStep()).isEqualByComparingTo("10.00");
    assertThat(price.getEffectiveAt()).isEqualTo(START);
    assertThat(price.getReason()).isEqualTo(PriceReason.COST);
    assertThat(price.getPreviousListPrice()).isNull();
    assertThat(prices.isEmpty()).isTrue();
    assertThat(history.readKeyValuesToList()).containsExactly(KeyValue.pair(SKU, price));
  }

  @Test
  void shouldRepriceWithReasonCostWhenNewerInvoiceArrives() {
    // given
    startDefault();
    products.pipeInput(SKU, product(SKU, "Almacén", "21", null));
    cost("INV-1", LocalDate.of(2025, 10, 10), SKU, "850.00");
    assertListPrices(prices, "1360.00");

    // when
    cost("INV-2", LocalDate.of(2025, 10, 14), SKU, "900.00");

    // then: F = 1.023^(17/31) = 1.0125481164; L* = 900 × F × 1.30 × 1.21 = 1433.4644 → 1440.00
    Price price = prices.readValue();
    assertThat(price.getListPrice()).isEqualByComparingTo("1440.00");
    assertThat(price.getPreviousListPrice()).isEqualByComparingTo("1360.00");
    assertThat(price.getInflationFactor()).isEqualTo(new BigDecimal("1.0125481164"));
    assertThat(price.getCostInvoiceId()).isEqualTo("INV-2");
    assertThat(price.getReason()).isEqualTo(PriceReason.COST);
    assertThat(history.readValuesToList())
        .extracting(Price::getListPrice)
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(new BigDecimal("1360.00"), new BigDecimal("1440.00"));
  }

  @Test
  void shouldKeepNewerCostWhenOlderInvoiceArrivesLate() {
    // given
    startDefault();
    products.pipeInput(SKU, product(SKU, "Almacén", "21", null));
    cost("INV-NEW", LocalDate.of(2025, 10, 14), SKU, "900.00");
    assertListPrices(prices, "1440.00");
    assertListPrices(history, "1440.00");

    // when: an invoice issued earlier arrives afterwards, with a much lower cost
    cost("INV-OLD", LocalDate.of(2025, 10, 1), SKU, "700.00");
    // and then a product change re-prices from the stored cost
    products.pipeInput(SKU, product(SKU, "Almacén", "21", "50"));

    // then: no price from the old invoice; the re-price still uses INV-NEW:
    //       F = 1.023^(17/31) = 1.0125481164; L* = 900 × F × 1.50 × 1.21 = 1654.0050 → 1660.00
    Price price = prices.readValue();
    assertThat(price.getReason()).isEqualTo(PriceReason.CATALOG);
    assertThat(price.getCostInvoiceId()).isEqualTo("INV-NEW");
    assertThat(price.getListPrice()).isEqualByComparingTo("1660.00");
    assertThat(prices.isEmpty()).isTrue();
    assertThat(history.readValuesToList()).hasSize(1);
  }

  @Test
  void shouldTakeLaterArrivalWhenTwoInvoicesShareIssueDate() {
    // given
    startDefault();
    products.pipeInput(SKU, product(SKU, "Almacén", "21", null));
    cost("INV-A", LocalDate.of(2025, 10, 14), SKU, "900.00");
    assertListPrices(prices, "1440.00");

    // when
    cost("INV-B", LocalDate.of(2025, 10, 14), SKU, "950.00");

    // then: F = 1.023^(17/31) = 1.0125481164; L* = 950 × F × 1.30 × 1.21 = 1513.1013 → 1520.00
    Price price = prices.readValue();
    assertThat(price.getCostInvoiceId()).isEqualTo("INV-B");
    assertThat(price.getListPrice()).isEqualByComparingTo("1520.00");
    assertThat(price.getPreviousListPrice()).isEqualByComparingTo("1440.00");
  }

  @Test
  void shouldTakeNoCostWhenAnInvoiceIsRejectedFromTheReviewQueue() {
    // given
    startDefault();
    products.pipeInput(SKU, product(SKU, "Almacén", "21", null));

    // when an invoice waiting for review is rejected, then the product is re-priced
    invoices.pipeInput(
        "INV-X",
        invoiceA(
            "INV-X",
            LocalDate.of(2025, 10, 10),
            InvoiceStatus.REJECTED,
            line(SKU, "850.00", "21")));
    products.pipeInput(SKU, product(SKU, "Almacén", "21", "40"));

    // then there is still no cost, so no price
    assertThat(prices.isEmpty()).isTrue();
    assertThat(history.isEmpty()).isTrue();
    KeyValueStore<String, Invoice> costs = driver.getKeyValueStore(StoreNames.PRICING_COSTS);
    assertThat(costs.get(SKU)).isNull();
  }

  @Test
  void shouldIgnoreInvoiceWhenNeedsReview() {
    // given
    startDefault();
    products.pipeInput(SKU, product(SKU, "Almacén", "21", null));

    // when
    invoices.pipeInput(
        "INV-R",
        invoiceA(
            "INV-R",
            LocalDate.of(2025, 10, 10),
            InvoiceStatus.NEEDS_REVIEW,
            line(SKU, "850.00", "21")));
    products.pipeInput(SKU, product(SKU, "Almacén", "21", "40"));

    // then: no cost, so neither the invoice nor the product change makes a price
    assertThat(prices.isEmpty()).isTrue();
    assertThat(history.isEmpty()).isTrue();
    KeyValueStore<String, Invoice> costs = driver.getKeyValueStore(StoreNames.PRICING_COSTS);
    assertThat(costs.get(SKU)).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.EnumSource(
      value = InvoiceKind.class,
      names = {"CREDIT_NOTE", "DEBIT_NOTE"})
  void shouldKeepTheListPriceWhenAConfirmedNoteArrives(InvoiceKind kind) {
    // given a price from INV-1 at 850
    startDefault();
    products.pipeInput(SKU, product(SKU, "Almacén", "21", null));
    cost("INV-1", LocalDate.of(2025, 10, 10), SKU, "850.00");
    assertListPrices(prices, "1360.00");

    // when a newer confirmed note names the sku at another unit cost
    Invoice note =
        Invoice.newBuilder(
                invoiceA(
                    "NOTE-1",
                    LocalDate.of(2025, 10, 14),
                    InvoiceStatus.CONFIRMED,
                    line(SKU, "500.00", "21")))
            .setKind(kind)
            .build();
    invoices.pipeInput("NOTE-1", note);
    products.pipeInput(SKU, product(SKU, "Almacén", "21", "50"));

    // then no price comes from the note, and a re-price still costs from INV-1:
    //       L* = 850 × 1.0155234244 × 1.50 × 1.21 = 1566.6988 → 1570.00
    Price price = prices.readValue();
    assertThat(price.getListPrice()).isEqualByComparingTo("1570.00");
    assertThat(price.getReason()).isEqualTo(PriceReason.CATALOG);
    assertThat(price.getCostInvoiceId()).isEqualTo("INV-1");
    assertThat(price.getUnitCost()).isEqualByComparingTo("850.0000");
    assertThat(prices.isEmpty()).isTrue();
    KeyValueStore<String, Invoice> costs = driver.getKeyValueStore(StoreNames.PRICING_COSTS);
    assertThat(costs.get(SKU).getInvoiceId()).isEqualTo("INV-1");
  }

  @Test
  void shouldPriceFromTheDiscountedUnitCostWhenTheLineHasABonificacion() {
    // given
    startDefault();
    products.pipeInput(SKU, product(SKU, "Almacén", "21", null));

    // when 12 at 1.000 less 15 % (10.200, so 850 a unit) are confirmed
    InvoiceLine discounted =
        InvoiceLine.newBuilder(line(SKU, "1000.00", "21"))
            .setDiscountPct(new BigDecimal("15.00"))
            .setLineTotal(new BigDecimal("10200.00"))
            .build();
    invoices.pipeInput(
        "INV-D",
        invoiceA("INV-D", LocalDate.of(2025, 10, 10), InvoiceStatus.CONFIRMED, discounted));

    // then the price is the one of a unit cost of 850 (see the first test): 1360.00
    Price price = prices.readValue();
    assertThat(price.getUnitCost()).isEqualByComparingTo("850.0000");
    assertThat(price.getCostBasis()).isEqualByComparingTo("850.0000");
    assertThat(price.getListPrice()).isEqualByComparingTo("1360.00");
    assertThat(price.getCostInvoiceId()).isEqualTo("INV-D");
  }

  @Test
  void shouldNotPublishWhenListPriceIsUnchanged() {
    // given
    startDefault();
    products.pipeInput(SKU, product(SKU, "Almacén", "21", null));
    cost("INV-1", LocalDate.of(2025, 10, 10), SKU, "850.00");
    assertListPrices(prices, "1360.00");
    assertListPrices(history, "1360.00");

    // when: a newer cost of 851 on Oct 11 -> F = 1.023^(20/31) = 1.0147787787;
    //       L* = 851 × F × 1.30 × 1.21 = 1358.4062 → 1360.00 (same);
    //       and October revised to 2.31 -> F = 1.0231^(20/31); L* = 1358.4… → 1360.00 (same)
    cost("INV-2", LocalDate.of(2025, 10, 11), SKU, "851.00");
    inflation.pipeInput("2025-10", month("2025-10", "2.31"));

    // then
    assertThat(prices.isEmpty()).isTrue();
    assertThat(history.isEmpty()).isTrue();
    KeyValueStore<String, Invoice> costs = driver.getKeyValueStore(StoreNames.PRICING_COSTS);
    assertThat(costs.get(SKU).getInvoiceId()).isEqualTo("INV-2");
    KeyValueStore<String, Price> published = driver.getKeyValueStore(StoreNames.PRICING_PRICES);
    assertThat(published.get(SKU).getCostInvoiceId()).isEqualTo("INV-1");
  }

  @Test
  void shouldPriceWithReasonCatalogWhenProductArrivesAfterItsCost() {
    // given
    startDefault();
    cost("INV-1", LocalDate.of(2025, 10, 10), SKU, "850.00");
    assertThat(prices.isEmpty()).isTrue();

    // when
    products.pipeInput(SKU, product(SKU, "Almacén", "21", null));

    // then: L* = 850 × 1.0155234244 × 1.30 × 1.21 = 1357.8056 → 1360.00
    Price price = prices.readValue();
    assertThat(price.getReason()).isEqualTo(PriceReason.CATALOG);
    assertThat(price.getListPrice()).isEqualByComparingTo("1360.00");
    assertThat(price.getPreviousListPrice()).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      textBlock =
          """
      # change,          category,  IVA,  markup, expected listPrice
      # product markup 50: L* = 850 × 1.0155234244 × 1.50 × 1.21 = 1566.6988 → 1570.00
      markup,            Almacén,   21,   50,     1570.00
      # category Golosinas (50 %): same arithmetic → 1570.00
      category,          Golosinas, 21,     ,     1570.00
      # IVA 10.5: L* = 850 × 1.0155234244 × 1.30 × 1.105 = 1239.9795 → 1240.00
      iva,               Almacén,   10.5,   ,     1240.00
      """)
  void shouldRepriceWithReasonCatalogWhenPricingTermsChange(
      String change, String category, String iva, String markup, String expectedListPrice) {
    // given
    startDefault();
    products.pipeInput(SKU, product(SKU, "Almacén", "21", null));
    cost("INV-1", LocalDate.of(2025, 10, 10), SKU, "850.00");
    assertListPrices(prices, "1360.00");

    // when
    products.pipeInput(SKU, product(SKU, category, iva, markup));

    // then
    Price price = prices.readValue();
    assertThat(price.getReason()).isEqualTo(PriceReason.CATALOG);
    assertThat(price.getListPrice()).isEqualByComparingTo(expectedListPrice);
    assertThat(price.getPreviousListPrice()).isEqualByComparingTo("1360.00");
  }

  @Test
  void shouldNotRepriceWhenProductChangeLeavesPricingTermsAlone() {
    // given
    startDefault();
    products.pipeInput(SKU, product(SKU, "Almacén", "21", null));
    cost("INV-1", LocalDate.of(2025, 10, 10), SKU, "850.00");
    assertListPrices(prices, "1360.00");
    Product renamed = product(SKU, "ALMACEN", "21", null);
    renamed.setName("Yerba 1 kg");

    // when
    products.pipeInput(SKU, renamed);

    // then
    assertThat(prices.isEmpty()).isTrue();
  }

  @Test
  void shouldRepriceEveryCostedSkuWithReasonInflationWhenMonthIsRevised() {
    // given
    startDefault();
    products.pipeInput(SKU, product(SKU, "Almacén", "21", null));
    products.pipeInput(SKU2, product(SKU2, "Bebidas", "21", null));
    cost("INV-1", LocalDate.of(2025, 10, 10), SKU, "850.00");
    cost("INV-2", LocalDate.of(2025, 10, 10), SKU2, "1000.00");
    // 1000 × 1.0155234244 × 1.35 × 1.21 = 1658.8575 → 1660.00
    assertThat(prices.readValuesToList())
        .extracting(Price::getListPrice)
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(new BigDecimal("1360.00"), new BigDecimal("1660.00"));

    // when: October revised from 2.30 to 3.00 -> F = 1.03^(21/31) = 1.0202255239
    inflation.pipeInput("2025-10", month("2025-10", "3.00"));

    // then: 850 × F × 1.30 × 1.21 = 1364.0925 → 1370.00; 1000 × F × 1.35 × 1.21 = 1666.5384 →
    // 1670.00
    List<Price> repriced = prices.readValuesToList();
    assertThat(repriced).extracting(Price::getSku).containsExactlyInAnyOrder(SKU, SKU2);
    assertThat(repriced)
        .allSatisfy(
            p -> {
              assertThat(p.getReason()).isEqualTo(PriceReason.INFLATION);
              assertThat(p.getInflationFactor()).isEqualTo(new BigDecimal("1.0202255239"));
            });
    assertThat(repriced)
        .filteredOn(p -> p.getSku().equals(SKU))
        .singleElement()
        .satisfies(p -> assertThat(p.getListPrice()).isEqualByComparingTo("1370.00"));
    assertThat(repriced)
        .filteredOn(p -> p.getSku().equals(SKU2))
        .singleElement()
        .satisfies(p -> assertThat(p.getListPrice()).isEqualByComparingTo("1670.00"));
  }

  @Test
  void shouldRepriceWithReasonInflationWhenMissingFutureMonthArrives() {
    // given: today 2025-10-25 -> t_h = 2025-11-09; November has no rate yet, so it takes October's:
    //        F = 1.023^(21/31) × 1.023^(9/30) = 1.0224748527; 850 × F × 1.30 × 1.21 = 1367.1000 →
    // 1370.00
    start(config(TaxRegime.RI), Instant.parse("2025-10-25T13:00:00Z"));
    products.pipeInput(SKU, product(SKU, "Almacén", "21", null));
    cost("INV-1", LocalDate.of(2025, 10, 10), SKU, "850.00");
    Price first = prices.readValue();
    assertThat(first.getListPrice()).isEqualByComparingTo("1370.00");
    assertThat(first.getInflationFactor()).isEqualTo(new BigDecimal("1.0224748527"));

    // when: a 0.00 forecast for November
    inflation.pipeInput("2025-11", month("2025-11", "0.00"));

    // then: F = 1.023^(21/31) × 1 = 1.0155234244; L* = 1357.8056 → 1360.00
    Price price = prices.readValue();
    assertThat(price.getReason()).isEqualTo(PriceReason.INFLATION);
    assertThat(price.getInflationFactor()).isEqualTo(new BigDecimal("1.0155234244"));
    assertThat(price.getListPrice()).isEqualByComparingTo("1360.00");
    assertThat(price.getPreviousListPrice()).isEqualByComparingTo("1370.00");
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      textBlock =
          """
      2025-10, 1000.01, 2025-10
      2025-10, -50.01,  2025-10
      2025-10, 1200.00, 2025-10
      2025-13, 2.00,   2025-13
      2025-11, 2.00,   2025-12
      """)
  void shouldDeadLetterInflationRecordWhenItMustNeverBeUsed(
      String key, String ratePct, String month) {
    // given
    startDefault();
    products.pipeInput(SKU, product(SKU, "Almacén", "21", null));
    cost("INV-1", LocalDate.of(2025, 10, 10), SKU, "850.00");
    assertListPrices(prices, "1360.00");

    // when
    inflation.pipeInput(key, month(month, ratePct));

    // then: to the DLQ with the reason; the series and the price are untouched
    TestRecord<String, DeadLetter> letter = dlq.readRecord();
    assertThat(letter.key()).isEqualTo(key);
    assertThat(letter.value().getReason()).isEqualTo("PROCESSING");
    assertThat(letter.value().getSourceTopic()).isEqualTo(topics.inflationIndex.name());
    assertThat(letter.value().getExceptionClass())
        .isEqualTo(IllegalArgumentException.class.getName());
    Header reason = letter.headers().lastHeader(DeadLetters.REASON_HEADER);
    assertThat(new String(reason.value(), StandardCharsets.UTF_8)).isEqualTo("PROCESSING");
    assertThat(dlq.isEmpty()).isTrue();
    assertThat(prices.isEmpty()).isTrue();
    KeyValueStore<String, InflationMonth> series =
        driver.getKeyValueStore(StoreNames.PRICING_INFLATION);
    assertThat(series.get("2025-10").getRatePct()).isEqualByComparingTo("2.30");
    assertThat(series.get(key))
        .satisfiesAnyOf(
            m -> assertThat(m).isNull(),
            m -> assertThat(m.getRatePct()).isEqualByComparingTo("2.30"));
  }

  @Test
  void shouldAcceptInflationRatesOnTheBoundsWhenMinusFiveOrFifty() {
    // given
    startDefault();

    // when
    inflation.pipeInput("2025-07", month("2025-07", "-5.00"));
    inflation.pipeInput("2025-08", month("2025-08", "50.00"));

    // then
    assertThat(dlq.isEmpty()).isTrue();
    KeyValueStore<String, InflationMonth> series =
        driver.getKeyValueStore(StoreNames.PRICING_INFLATION);
    assertThat(series.get("2025-07").getRatePct()).isEqualByComparingTo("-5.00");
    assertThat(series.get("2025-08").getRatePct()).isEqualByComparingTo("50.00");
  }

  @Test
  void shouldRepriceWithReasonDailyWhenWallClockCrossesBuenosAiresMidnight() {
    // given: 23:50 on 2025-10-16 in Buenos Aires; cost 100000 on Oct 10:
    //        F = 1.023^(21/31) = 1.0155234244; L* = 100000 × F × 1.30 × 1.21 = 159741.8347 →
    // 159750.00
    start(config(TaxRegime.RI), Instant.parse("2025-10-17T02:50:00Z"));
    products.pipeInput(SKU, product(SKU, "Almacén", "21", null));
    cost("INV-1", LocalDate.of(2025, 10, 10), SKU, "100000.00");
    assertThat(prices.readValue().getListPrice()).isEqualByComparingTo("159750.00");

    // when: the first checks run before midnight
    advance(Duration.ofMinutes(1));
    advance(Duration.ofMinutes(5));

    // then: same day, same price, nothing published
    assertThat(prices.isEmpty()).isTrue();

    // when: the clock passes 00:00 in Buenos Aires (03:00 UTC)
    advance(Duration.ofMinutes(5));

    // then: t = 2025-10-17 -> t_h = 2025-11-01; F = 1.023^(21/31) × 1.023^(1/30) = 1.0162934655;
    //       L* = 100000 × F × 1.30 × 1.21 = 159862.9621 → 159870.00
    TestRecord<String, Price> daily = prices.readRecord();
    assertThat(daily.key()).isEqualTo(SKU);
    assertThat(daily.value().getReason()).isEqualTo(PriceReason.DAILY);
    assertThat(daily.value().getHorizonDate()).isEqualTo(LocalDate.of(2025, 11, 1));
    assertThat(daily.value().getInflationFactor()).isEqualTo(new BigDecimal("1.0162934655"));
    assertThat(daily.value().getListPrice()).isEqualByComparingTo("159870.00");
    assertThat(daily.value().getPreviousListPrice()).isEqualByComparingTo("159750.00");
    assertThat(daily.value().getEffectiveAt()).isEqualTo(Instant.parse("2025-10-17T03:01:00Z"));

    // when: the rest of the day passes
    advance(Duration.ofHours(2));

    // then: one DAILY re-price per day
    assertThat(prices.isEmpty()).isTrue();
    assertThat(history.readValuesToList())
        .extracting(Price::getReason)
        .containsExactly(PriceReason.COST, PriceReason.DAILY);
  }

  @Test
  void shouldUseCostWithIvaAndListPriceWithoutIvaWhenMonotributo() {
    // given
    start(config(TaxRegime.MONOTRIBUTO), START);
    products.pipeInput(SKU, product(SKU, "Almacén", "21", null));

    // when
    cost("INV-1", LocalDate.of(2025, 10, 10), SKU, "850.00");

    // then: c = 850 × 1.21 = 1028.5; L* = P = 1028.5 × 1.0155234244 × 1.30 = 1357.8056 → 1360.00
    Price price = prices.readValue();
    assertThat(price.getTaxRegime()).isEqualTo(TaxRegime.MONOTRIBUTO);
    assertThat(price.getCostBasis()).isEqualTo(new BigDecimal("1028.5000"));
    assertThat(price.getUnitCost()).isEqualTo(new BigDecimal("850.0000"));
    assertThat(price.getListPrice()).isEqualByComparingTo("1360.00");
  }

  @Test
  void shouldPriceEachSkuOfInvoiceWhenLinesHaveSkus() {
    // given
    startDefault();
    products.pipeInput(SKU, product(SKU, "Almacén", "21", null));
    products.pipeInput(SKU2, product(SKU2, "Bebidas", "21", null));

    // when: a B invoice (final prices) with both skus, a line without sku and SKU twice (last wins)
    invoices.pipeInput(
        "INV-B",
        invoice(
            "INV-B",
            InvoiceType.B,
            true,
            LocalDate.of(2025, 10, 10),
            InvoiceStatus.CONFIRMED,
            line(SKU, "700.00", "21"),
            line(null, "5.00", "21"),
            line(SKU2, "1000.00", "21"),
            line(SKU, "850.00", "21")));

    // then: 850 × 1.0155234244 × 1.30 × 1.21 → 1360.00; 1000 × 1.0155234244 × 1.35 × 1.21 → 1660.00
    Map<String, Price> bySku = prices.readKeyValuesToMap();
    assertThat(bySku).containsOnlyKeys(SKU, SKU2);
    assertThat(bySku.get(SKU).getListPrice()).isEqualByComparingTo("1360.00");
    assertThat(bySku.get(SKU).getUnitCost()).isEqualByComparingTo("850.00");
    assertThat(bySku.get(SKU2).getListPrice()).isEqualByComparingTo("1660.00");
  }

  @Test
  void shouldNameEveryStoreAndRepartitionWhenTopologyIsDescribed() {
    // given
    TopologyDescription description =
        PricingTopology.build(
                config(TaxRegime.RI),
                topics,
                new MutableClock(START, SupportConfiguration.BUENOS_AIRES))
            .describe();

    // when
    String text = description.toString();

    // then
    assertThat(text)
        .contains(
            StoreNames.PRICING_COSTS,
            StoreNames.PRICING_PRODUCTS,
            StoreNames.PRICING_INFLATION,
            StoreNames.PRICING_PRICES,
            StoreNames.PRICING_COST_BY_SKU_REPARTITION + "-repartition",
            PricingTopology.INFLATION_BROADCAST_REPARTITION + "-repartition",
            PricingTopology.PROCESSOR,
            PricingTopology.INFLATION_VALIDATOR);
    assertThat(text).doesNotContain("KSTREAM-", "KTABLE-");
    assertThat(description.subtopologies()).hasSize(3);
  }
}
