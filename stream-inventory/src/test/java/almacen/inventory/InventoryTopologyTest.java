package almacen.inventory;

import static almacen.inventory.InventoryDriver.T0;
import static almacen.inventory.InventoryDriver.adjustment;
import static almacen.inventory.InventoryDriver.invoice;
import static almacen.inventory.InventoryDriver.invoiceLine;
import static almacen.inventory.InventoryDriver.line;
import static almacen.inventory.InventoryDriver.product;
import static almacen.inventory.InventoryDriver.sale;
import static almacen.inventory.InventoryDriver.transfer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import almacen.events.DeadLetter;
import almacen.events.Invoice;
import almacen.events.InvoiceStatus;
import almacen.events.MovementType;
import almacen.events.Sale;
import almacen.events.StockAdjustment;
import almacen.events.StockAlert;
import almacen.events.StockLevel;
import almacen.events.StockMovement;
import almacen.events.StockStatus;
import almacen.events.StockTransfer;
import almacen.events.TaxRegime;
import almacen.inventory.domain.DemandSettings;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class InventoryTopologyTest {

  private static final LocalDate DAY = LocalDate.of(2025, 10, 14);

  static Stream<Arguments> duplicates() {
    return Stream.of(
        Arguments.of(
            "sale",
            (Consumer<InventoryDriver>) d -> d.send(sale("S1", "central", T0, line("A1", "2")))),
        Arguments.of(
            "invoice",
            (Consumer<InventoryDriver>)
                d ->
                    d.send(
                        invoice(
                            "INV1",
                            "central",
                            DAY,
                            InvoiceStatus.CONFIRMED,
                            invoiceLine("A1", "10", "100")))),
        Arguments.of(
            "adjustment",
            (Consumer<InventoryDriver>)
                d -> d.send(adjustment("ADJ1", "central", "A1", "-1", null, T0))),
        Arguments.of(
            "transfer",
            (Consumer<InventoryDriver>)
                d -> d.send(transfer("TR1", "central", "norte", "A1", "1", T0))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("duplicates")
  void shouldApplyOnceAndCountDuplicateWhenSameIdArrivesAgain(
      String kind, Consumer<InventoryDriver> sendIt) {
    try (InventoryDriver d = new InventoryDriver()) {
      // given the event applied once
      sendIt.accept(d);
      List<StockMovement> first = d.drainMovements();
      d.levels.readValuesToList();
      // when the same id arrives twice more (retry, re-upload)
      sendIt.accept(d);
      sendIt.accept(d);
      // then nothing moves again and both repeats are counted
      assertThat(first).isNotEmpty();
      assertThat(d.drainMovements()).isEmpty();
      assertThat(d.levels.isEmpty()).isTrue();
      assertThat(d.duplicates(kind)).isEqualTo(2.0);
    }
  }

  @Test
  void shouldForgetSaleIdWhenDedupeWindowExpired() {
    InventoryConfig config =
        new InventoryConfig(
            TaxRegime.RI, Duration.ofDays(35), DemandSettings.defaults(), 1, Duration.ofSeconds(2));
    try (InventoryDriver d = new InventoryDriver(config)) {
      // given sale S1 and invoice INV1 seen at T0
      d.send(sale("S1", "central", T0, line("A1", "1")));
      d.send(
          invoice("INV1", "central", DAY, InvoiceStatus.CONFIRMED, invoiceLine("A1", "10", "100")));
      // when stream time passes 36 days and both ids come again
      Instant later = T0.plus(Duration.ofDays(36));
      d.send(sale("S2", "central", later, line("A1", "1")));
      d.sales.pipeInput("S1", sale("S1", "central", T0, line("A1", "1")), later.plusSeconds(1));
      d.invoices.pipeInput(
          "INV1",
          invoice("INV1", "central", DAY, InvoiceStatus.CONFIRMED, invoiceLine("A1", "10", "100")),
          later.plusSeconds(2));
      // then the sale id had expired (applied again); the invoice id never expires
      assertThat(d.drainMovements())
          .extracting(StockMovement::getMovementId)
          .containsExactly("S1#1:SALE", "INV1#1:PURCHASE", "S2#1:SALE", "S1#1:SALE");
      assertThat(d.duplicates("invoice")).isEqualTo(1.0);
      assertThat(d.duplicates("sale")).isEqualTo(0.0);
    }
  }

  @Test
  void shouldGoNegativeAndFlagUncataloguedWhenUnknownSkuSoldBeforeAnyInvoice() {
    try (InventoryDriver d = new InventoryDriver()) {
      // when a sku never bought nor catalogued is sold
      d.send(sale("S1", "central", T0, line("NEW1", "2")));
      // then the sale is not rejected: onHand goes negative and an alert is raised
      StockLevel level = d.level("central", "NEW1");
      assertThat(level.getOnHand()).isEqualByComparingTo("-2.000");
      assertThat(level.getStatus()).isEqualTo(StockStatus.NEGATIVE);
      assertThat(level.getCatalogued()).isFalse();
      assertThat(level.getMinStock()).isEqualByComparingTo("0.000");
      assertThat(d.drainAlerts())
          .extracting(StockAlert::getStatus, StockAlert::getPreviousStatus)
          .containsExactly(tuple(StockStatus.NEGATIVE, StockStatus.OUT));
      // and when it is catalogued later, the level is flagged at once
      d.send(product("NEW1", "1", null, T0.plusSeconds(60)));
      assertThat(d.level("central", "NEW1").getCatalogued()).isTrue();
    }
  }

  @Test
  void shouldSetOnHandToCountWhenCountArrives() {
    try (InventoryDriver d = new InventoryDriver()) {
      // given 10 bought, 3 sold
      d.send(
          invoice("INV1", "central", DAY, InvoiceStatus.CONFIRMED, invoiceLine("A1", "10", "100")));
      d.send(sale("S1", "central", T0, line("A1", "3")));
      // when 5 are counted, then 1 is written off
      d.send(adjustment("ADJ1", "central", "A1", null, "5", T0.plusSeconds(60)));
      d.send(adjustment("ADJ2", "central", "A1", "-1", null, T0.plusSeconds(120)));
      // then
      assertThat(d.drainMovements())
          .extracting(
              StockMovement::getType,
              StockMovement::getDelta,
              StockMovement::getAfter,
              StockMovement::getSourceRef)
          .containsExactly(
              tuple(
                  MovementType.PURCHASE,
                  new BigDecimal("10.000"),
                  new BigDecimal("10.000"),
                  "INV1#1"),
              tuple(MovementType.SALE, new BigDecimal("-3.000"), new BigDecimal("7.000"), "S1#1"),
              tuple(
                  MovementType.ADJUSTMENT,
                  new BigDecimal("-2.000"),
                  new BigDecimal("5.000"),
                  "ADJ1"),
              tuple(
                  MovementType.ADJUSTMENT,
                  new BigDecimal("-1.000"),
                  new BigDecimal("4.000"),
                  "ADJ2"));
    }
  }

  @Test
  void shouldCarrySourceAverageCostWhenTransferred() {
    try (InventoryDriver d = new InventoryDriver()) {
      // given central 10 @ 100 and norte 10 @ 70
      d.send(
          invoice("INV1", "central", DAY, InvoiceStatus.CONFIRMED, invoiceLine("A1", "10", "100")));
      d.send(invoice("INV2", "norte", DAY, InvoiceStatus.CONFIRMED, invoiceLine("A1", "10", "70")));
      d.drainMovements();
      // when 5 go from central to norte
      d.send(transfer("TR1", "central", "norte", "A1", "5", T0));
      // then both ends are in the ledger and norte averages (10 × 70 + 5 × 100) / 15 = 80
      assertThat(d.drainMovements())
          .extracting(
              StockMovement::getMovementId,
              StockMovement::getBranch,
              StockMovement::getDelta,
              StockMovement::getUnitCost,
              StockMovement::getSequence)
          .containsExactly(
              tuple(
                  "TR1:TRANSFER_OUT",
                  "central",
                  new BigDecimal("-5.000"),
                  new BigDecimal("100.0000"),
                  2L),
              tuple(
                  "TR1:TRANSFER_IN",
                  "norte",
                  new BigDecimal("5.000"),
                  new BigDecimal("100.0000"),
                  2L));
      assertThat(d.level("central", "A1").getOnHand()).isEqualByComparingTo("5.000");
      assertThat(d.level("norte", "A1").getOnHand()).isEqualByComparingTo("15.000");
      assertThat(d.level("norte", "A1").getAvgCost()).isEqualTo(new BigDecimal("80.0000"));
      assertThat(d.level("norte", "A1").getStockValue()).isEqualTo(new BigDecimal("1200.00"));
    }
  }

  @ParameterizedTest(name = "{0} partition(s)")
  @CsvSource({"1", "2"})
  void shouldRecordWhoDidItOnEveryMovementWhenSourceEventsCarryAUser(int partitions) {
    // two partitions send every command through the repartition topic and its serde
    try (InventoryDriver d = new InventoryDriver(InventoryConfig.defaults(partitions))) {
      // given an invoice typed by "compras", a sale by "caja1", a count by "deposito", a transfer
      // by "repositor", and a sale of v1 (written before users were recorded)
      d.send(
          Invoice.newBuilder(
                  invoice(
                      "INV1",
                      "central",
                      DAY,
                      InvoiceStatus.CONFIRMED,
                      invoiceLine("A1", "10", "100")))
              .setUser("compras")
              .build());
      d.send(Sale.newBuilder(sale("S1", "central", T0, line("A1", "2"))).setUser("caja1").build());
      d.send(
          StockAdjustment.newBuilder(
                  adjustment("ADJ1", "central", "A1", null, "7", T0.plusSeconds(60)))
              .setUser("deposito")
              .build());
      d.send(
          StockTransfer.newBuilder(
                  transfer("TR1", "central", "norte", "A1", "1", T0.plusSeconds(120)))
              .setUser("repositor")
              .build());
      // when
      d.rawSales.pipeInput(
          "S0".getBytes(StandardCharsets.UTF_8),
          InventoryDriver.v1Sale("S0", "central", T0.plusSeconds(180), "A1", "1"),
          T0.plusSeconds(180));
      // then
      assertThat(d.drainMovements())
          .extracting(StockMovement::getMovementId, StockMovement::getUser)
          .containsExactlyInAnyOrder(
              tuple("INV1#1:PURCHASE", "compras"),
              tuple("S1#1:SALE", "caja1"),
              tuple("ADJ1:ADJUSTMENT", "deposito"),
              tuple("TR1:TRANSFER_OUT", "repositor"),
              tuple("TR1:TRANSFER_IN", "repositor"),
              tuple("S0#1:SALE", null));
      assertThat(d.level("central", "A1").getOnHand()).isEqualByComparingTo("5.000");
    }
  }

  @Test
  void shouldMoveAverageCostWhenPurchasesAtDifferentCosts() {
    try (InventoryDriver d = new InventoryDriver()) {
      // given 10 @ 100 and 5 @ 130 → (1000 + 650) / 15 = 110
      d.send(
          invoice("INV1", "central", DAY, InvoiceStatus.CONFIRMED, invoiceLine("A1", "10", "100")));
      d.send(
          invoice("INV2", "central", DAY, InvoiceStatus.CONFIRMED, invoiceLine("A1", "5", "130")));
      // when 12 are sold and 7 come in at 90 → (3 × 110 + 7 × 90) / 10 = 96
      d.send(sale("S1", "central", T0, line("A1", "12")));
      d.send(
          invoice(
              "INV3",
              "central",
              DAY.plusDays(1),
              InvoiceStatus.CONFIRMED,
              invoiceLine("A1", "7", "90")));
      // then
      assertThat(d.levels.readValuesToList())
          .extracting(StockLevel::getAvgCost, StockLevel::getStockValue)
          .containsExactly(
              tuple(new BigDecimal("100.0000"), new BigDecimal("1000.00")),
              tuple(new BigDecimal("110.0000"), new BigDecimal("1650.00")),
              tuple(new BigDecimal("110.0000"), new BigDecimal("330.00")),
              tuple(new BigDecimal("96.0000"), new BigDecimal("960.00")));
      assertThat(d.drainMovements())
          .extracting(StockMovement::getUnitCost)
          .containsExactly(
              new BigDecimal("100.0000"),
              new BigDecimal("130.0000"),
              new BigDecimal("110.0000"),
              new BigDecimal("90.0000"));
    }
  }

  @Test
  void shouldAlertOnEveryTransitionWhenStockFallsAndRecovers() {
    try (InventoryDriver d = new InventoryDriver()) {
      // given minStock 5 and 10 on hand (OK: no alert for a new key at OK)
      d.send(product("A1", "5", null, T0.minusSeconds(3600)));
      d.send(
          invoice("INV1", "central", DAY, InvoiceStatus.CONFIRMED, invoiceLine("A1", "10", "100")));
      // when it falls to 5, 0, -1 and comes back to 19
      d.send(sale("S1", "central", T0, line("A1", "5")));
      d.send(sale("S2", "central", T0.plusSeconds(1), line("A1", "5")));
      d.send(sale("S3", "central", T0.plusSeconds(2), line("A1", "1")));
      d.send(sale("S4", "central", T0.plusSeconds(3), line("A1", "0.5")));
      d.send(
          invoice(
              "INV2",
              "central",
              DAY.plusDays(1),
              InvoiceStatus.CONFIRMED,
              invoiceLine("A1", "20.5", "100")));
      // then one alert per change of status, the last one clearing (OK)
      assertThat(d.drainAlerts())
          .extracting(
              StockAlert::getPreviousStatus,
              StockAlert::getStatus,
              StockAlert::getOnHand,
              StockAlert::getSince)
          .containsExactly(
              tuple(StockStatus.OK, StockStatus.LOW, new BigDecimal("5.000"), T0),
              tuple(StockStatus.LOW, StockStatus.OUT, new BigDecimal("0.000"), T0.plusSeconds(1)),
              tuple(
                  StockStatus.OUT,
                  StockStatus.NEGATIVE,
                  new BigDecimal("-1.000"),
                  T0.plusSeconds(2)),
              tuple(
                  StockStatus.NEGATIVE,
                  StockStatus.OK,
                  new BigDecimal("19.000"),
                  T0.plusSeconds(3)));
    }
  }

  @Test
  void shouldPublishTheLastLevelOfEachKeyOnceWhenOneSaleMovesItTwice() {
    try (InventoryDriver d = new InventoryDriver()) {
      // when one sale sells A1 on two lines and B2 on one
      d.send(sale("S1", "central", T0, line("A1", "1"), line("A1", "2"), line("B2", "1")));
      // then the ledger has an entry per line, stock-levels the last level of each key once
      assertThat(d.drainMovements())
          .extracting(StockMovement::getSku, StockMovement::getAfter)
          .containsExactly(
              tuple("A1", new BigDecimal("-1.000")),
              tuple("A1", new BigDecimal("-3.000")),
              tuple("B2", new BigDecimal("-1.000")));
      assertThat(d.levels.readKeyValuesToList())
          .extracting(kv -> kv.key, kv -> kv.value.getOnHand(), kv -> kv.value.getMovements())
          .containsExactlyInAnyOrder(
              tuple("central|A1", new BigDecimal("-3.000"), 2L),
              tuple("central|B2", new BigDecimal("-1.000"), 1L));
    }
  }

  @Test
  void shouldReevaluateEveryBranchWhenMinStockChanges() {
    try (InventoryDriver d = new InventoryDriver()) {
      // given A1 at two branches with 8 each and minStock 5 (OK)
      d.send(product("A1", "5", null, T0.minusSeconds(3600)));
      d.send(
          invoice("INV1", "central", DAY, InvoiceStatus.CONFIRMED, invoiceLine("A1", "8", "100")));
      d.send(invoice("INV2", "norte", DAY, InvoiceStatus.CONFIRMED, invoiceLine("A1", "8", "100")));
      d.send(
          invoice("INV3", "central", DAY, InvoiceStatus.CONFIRMED, invoiceLine("B2", "8", "100")));
      d.levels.readValuesToList();
      d.drainMovements();
      // when minStock of A1 becomes 10
      d.send(product("A1", "10", "30", T0));
      // then both A1 branches turn LOW without any ledger entry; B2 untouched
      assertThat(d.drainMovements()).isEmpty();
      assertThat(d.levels.readValuesToList())
          .extracting(
              StockLevel::getBranch,
              StockLevel::getSku,
              StockLevel::getStatus,
              StockLevel::getMinStock,
              StockLevel::getReorderQty)
          .containsExactlyInAnyOrder(
              tuple(
                  "central",
                  "A1",
                  StockStatus.LOW,
                  new BigDecimal("10.000"),
                  new BigDecimal("22.000")),
              tuple(
                  "norte",
                  "A1",
                  StockStatus.LOW,
                  new BigDecimal("10.000"),
                  new BigDecimal("22.000")));
      assertThat(d.drainAlerts())
          .extracting(StockAlert::getBranch, StockAlert::getStatus)
          .containsExactlyInAnyOrder(
              tuple("central", StockStatus.LOW), tuple("norte", StockStatus.LOW));
    }
  }

  @ParameterizedTest(name = "sale {0} days before the latest sale -> dailySales28d {1}")
  @CsvSource({"0, 2.000", "27, 2.000", "28, 1.000"})
  void shouldAverageSalesOverBusinessDaysWhenWindowEdgesReached(
      int daysBefore, String expectedDaily) {
    try (InventoryDriver d = new InventoryDriver()) {
      // given 28 units sold daysBefore days before a second sale of 28 units (both 09:00 Buenos
      // Aires)
      LocalDate latest = LocalDate.of(2025, 11, 20);
      Instant early =
          latest.minusDays(daysBefore).atTime(9, 0).atZone(DemandSettings.BUENOS_AIRES).toInstant();
      Instant late = latest.atTime(9, 0).atZone(DemandSettings.BUENOS_AIRES).toInstant();
      d.send(sale("S1", "central", early, line("A1", "28")));
      // when
      d.sales.pipeInput("S2", sale("S2", "central", late, line("A1", "28")), late.plusMillis(1));
      // then
      StockLevel level = d.level("central", "A1");
      assertThat(level.getDailySales28d()).isEqualTo(new BigDecimal(expectedDaily));
      assertThat(level.getUpdatedAt()).isEqualTo(late);
    }
  }

  @Test
  void shouldKeepThreeDecimalsWhenProductSoldByWeight() {
    try (InventoryDriver d = new InventoryDriver()) {
      // given 10 kg of cheese at 1500 per kg
      d.send(
          invoice(
              "INV1", "central", DAY, InvoiceStatus.CONFIRMED, invoiceLine("QUESO", "10", "1500")));
      // when 2.350 kg and 0.125 kg are sold
      d.send(sale("S1", "central", T0, line("QUESO", "2.350"), line("QUESO", "0.125")));
      // then
      StockLevel level = d.level("central", "QUESO");
      assertThat(level.getOnHand()).isEqualTo(new BigDecimal("7.525"));
      assertThat(level.getStockValue()).isEqualTo(new BigDecimal("11287.50"));
      assertThat(level.getRecentSales())
          .singleElement()
          .satisfies(day -> assertThat(day.getQty()).isEqualTo(new BigDecimal("2.475")));
      assertThat(d.drainMovements())
          .extracting(StockMovement::getMovementId)
          .containsExactly("INV1#1:PURCHASE", "S1#1:SALE", "S1#2:SALE");
    }
  }

  static Stream<Arguments> invalidRecords() {
    return Stream.of(
        Arguments.of(
            "sale line qty 0",
            (Consumer<InventoryDriver>)
                d -> d.send(sale("BAD", "central", T0, line("A1", "1"), line("A1", "0"))),
            "BAD#2: qty must be greater than 0"),
        Arguments.of(
            "sale blank sku",
            (Consumer<InventoryDriver>) d -> d.send(sale("BAD", "central", T0, line(" ", "1"))),
            "BAD#1: sku is blank"),
        Arguments.of(
            "adjustment without delta or count",
            (Consumer<InventoryDriver>)
                d -> d.send(adjustment("BAD", "central", "A1", null, null, T0)),
            "adjustment BAD has neither delta nor countedQty"),
        Arguments.of(
            "transfer to itself",
            (Consumer<InventoryDriver>)
                d -> d.send(transfer("BAD", "central", "central", "A1", "1", T0)),
            "BAD: transfer from and to the same branch"),
        Arguments.of(
            "invoice line qty 0",
            (Consumer<InventoryDriver>)
                d ->
                    d.send(
                        invoice(
                            "BAD",
                            "central",
                            DAY,
                            InvoiceStatus.CONFIRMED,
                            invoiceLine("A1", "0", "10"))),
            "BAD#1: qty must be greater than 0"),
        Arguments.of(
            "sale line qty over the bound",
            (Consumer<InventoryDriver>)
                d -> d.send(sale("BAD", "central", T0, line("A1", "1"), line("A1", "1000000.001"))),
            "BAD#2: qty must be between -1000000 and 1000000"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidRecords")
  void shouldDeadLetterAndContinueWhenRecordImpossible(
      String name, Consumer<InventoryDriver> sendBad, String message) {
    try (InventoryDriver d = new InventoryDriver()) {
      // when an impossible record arrives, followed by a valid sale
      sendBad.accept(d);
      d.send(sale("S1", "central", T0, line("A1", "1")));
      // then the bad one is dead-lettered whole, nothing of it moved, and the app went on
      List<DeadLetter> letters = d.dlq.readValuesToList();
      assertThat(letters)
          .singleElement()
          .satisfies(
              letter -> {
                assertThat(letter.getReason()).isEqualTo("PROCESSING");
                assertThat(letter.getMessage()).contains(message);
                assertThat(letter.getExceptionClass())
                    .isEqualTo("almacen.inventory.domain.InvalidStockEventException");
                assertThat(StandardCharsets.UTF_8.decode(letter.getKey()).toString())
                    .isEqualTo("BAD");
                assertThat(letter.getPayload().remaining()).isPositive();
              });
      assertThat(d.drainMovements())
          .extracting(StockMovement::getMovementId)
          .containsExactly("S1#1:SALE");
    }
  }

  @Test
  void shouldApplyCorrectedCopyWhenSameIdWasDeadLettered() {
    try (InventoryDriver d = new InventoryDriver()) {
      // given a sale rejected for an impossible line
      d.send(sale("S1", "central", T0, line("A1", "0")));
      // when the corrected sale arrives with the same id
      d.send(sale("S1", "central", T0, line("A1", "2")));
      // then it takes effect (a rejected id is not remembered)
      assertThat(d.dlq.readValuesToList()).hasSize(1);
      assertThat(d.level("central", "A1").getOnHand()).isEqualByComparingTo("-2.000");
    }
  }

  @Test
  void shouldMoveNothingAndAcceptACorrectedRetryWhenALaterLineOfTheEventOverflows() {
    try (InventoryDriver d = new InventoryDriver()) {
      // given a sku holding $ 9e15 of stock, and an invoice whose first line is fine and whose
      // second would take that sku's stock value past the ledger's range
      d.send(
          invoice(
              "INV0",
              "central",
              DAY,
              InvoiceStatus.CONFIRMED,
              invoiceLine("A1", "1000000", "9000000000")));
      d.drainMovements();
      d.send(
          invoice(
              "INV1",
              "central",
              DAY,
              InvoiceStatus.CONFIRMED,
              invoiceLine("B2", "10", "100"),
              invoiceLine("A1", "1000000", "9000000000")));
      // then nothing of it moved and its id is not remembered
      assertThat(d.drainMovements()).isEmpty();
      assertThat(d.dlq.readValuesToList()).hasSize(1);
      // when the corrected invoice arrives with the same id
      d.send(
          invoice(
              "INV1",
              "central",
              DAY,
              InvoiceStatus.CONFIRMED,
              invoiceLine("B2", "10", "100"),
              invoiceLine("A1", "10", "1000")));
      // then both lines take effect, once
      assertThat(d.drainMovements())
          .extracting(StockMovement::getMovementId)
          .containsExactly("INV1#1:PURCHASE", "INV1#2:PURCHASE");
      assertThat(d.level("central", "B2").getOnHand()).isEqualByComparingTo("10.000");
      assertThat(d.level("central", "A1").getOnHand()).isEqualByComparingTo("1000010.000");
    }
  }

  @Test
  void shouldIgnoreInvoiceUntilConfirmedWhenNeedsReview() {
    try (InventoryDriver d = new InventoryDriver()) {
      // when an invoice needing review arrives
      d.send(
          invoice(
              "INV1", "central", DAY, InvoiceStatus.NEEDS_REVIEW, invoiceLine("A1", "10", "100")));
      // then nothing moves and nothing is dead-lettered
      assertThat(d.drainMovements()).isEmpty();
      assertThat(d.dlq.isEmpty()).isTrue();
      // and when it is confirmed under the same id, it takes effect once
      d.send(
          invoice("INV1", "central", DAY, InvoiceStatus.CONFIRMED, invoiceLine("A1", "10", "100")));
      assertThat(d.drainMovements())
          .extracting(StockMovement::getMovementId)
          .containsExactly("INV1#1:PURCHASE");
      assertThat(d.duplicates("invoice")).isEqualTo(0.0);
    }
  }

  @Test
  void shouldMoveNothingWhenAnInvoiceIsRejectedFromTheReviewQueue() {
    try (InventoryDriver d = new InventoryDriver()) {
      // when an invoice waits for review and is then rejected under the same id
      d.send(
          invoice(
              "INV1", "central", DAY, InvoiceStatus.NEEDS_REVIEW, invoiceLine("A1", "10", "100")));
      d.send(
          invoice("INV1", "central", DAY, InvoiceStatus.REJECTED, invoiceLine("A1", "10", "100")));

      // then nothing moves and nothing is dead-lettered
      assertThat(d.drainMovements()).isEmpty();
      assertThat(d.level("central", "A1")).isNull();
      assertThat(d.dlq.isEmpty()).isTrue();
    }
  }

  @Test
  void shouldIgnoreLinesWithoutSkuWhenInvoiceConfirmed() {
    try (InventoryDriver d = new InventoryDriver()) {
      // when an invoice has freight (no sku) between two products
      d.send(
          invoice(
              "INV1",
              "central",
              DAY,
              InvoiceStatus.CONFIRMED,
              invoiceLine("A1", "10", "100"),
              invoiceLine(null, "1", "2500"),
              invoiceLine("B2", "4", "50")));
      // then only product lines move stock; refs keep the invoice's own line numbers
      assertThat(d.drainMovements())
          .extracting(StockMovement::getSourceRef, StockMovement::getSku)
          .containsExactly(tuple("INV1#1", "A1"), tuple("INV1#3", "B2"));
    }
  }

  @Test
  void shouldKeepLedgerGaplessWhenManyMovementsPerKey() {
    try (InventoryDriver d = new InventoryDriver()) {
      // given a mix of movements on one key
      d.send(
          invoice("INV1", "central", DAY, InvoiceStatus.CONFIRMED, invoiceLine("A1", "10", "100")));
      d.send(sale("S1", "central", T0, line("A1", "3"), line("A1", "1.5")));
      d.send(transfer("TR1", "central", "norte", "A1", "2", T0.plusSeconds(1)));
      d.send(adjustment("ADJ1", "central", "A1", null, "1", T0.plusSeconds(2)));
      d.send(sale("S2", "central", T0.plusSeconds(3), line("A1", "4")));
      // then
      List<StockMovement> central =
          d.drainMovements().stream().filter(m -> m.getBranch().equals("central")).toList();
      assertThat(central)
          .extracting(StockMovement::getSequence)
          .containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
      assertThat(central)
          .allSatisfy(
              m -> assertThat(m.getAfter()).isEqualByComparingTo(m.getBefore().add(m.getDelta())));
      for (int i = 1; i < central.size(); i++) {
        assertThat(central.get(i).getBefore()).isEqualByComparingTo(central.get(i - 1).getAfter());
      }
      assertThat(d.level("central", "A1").getOnHand()).isEqualByComparingTo("-3.000");
      assertThat(d.level("central", "A1").getMovements()).isEqualTo(6L);
    }
  }

  @Test
  void shouldRebuildSameLedgerAndLevelsWhenInputsReplayedIntoFreshApp() {
    // given the same inputs fed to two fresh applications
    Consumer<InventoryDriver> inputs =
        d -> {
          d.send(product("A1", "5", null, T0.minusSeconds(10)));
          d.send(
              invoice(
                  "INV1",
                  "central",
                  DAY,
                  InvoiceStatus.CONFIRMED,
                  invoiceLine("A1", "10", "100"),
                  invoiceLine("QUESO", "3.5", "1500")));
          d.send(sale("S1", "central", T0, line("A1", "3"), line("QUESO", "0.750")));
          d.send(sale("S1", "central", T0, line("A1", "3")));
          d.send(transfer("TR1", "central", "norte", "A1", "4", T0.plusSeconds(1)));
          d.send(adjustment("ADJ1", "norte", "A1", null, "3", T0.plusSeconds(2)));
          d.send(
              invoice(
                  "INV2",
                  "norte",
                  DAY.plusDays(1),
                  InvoiceStatus.CONFIRMED,
                  invoiceLine("A1", "6", "130")));
        };
    try (InventoryDriver first = new InventoryDriver();
        InventoryDriver second = new InventoryDriver()) {
      // when
      inputs.accept(first);
      inputs.accept(second);
      // then ledger, levels and alerts are identical record for record
      List<StockMovement> ledger = first.drainMovements();
      assertThat(ledger).hasSize(8);
      assertThat(second.drainMovements()).isEqualTo(ledger);
      assertThat(second.levels.readKeyValuesToList()).isEqualTo(first.levels.readKeyValuesToList());
      assertThat(second.drainAlerts()).isEqualTo(first.drainAlerts());
    }
  }
}
