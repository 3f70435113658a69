package almacen.query;

import static almacen.query.Fixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

import almacen.events.MovementType;
import almacen.events.Sale;
import almacen.schemas.StoreNames;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/** The analytics stores: sales and cost of sales per Buenos Aires day, branch and sku. */
class AnalyticsTopologyTest {

  private static final Instant LATE_EVENING_10TH =
      Instant.parse("2026-03-11T01:30:00Z"); // 22:30 of the 10th in BA
  private static final Instant MORNING_11TH =
      Instant.parse("2026-03-11T12:00:00Z"); // 09:00 of the 11th in BA

  @Test
  void shouldSumSalesPerBuenosAiresDayBranchAndSkuWhenSalesCrossMidnightUtc() {
    try (QueryDriver d = new QueryDriver()) {
      // when
      d.pipe(
          d.topics.sales,
          "S1",
          Fixtures.sale(
              "S1",
              "central",
              LATE_EVENING_10TH,
              line("ALM000001", "2", "150.50"),
              line("ALM000002", "1", "99.99"),
              line("ALM000001", "1", "150.50")));
      d.pipe(
          d.topics.sales,
          "S2",
          Fixtures.sale("S2", "central", MORNING_11TH, line("ALM000001", "1.250", "1000")));
      d.pipe(
          d.topics.sales,
          "S3",
          Fixtures.sale("S3", "sur", LATE_EVENING_10TH, line("ALM000001", "1", "160")));

      // then the 22:30 sale belongs to the 10th; two lines of one sku add up in one cell
      KeyValueStore<String, DailyCell> cells = d.store(StoreNames.QUERY_ANALYTICS_SALES);
      assertCell(cells.get("2026-03-10|central|ALM000001"), "3", "451.50");
      assertCell(cells.get("2026-03-10|central|ALM000002"), "1", "99.99");
      assertCell(cells.get("2026-03-11|central|ALM000001"), "1.25", "1250");
      assertCell(cells.get("2026-03-10|sur|ALM000001"), "1", "160");
      assertThat(QueryDriver.count(cells)).isEqualTo(4);
    }
  }

  @Test
  void shouldCountASaleIdOnceWhenTheSameSaleArrivesAgain() {
    try (QueryDriver d = new QueryDriver()) {
      // given
      d.pipe(
          d.topics.sales,
          "S1",
          Fixtures.sale("S1", "central", MORNING_11TH, line("ALM000001", "2", "100")));

      // when the till re-sends S1 (even with other lines) and another sale follows
      d.pipe(
          d.topics.sales,
          "S1",
          Fixtures.sale("S1", "central", MORNING_11TH, line("ALM000001", "5", "100")));
      d.pipe(
          d.topics.sales,
          "S2",
          Fixtures.sale("S2", "central", MORNING_11TH, line("ALM000001", "1", "100")));

      // then only the first S1 and S2 count
      KeyValueStore<String, DailyCell> cells = d.store(StoreNames.QUERY_ANALYTICS_SALES);
      assertCell(cells.get("2026-03-11|central|ALM000001"), "3", "300");
      assertThat(d.<String>store(StoreNames.QUERY_ANALYTICS_SALE_IDS).get("S1"))
          .isEqualTo("2026-03-11|0");
    }
  }

  @Test
  void shouldIgnoreASaleWhenOneOfItsLinesIsInvalid() {
    try (QueryDriver d = new QueryDriver()) {
      // when a sale has a line with quantity 0 (the inventory app rejects the whole sale)
      d.pipe(
          d.topics.sales,
          "S1",
          Fixtures.sale(
              "S1",
              "central",
              MORNING_11TH,
              line("ALM000001", "2", "100"),
              line("ALM000002", "0", "100")));

      // then nothing of it is counted
      assertThat(QueryDriver.count(d.<DailyCell>store(StoreNames.QUERY_ANALYTICS_SALES))).isZero();
      assertThat(QueryDriver.count(d.<String>store(StoreNames.QUERY_ANALYTICS_SALE_IDS))).isZero();
    }
  }

  @Test
  void shouldAddEachRecordOnceWhenItIsRedeliveredAfterACrash() {
    // given the processor on its own, with the offsets of a redelivery under at-least-once
    MockProcessorContext<Void, Void> context = new MockProcessorContext<>(streamsProps());
    KeyValueStore<String, DailyCell> cells =
        store(StoreNames.QUERY_ANALYTICS_SALES, DailyCell.SERDE, context);
    KeyValueStore<String, String> ids =
        store(StoreNames.QUERY_ANALYTICS_SALE_IDS, Serdes.String(), context);
    SalesAnalyticsProcessor processor = new SalesAnalyticsProcessor(QueryConfig.defaults());
    processor.init(context);
    Sale s7 = Fixtures.sale("S7", "central", MORNING_11TH, line("ALM000001", "2", "100"));
    Sale s8 = Fixtures.sale("S8", "central", MORNING_11TH, line("ALM000001", "1", "100"));
    context.setRecordMetadata("almacen.sales", 0, 7);
    processor.process(new Record<>("S7", s7, 0L));
    context.setRecordMetadata("almacen.sales", 0, 8);
    processor.process(new Record<>("S8", s8, 0L));
    // the changelog kept the cell and S7's id but lost S8's id before the crash
    ids.delete("S8");

    // when offsets 7 and 8 are delivered again
    context.setRecordMetadata("almacen.sales", 0, 7);
    processor.process(new Record<>("S7", s7, 0L));
    context.setRecordMetadata("almacen.sales", 0, 8);
    processor.process(new Record<>("S8", s8, 0L));

    // then the cell holds each sale once, and S8's id is remembered again
    assertCell(cells.get("2026-03-11|central|ALM000001"), "3", "300");
    assertThat(cells.get("2026-03-11|central|ALM000001").offset()).isEqualTo(8);
    assertThat(ids.get("S8")).isEqualTo("2026-03-11|8");
  }

  @Test
  void shouldSumTheCostOfSaleEntriesWhenTheLedgerMoves() {
    try (QueryDriver d = new QueryDriver()) {
      // when the ledger has two sales at the average cost, a purchase and an adjustment
      d.pipe(
          d.topics.stockMovements,
          "central|ALM000001",
          Fixtures.movement(
              "central", "ALM000001", 1, MovementType.PURCHASE, "10", "800", LATE_EVENING_10TH));
      d.pipe(
          d.topics.stockMovements,
          "central|ALM000001",
          Fixtures.movement(
              "central", "ALM000001", 2, MovementType.SALE, "-2", "850.5000", LATE_EVENING_10TH));
      d.pipe(
          d.topics.stockMovements,
          "central|ALM000001",
          Fixtures.movement(
              "central", "ALM000001", 3, MovementType.SALE, "-0.5", "850.5000", LATE_EVENING_10TH));
      d.pipe(
          d.topics.stockMovements,
          "central|ALM000001",
          Fixtures.movement(
              "central", "ALM000001", 4, MovementType.ADJUSTMENT, "-1", "850.5000", MORNING_11TH));

      // then only SALE entries count: 2.5 units × 850.50 on the 10th (Buenos Aires)
      KeyValueStore<String, DailyCell> costs = d.store(StoreNames.QUERY_ANALYTICS_COSTS);
      assertCell(costs.get("2026-03-10|central|ALM000001"), "2.5", "2126.25");
      assertThat(QueryDriver.count(costs)).isEqualTo(1);
      // the ledger store is still fed by the same source
      assertThat(QueryDriver.count(d.store(StoreNames.QUERY_MOVEMENTS))).isEqualTo(4);
    }
  }

  @Test
  void shouldPurgeAnalyticsDaysWhenOlderThanTheDaysKept() {
    QueryConfig config = QueryConfig.defaults().withAnalyticsDaysKept(2);
    try (QueryDriver d = new QueryDriver(config)) {
      // given the driver's wall clock at 2026-03-10 12:00 in Buenos Aires: the cutoff is 2026-03-08
      d.pipe(
          d.topics.sales,
          "OLD",
          Fixtures.sale(
              "OLD",
              "central",
              Instant.parse("2026-03-07T15:00:00Z"),
              line("ALM000001", "1", "10")));
      d.pipe(
          d.topics.sales,
          "KEPT",
          Fixtures.sale(
              "KEPT",
              "central",
              Instant.parse("2026-03-08T15:00:00Z"),
              line("ALM000001", "1", "10")));
      d.pipe(
          d.topics.stockMovements,
          "central|ALM000001",
          Fixtures.movement(
              "central",
              "ALM000001",
              1,
              MovementType.SALE,
              "-1",
              "5",
              Instant.parse("2026-03-07T15:00:00Z")));

      // when
      d.driver.advanceWallClockTime(Duration.ofHours(1));

      // then
      KeyValueStore<String, DailyCell> sales = d.store(StoreNames.QUERY_ANALYTICS_SALES);
      assertThat(sales.get("2026-03-07|central|ALM000001")).isNull();
      assertCell(sales.get("2026-03-08|central|ALM000001"), "1", "10");
      assertThat(d.<String>store(StoreNames.QUERY_ANALYTICS_SALE_IDS).get("OLD")).isNull();
      // KEPT is the second record of the sales topic: day|offset
      assertThat(d.<String>store(StoreNames.QUERY_ANALYTICS_SALE_IDS).get("KEPT"))
          .isEqualTo("2026-03-08|1");
      assertThat(QueryDriver.count(d.store(StoreNames.QUERY_ANALYTICS_COSTS))).isZero();
    }
  }

  @Test
  void shouldReadBackTheSameCellWhenSerialized() {
    // given
    DailyCell cell =
        new DailyCell(
            new java.math.BigDecimal("2.500"), new java.math.BigDecimal("2126.25000"), 42);

    // when
    byte[] bytes = DailyCell.SERDE.serializer().serialize("t", cell);

    // then
    assertThat(new String(bytes, java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("2.500|2126.25000|42");
    assertThat(DailyCell.SERDE.deserializer().deserialize("t", bytes)).isEqualTo(cell);
  }

  private static void assertCell(DailyCell cell, String qty, String amount) {
    assertThat(cell).as("cell").isNotNull();
    assertThat(cell.qty()).isEqualByComparingTo(qty);
    assertThat(cell.amount()).isEqualByComparingTo(amount);
  }

  private static Properties streamsProps() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "query-unit");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    return props;
  }

  private static <V> KeyValueStore<String, V> store(
      String name,
      org.apache.kafka.common.serialization.Serde<V> serde,
      MockProcessorContext<Void, Void> context) {
    KeyValueStore<String, V> store =
        Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(), serde)
            .withLoggingDisabled()
            .build();
    store.init(context.getStateStoreContext(), store);
    context.addStateStore(store);
    return store;
  }
}
