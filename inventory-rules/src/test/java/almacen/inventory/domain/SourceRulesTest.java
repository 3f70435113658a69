package almacen.inventory.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import almacen.events.Sale;
import almacen.events.SaleLine;
import almacen.events.StockLevel;
import almacen.events.TaxRegime;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceRulesTest {

  static final Instant T0 = Instant.parse("2025-10-15T13:00:00Z");
  private final SourceRules rules =
      SourceRules.of(
          new StockCommands(TaxRegime.RI, DemandSettings.BUENOS_AIRES),
          SourceRules.DEFAULT_SALE_ID_MEMORY);

  @Test
  void shouldForgetSaleIdWhenExactlyItsMemoryHasPassed() {
    // given a sale id that took effect at T0
    long seen = T0.toEpochMilli();
    long memory = Duration.ofDays(35).toMillis();
    // when / then it still blocks at T0 + 35 days and is forgotten a millisecond later
    assertThat(rules.sales().remembers(seen, seen + memory)).isTrue();
    assertThat(rules.sales().remembers(seen, seen + memory + 1)).isFalse();
    assertThat(rules.sales().remembers(null, seen)).isFalse();
  }

  @Test
  void shouldRememberInvoiceAdjustmentAndTransferIdsWhenAnyTimeHasPassed() {
    // given ids seen at T0; when ten years of stream time pass
    long seen = T0.toEpochMilli();
    long later = T0.plus(Duration.ofDays(3650)).toEpochMilli();
    // then they still block
    assertThat(rules.invoices().remembers(seen, later)).isTrue();
    assertThat(rules.adjustments().remembers(seen, later)).isTrue();
    assertThat(rules.transfers().remembers(seen, later)).isTrue();
    assertThat(rules.invoices().forgets()).isFalse();
  }

  @Test
  void shouldKeyDedupeByKindAndIdWhenEventGiven() {
    // given
    Sale sale =
        new Sale(
            "S1",
            "central",
            T0,
            List.of(new SaleLine("A1", new BigDecimal("1.000"), new BigDecimal("10.00"))),
            T0,
            null);
    // when / then
    assertThat(rules.sales().seenKey(sale)).isEqualTo("sale:S1");
    assertThat(rules.sales().businessTime().apply(sale)).isEqualTo(T0);
  }

  @Test
  void shouldRefuseWholeEventWhenItsLastCommandIsImpossible() {
    // given an empty key and a sale whose second line would put the ledger out of range
    StockLedger ledger = new StockLedger(DemandSettings.defaults());
    StockCommand first =
        new StockCommand(
            CommandType.PURCHASE,
            "central",
            "A1",
            new BigDecimal("1"),
            new BigDecimal("100"),
            "I1#1",
            T0,
            null);
    StockCommand huge =
        new StockCommand(
            CommandType.PURCHASE,
            "central",
            "A1",
            new BigDecimal("1000000"),
            new BigDecimal("999999999999"),
            "I1#2",
            T0,
            null);
    // when / then nothing is returned for the first line either
    assertThatThrownBy(
            () ->
                ledger.executeAll(
                    List.of(first, huge), key -> (StockLevel) null, ProductInfo::unknown))
        .isInstanceOf(InvalidStockEventException.class)
        .hasMessageContaining("I1#2");
  }

  @Test
  void shouldSeeEarlierCommandsOfSameEventWhenExecutingAll() {
    // given two purchases of one event on an empty key
    StockLedger ledger = new StockLedger(DemandSettings.defaults());
    StockCommand first =
        new StockCommand(
            CommandType.PURCHASE,
            "central",
            "A1",
            new BigDecimal("2"),
            new BigDecimal("100"),
            "I1#1",
            T0,
            null);
    StockCommand second =
        new StockCommand(
            CommandType.PURCHASE,
            "central",
            "A1",
            new BigDecimal("2"),
            new BigDecimal("200"),
            "I1#2",
            T0,
            null);
    // when
    List<LedgerResult> results =
        ledger.executeAll(List.of(first, second), key -> null, ProductInfo::unknown);
    // then the second sees the first's level
    assertThat(results)
        .extracting(r -> r.level().getOnHand().toPlainString())
        .containsExactly("2.000", "4.000");
    assertThat(results.get(1).level().getAvgCost()).isEqualByComparingTo("150.0000");
    assertThat(results.get(1).movement().getSequence()).isEqualTo(2L);
  }
}
