package almacen.query;

import static org.assertj.core.api.Assertions.assertThat;

import almacen.events.InvoiceStatus;
import almacen.events.Price;
import almacen.events.PriceReason;
import almacen.events.Product;
import almacen.events.StockAlert;
import almacen.events.StockLevel;
import almacen.events.StockMovement;
import almacen.events.StockStatus;
import almacen.schemas.StoreNames;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

class QueryTopologyTest {

  @Test
  void shouldKeepOnlyNewestMovementsNewestFirstWhenMoreThanTheLimitArrive() {
    try (QueryDriver d =
        new QueryDriver(
            new QueryConfig(QueryConfig.BUENOS_AIRES, 3, 10, 35, Duration.ofHours(1)))) {
      // given
      for (long seq = 1; seq <= 5; seq++) {
        d.pipe(
            d.topics.stockMovements,
            "central|ALM000001",
            Fixtures.movement("central", "ALM000001", seq));
      }
      d.pipe(d.topics.stockMovements, "sur|ALM000001", Fixtures.movement("sur", "ALM000001", 1));

      // when
      KeyValueStore<String, StockMovement> store = d.store(StoreNames.QUERY_MOVEMENTS);
      List<Long> sequences = new ArrayList<>();
      try (KeyValueIterator<String, StockMovement> it =
          store.reverseRange(
              StoreKeys.movementFrom("central|ALM000001"),
              StoreKeys.movementTo("central|ALM000001"))) {
        it.forEachRemaining(kv -> sequences.add(kv.value.getSequence()));
      }

      // then
      assertThat(sequences).containsExactly(5L, 4L, 3L);
      assertThat(QueryDriver.count(store)).isEqualTo(4);
    }
  }

  @Test
  void shouldClearTheAlertWhenStatusReturnsToOk() {
    try (QueryDriver d = new QueryDriver()) {
      // given
      d.pipe(
          d.topics.stockAlerts,
          "central|ALM000001",
          Fixtures.alert("central", "ALM000001", StockStatus.LOW, StockStatus.OK));
      d.pipe(
          d.topics.stockAlerts,
          "central|ALM000002",
          Fixtures.alert("central", "ALM000002", StockStatus.OUT, StockStatus.LOW));
      KeyValueStore<String, StockAlert> store = d.store(StoreNames.QUERY_ALERTS);
      assertThat(store.get("central|ALM000001").getStatus()).isEqualTo(StockStatus.LOW);

      // when
      d.pipe(
          d.topics.stockAlerts,
          "central|ALM000001",
          Fixtures.alert("central", "ALM000001", StockStatus.OK, StockStatus.LOW));

      // then
      assertThat(store.get("central|ALM000001")).isNull();
      assertThat(store.get("central|ALM000002").getStatus()).isEqualTo(StockStatus.OUT);
      assertThat(d.changes)
          .extracting(QueryDriver.Change::kind)
          .containsExactly(ChangeKind.ALERT, ChangeKind.ALERT, ChangeKind.ALERT);
    }
  }

  @Test
  void shouldReplaceAnAlertWhenTheStatusChangesAgain() {
    try (QueryDriver d = new QueryDriver()) {
      // given
      d.pipe(
          d.topics.stockAlerts,
          "central|ALM000001",
          Fixtures.alert("central", "ALM000001", StockStatus.LOW, StockStatus.OK));

      // when
      d.pipe(
          d.topics.stockAlerts,
          "central|ALM000001",
          Fixtures.alert("central", "ALM000001", StockStatus.NEGATIVE, StockStatus.LOW));

      // then
      KeyValueStore<String, StockAlert> store = d.store(StoreNames.QUERY_ALERTS);
      assertThat(store.get("central|ALM000001").getStatus()).isEqualTo(StockStatus.NEGATIVE);
      assertThat(QueryDriver.count(store)).isEqualTo(1);
    }
  }

  @Test
  void shouldFileSalesUnderTheBuenosAiresDayWhenSoldAfterUtcMidnight() {
    try (QueryDriver d = new QueryDriver()) {
      // given 01:30 UTC on the 11th is 22:30 of the 10th in Buenos Aires
      Instant lateEvening = Instant.parse("2026-03-11T01:30:00Z");
      Instant nextMorning = Instant.parse("2026-03-11T12:00:00Z");

      // when
      d.pipe(d.topics.sales, "S1", Fixtures.sale("S1", "central", lateEvening, "2", "150.50"));
      d.pipe(d.topics.sales, "S2", Fixtures.sale("S2", "central", nextMorning, "1.250", "1000"));
      d.pipe(d.topics.sales, "S3", Fixtures.sale("S3", "sur", lateEvening, "1", "99.99"));

      // then
      KeyValueStore<String, BigDecimal> store = d.store(StoreNames.QUERY_SALES_DAILY);
      assertThat(store.get("2026-03-10|central|S1")).isEqualByComparingTo("301.00");
      assertThat(store.get("2026-03-11|central|S2")).isEqualByComparingTo("1250.00");
      assertThat(store.get("2026-03-10|sur|S3")).isEqualByComparingTo("99.99");
      assertThat(QueryDriver.count(store)).isEqualTo(3);
    }
  }

  @Test
  void shouldCountASaleOnceWhenTheSameSaleIdArrivesTwice() {
    try (QueryDriver d = new QueryDriver()) {
      // given
      Instant at = Instant.parse("2026-03-10T15:00:00Z");
      d.pipe(d.topics.sales, "S1", Fixtures.sale("S1", "central", at, "2", "100"));

      // when
      d.pipe(d.topics.sales, "S1", Fixtures.sale("S1", "central", at, "2", "100"));

      // then
      KeyValueStore<String, BigDecimal> store = d.store(StoreNames.QUERY_SALES_DAILY);
      List<KeyValue<String, BigDecimal>> all = new ArrayList<>();
      try (KeyValueIterator<String, BigDecimal> it = store.all()) {
        it.forEachRemaining(all::add);
      }
      assertThat(all).hasSize(1);
      assertThat(all.get(0).value).isEqualByComparingTo("200.00");
    }
  }

  @Test
  void shouldPurgeDailySalesWhenOlderThanTheDaysKept() {
    try (QueryDriver d =
        new QueryDriver(
            new QueryConfig(QueryConfig.BUENOS_AIRES, 1000, 10, 2, Duration.ofHours(1)))) {
      // given driver clock starts at 2026-03-10T15:00Z (12:00 in Buenos Aires)
      d.pipe(
          d.topics.sales,
          "OLD",
          Fixtures.sale("OLD", "central", Instant.parse("2026-03-07T15:00:00Z"), "1", "10"));
      d.pipe(
          d.topics.sales,
          "KEPT",
          Fixtures.sale("KEPT", "central", Instant.parse("2026-03-08T15:00:00Z"), "1", "10"));

      // when
      d.driver.advanceWallClockTime(Duration.ofHours(1));

      // then cutoff = 2026-03-08: days before it are gone
      KeyValueStore<String, BigDecimal> store = d.store(StoreNames.QUERY_SALES_DAILY);
      assertThat(store.get("2026-03-07|central|OLD")).isNull();
      assertThat(store.get("2026-03-08|central|KEPT")).isEqualByComparingTo("10.00");
    }
  }

  @Test
  void shouldKeepTheLatestStockLevelAndAnnounceItWhenALevelArrives() {
    try (QueryDriver d = new QueryDriver()) {
      // given
      d.pipe(
          d.topics.stockLevels,
          "central|ALM000001",
          Fixtures.level("central", "ALM000001", "10", "100", StockStatus.OK));

      // when
      d.pipe(
          d.topics.stockLevels,
          "central|ALM000001",
          Fixtures.level("central", "ALM000001", "4", "100", StockStatus.LOW));

      // then
      KeyValueStore<String, StockLevel> store = d.store(StoreNames.QUERY_STOCK_LEVELS);
      assertThat(store.get("central|ALM000001").getOnHand()).isEqualByComparingTo("4.000");
      assertThat(d.changes)
          .extracting(QueryDriver.Change::kind, QueryDriver.Change::key)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(ChangeKind.STOCK, "central|ALM000001"),
              org.assertj.core.groups.Tuple.tuple(ChangeKind.STOCK, "central|ALM000001"));
    }
  }

  @Test
  void shouldKeepPriceHistoryNewestFirstAndBoundedWhenPricesArrive() {
    try (QueryDriver d =
        new QueryDriver(
            new QueryConfig(QueryConfig.BUENOS_AIRES, 1000, 2, 35, Duration.ofHours(1)))) {
      // given
      Instant t = Instant.parse("2026-03-01T10:00:00Z");
      d.pipe(
          d.topics.priceHistory,
          "ALM000001",
          Fixtures.price("ALM000001", "1000", t, PriceReason.CATALOG));
      d.pipe(
          d.topics.priceHistory,
          "ALM000001",
          Fixtures.price("ALM000001", "1100", t.plusSeconds(60), PriceReason.COST));
      d.pipe(
          d.topics.priceHistory,
          "ALM000001",
          Fixtures.price("ALM000001", "1200", t.plusSeconds(120), PriceReason.DAILY));
      d.pipe(
          d.topics.priceHistory,
          "ALM000002",
          Fixtures.price("ALM000002", "50", t, PriceReason.CATALOG));

      // when
      List<BigDecimal> prices = new ArrayList<>();
      KeyValueStore<String, Price> store = d.store(StoreNames.QUERY_PRICE_HISTORY);
      try (KeyValueIterator<String, Price> it =
          store.reverseRange(
              StoreKeys.priceHistoryFrom("ALM000001"), StoreKeys.priceHistoryTo("ALM000001"))) {
        it.forEachRemaining(kv -> prices.add(kv.value.getListPrice()));
      }

      // then
      assertThat(prices).containsExactly(new BigDecimal("1200.00"), new BigDecimal("1100.00"));
    }
  }

  @Test
  void shouldUpsertGlobalStoresAndAnnouncePricesAndInvoicesWhenTheyArrive() {
    try (QueryDriver d = new QueryDriver()) {
      // when
      d.pipe(
          d.topics.products,
          "ALM000001",
          Fixtures.product("ALM000001", "Azúcar 1kg", "Almacén", "7790000000011", "5", null));
      d.pipe(
          d.topics.prices,
          "ALM000001",
          Fixtures.price("ALM000001", "1500", Fixtures.T0, PriceReason.COST));
      d.pipe(
          d.topics.invoices,
          "INV1",
          Fixtures.invoice("INV1", "central", InvoiceStatus.NEEDS_REVIEW));
      d.pipe(
          d.topics.invoices, "INV1", Fixtures.invoice("INV1", "central", InvoiceStatus.CONFIRMED));
      d.pipe(d.topics.inflationIndex, "2026-02", Fixtures.inflation("2026-02", "2.4"));

      // then
      assertThat(d.<Product>store(StoreNames.QUERY_PRODUCTS).get("ALM000001").getName())
          .isEqualTo("Azúcar 1kg");
      assertThat(d.<Price>store(StoreNames.QUERY_PRICES).get("ALM000001").getListPrice())
          .isEqualByComparingTo("1500.00");
      assertThat(d.<almacen.events.Invoice>store(StoreNames.QUERY_INVOICES).get("INV1").getStatus())
          .isEqualTo(InvoiceStatus.CONFIRMED);
      assertThat(
              d.<almacen.events.InflationMonth>store(StoreNames.QUERY_INFLATION)
                  .get("2026-02")
                  .getRatePct())
          .isEqualByComparingTo("2.40");
      assertThat(d.changes)
          .extracting(QueryDriver.Change::kind)
          .containsExactly(ChangeKind.PRICE, ChangeKind.INVOICE, ChangeKind.INVOICE);
    }
  }

  @Test
  void shouldRemoveAProductWhenATombstoneArrives() {
    try (QueryDriver d = new QueryDriver()) {
      // given
      d.pipe(
          d.topics.products,
          "ALM000001",
          Fixtures.product("ALM000001", "Yerba", "Almacén", null, "5", null));

      // when
      d.pipe(d.topics.products, "ALM000001", null);

      // then
      assertThat(d.<Product>store(StoreNames.QUERY_PRODUCTS).get("ALM000001")).isNull();
    }
  }

  @Test
  void shouldNameEveryStoreFromTheSharedConstantsWhenBuilt() {
    // when
    String description =
        QueryTopology.build(QueryConfig.defaults(), almacen.schemas.Topics.defaults())
            .describe()
            .toString();

    // then
    assertThat(description)
        .contains(
            StoreNames.QUERY_STOCK_LEVELS,
            StoreNames.QUERY_MOVEMENTS,
            StoreNames.QUERY_PRODUCTS,
            StoreNames.QUERY_PRICES,
            StoreNames.QUERY_PRICE_HISTORY,
            StoreNames.QUERY_ALERTS,
            StoreNames.QUERY_INVOICES,
            StoreNames.QUERY_INFLATION,
            StoreNames.QUERY_SALES_DAILY,
            StoreNames.QUERY_ANALYTICS_SALES,
            StoreNames.QUERY_ANALYTICS_SALE_IDS,
            StoreNames.QUERY_ANALYTICS_COSTS);
    assertThat(description).doesNotContain("KSTREAM-", "KTABLE-");
  }
}
