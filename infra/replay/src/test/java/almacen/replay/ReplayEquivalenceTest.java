package almacen.replay;

import static org.assertj.core.api.Assertions.assertThat;

import almacen.events.DeadLetter;
import almacen.events.Invoice;
import almacen.events.InvoiceLine;
import almacen.events.InvoiceSource;
import almacen.events.InvoiceStatus;
import almacen.events.InvoiceType;
import almacen.events.Product;
import almacen.events.Sale;
import almacen.events.SaleLine;
import almacen.events.SourceKind;
import almacen.events.StockLevel;
import almacen.events.StockMovement;
import almacen.events.StockStatus;
import almacen.events.StockTransfer;
import almacen.events.Supplier;
import almacen.events.TaxRegime;
import almacen.events.Unit;
import almacen.inventory.InventoryConfig;
import almacen.inventory.InventoryTopology;
import almacen.schemas.StoreNames;
import almacen.schemas.Topic;
import almacen.schemas.Topics;
import almacen.support.AlmacenSettings;
import almacen.support.streams.StreamsConfigFactory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same records, byte for byte, through stream-inventory's live topology (TopologyTestDriver,
 * one partition, the production Streams properties) and through the audit replay: both must produce
 * the same ledger and the same levels. Covers what the replay once re-implemented: a duplicate, a
 * sale id forgotten after the 35-day memory and applied again, a transfer, an invalid sale
 * dead-lettered whole and its corrected copy, and a catalogue change re-evaluating levels.
 */
class ReplayEquivalenceTest {

  static final Topics TOPICS = Topics.defaults();
  static final Instant T0 = Instant.parse("2025-10-15T13:00:00Z");

  @TempDir Path stateDir;

  private final List<ConsumerRecord<byte[], byte[]>> facts = new ArrayList<>();

  @BeforeEach
  void givenAMonthAndMoreOfFacts() {
    // given the catalogue, a purchase, a sale, a transfer and an impossible sale
    fact(
        TOPICS.products,
        "A1",
        product("A1", "2", T0.minus(Duration.ofDays(2))),
        T0.minus(Duration.ofDays(2)));
    fact(
        TOPICS.invoices,
        "INV1",
        invoice("INV1", LocalDate.of(2025, 10, 14), "10", "100"),
        T0.minus(Duration.ofDays(1)));
    fact(TOPICS.sales, "S1", sale("S1", T0, line("A1", "1")), T0);
    fact(
        TOPICS.stockTransfers,
        "TR1",
        new StockTransfer(
            "TR1", "central", "norte", "A1", qty("3"), T0.plus(Duration.ofHours(1)), null),
        T0.plus(Duration.ofHours(1)));
    fact(
        TOPICS.sales,
        "BAD",
        sale("BAD", T0, line("A1", "1"), line("A1", "0")),
        T0.plus(Duration.ofHours(2)));
    // a till retry of S1 a day later, within the memory
    fact(TOPICS.sales, "S1", sale("S1", T0, line("A1", "1")), T0.plus(Duration.ofDays(1)));
    // 36 days later: another sale, S1 once more (its id forgotten), BAD corrected, a new minimum
    // stock
    Instant later = T0.plus(Duration.ofDays(36));
    fact(TOPICS.sales, "S2", sale("S2", later, line("A1", "1")), later);
    fact(TOPICS.sales, "S1", sale("S1", T0, line("A1", "1")), later.plusSeconds(1));
    fact(TOPICS.sales, "BAD", sale("BAD", later, line("A1", "2")), later.plusSeconds(2));
    fact(TOPICS.products, "A1", product("A1", "8", later.plusSeconds(3)), later.plusSeconds(3));
  }

  @Test
  void shouldProduceLiveLedgerAndLevelsWhenReplayedFromSameRecords() {
    List<StockMovement> replayed = new ArrayList<>();
    SourceReplay replay = new SourceReplay(TOPICS, null, TaxRegime.RI, replayed::add);
    List<StockMovement> live;
    Map<String, StockLevel> liveLevels = new TreeMap<>();
    List<DeadLetter> deadLetters;
    try (TopologyTestDriver driver =
        new TopologyTestDriver(
            InventoryTopology.build(InventoryConfig.defaults(1), TOPICS, new SimpleMeterRegistry()),
            props(stateDir))) {
      // when the same records go through the live topology and the replay
      for (ConsumerRecord<byte[], byte[]> fact : facts) {
        driver
            .createInputTopic(fact.topic(), new StringSerializer(), new ByteArraySerializer())
            .pipeInput(
                new String(fact.key(), StandardCharsets.UTF_8), fact.value(), fact.timestamp());
        replay.accept(fact);
      }
      live =
          driver
              .createOutputTopic(
                  TOPICS.stockMovements.name(),
                  TOPICS.stockMovements.keySerde().deserializer(),
                  TOPICS.stockMovements.valueSerde().deserializer())
              .readValuesToList();
      deadLetters =
          driver
              .createOutputTopic(
                  TOPICS.dlq.name(), (t, b) -> b, TOPICS.dlq.valueSerde().deserializer())
              .readValuesToList();
      KeyValueStore<String, StockLevel> store =
          driver.getKeyValueStore(StoreNames.INVENTORY_LEVELS);
      try (KeyValueIterator<String, StockLevel> it = store.all()) {
        while (it.hasNext()) {
          KeyValue<String, StockLevel> entry = it.next();
          liveLevels.put(entry.key, entry.value);
        }
      }
    }
    // then the ledgers are the same, entry for entry, including S1 applied again after 36 days
    assertThat(live)
        .extracting(StockMovement::getMovementId)
        .containsExactly(
            "INV1#1:PURCHASE",
            "S1#1:SALE",
            "TR1:TRANSFER_OUT",
            "TR1:TRANSFER_IN",
            "S2#1:SALE",
            "S1#1:SALE",
            "BAD#1:SALE");
    assertThat(replayed).containsExactlyElementsOf(live);
    // and so are the levels, field for field (on hand, cost, status after the new minimum, demand)
    assertThat(replay.levels()).isEqualTo(liveLevels);
    assertThat(liveLevels.get("central|A1").getOnHand()).isEqualByComparingTo("2.000");
    assertThat(liveLevels.get("norte|A1").getOnHand()).isEqualByComparingTo("3.000");
    assertThat(liveLevels.get("central|A1").getStatus()).isEqualTo(StockStatus.LOW);
    // and the one retry and the one impossible sale are seen as such on both sides
    assertThat(deadLetters)
        .singleElement()
        .satisfies(letter -> assertThat(letter.getMessage()).contains("BAD#2"));
    assertThat(replay.invalid()).isEqualTo(1);
    assertThat(replay.duplicates()).isEqualTo(1);
  }

  @Test
  void shouldExpectSaleEntryTwiceWhenItsIdWasForgottenAndAppliedAgain() {
    // given the facts replayed
    SourceReplay replay = new SourceReplay(TOPICS, null, TaxRegime.RI);
    facts.forEach(replay::accept);
    // when verify meets S1's entry a second time, and then a third
    boolean second = replay.repeatAllowed("S1#1:SALE");
    boolean third = replay.repeatAllowed("S1#1:SALE");
    // then the second copy is expected (S1 took effect again) and a third is a real duplicate
    assertThat(second).isTrue();
    assertThat(third).isFalse();
    assertThat(replay.repeatAllowed("S2#1:SALE")).isFalse();
  }

  static java.util.Properties props(Path home) {
    AlmacenSettings settings =
        new AlmacenSettings(
            "local",
            home,
            "unused:9092",
            new AlmacenSettings.TopicSettings("almacen.", 1, (short) 1, 1),
            new AlmacenSettings.StreamsSettings(
                "exactly_once_v2",
                Duration.ofMillis(200),
                0,
                1,
                "",
                Duration.ofSeconds(60),
                Duration.ofSeconds(30)));
    return StreamsConfigFactory.build(StoreNames.INVENTORY_APP, settings, Map.of());
  }

  private <V> void fact(Topic<String, V> topic, String key, V value, Instant recordTime) {
    byte[] k = topic.keySerde().serializer().serialize(topic.name(), key);
    byte[] v = topic.valueSerde().serializer().serialize(topic.name(), value);
    facts.add(
        new ConsumerRecord<>(
            topic.name(),
            0,
            facts.size(),
            recordTime.toEpochMilli(),
            TimestampType.CREATE_TIME,
            k.length,
            v.length,
            k,
            v,
            new RecordHeaders(),
            Optional.empty()));
  }

  static BigDecimal qty(String v) {
    return new BigDecimal(v).setScale(3);
  }

  static SaleLine line(String sku, String qty) {
    return new SaleLine(sku, qty(qty), new BigDecimal("100.00"));
  }

  static Sale sale(String saleId, Instant soldAt, SaleLine... lines) {
    return new Sale(saleId, "central", soldAt, List.of(lines), soldAt, null);
  }

  static Product product(String sku, String minStock, Instant updatedAt) {
    return Product.newBuilder()
        .setSku(sku)
        .setName("Producto " + sku)
        .setCategory("Almacén")
        .setUnit(Unit.UNIT)
        .setMinStock(qty(minStock))
        .setMaxStock(null)
        .setIvaRatePct(new BigDecimal("21.00"))
        .setActive(true)
        .setUpdatedAt(updatedAt)
        .build();
  }

  static Invoice invoice(String invoiceId, LocalDate issueDate, String qty, String unitCost) {
    BigDecimal total = new BigDecimal(qty).multiply(new BigDecimal(unitCost)).setScale(2);
    InvoiceLine line =
        new InvoiceLine(
            "A1",
            "SUP-A1",
            "item A1",
            qty(qty),
            new BigDecimal(unitCost).setScale(4),
            new BigDecimal("21.00"),
            total,
            new BigDecimal("0.00"));
    return Invoice.newBuilder()
        .setInvoiceId(invoiceId)
        .setSupplier(new Supplier("30-71234567-1", "Distribuidora Sur"))
        .setType(InvoiceType.A)
        .setPointOfSale(3)
        .setNumber(12345)
        .setIssueDate(issueDate)
        .setBranch("central")
        .setPricesIncludeIva(false)
        .setLines(new ArrayList<>(List.of(line)))
        .setNetTotal(total)
        .setIvaTotal(new BigDecimal("0.00"))
        .setOtherTaxes(new BigDecimal("0.00"))
        .setTotal(total)
        .setStatus(InvoiceStatus.CONFIRMED)
        .setConfidence(1.0)
        .setSource(new InvoiceSource(SourceKind.MANUAL, null, false))
        .setReceivedAt(T0.minus(Duration.ofDays(1)))
        .build();
  }
}
