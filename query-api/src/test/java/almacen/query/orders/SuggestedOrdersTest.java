package almacen.query.orders;

import static org.assertj.core.api.Assertions.assertThat;

import almacen.domain.Decimals;
import almacen.events.Product;
import almacen.events.Unit;
import almacen.query.read.LastPurchase;
import almacen.query.read.Views.StockView;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuggestedOrdersTest {

  @ParameterizedTest(name = "reorder {0}, shortfall {1}, pack {2} → {3}")
  @CsvSource({
    "10, 4, 12, 12.000",
    "13, 4, 12, 24.000",
    "24, 4, 12, 24.000",
    "0, 0, 6, 6.000",
    "0, 7, 6, 12.000",
    "2.5, 1, 1, 3.000",
    "1.2, 0, 0.5, 1.500",
    "-3, -1, 1, 1.000",
  })
  void shouldRoundUpToWholePacksWhenOrdering(
      String reorder, String shortfall, String pack, String expected) {
    // when
    BigDecimal qty =
        SuggestedOrders.orderQty(
            new BigDecimal(reorder), new BigDecimal(shortfall), new BigDecimal(pack));

    // then
    assertThat(qty).isEqualByComparingTo(expected);
    assertThat(qty.scale()).isEqualTo(3);
  }

  @Test
  void shouldGroupBySupplierWhenProductsAreAtOrBelowTheirMinimum() {
    // given: yerba last invoiced by Distribuidora Sur, azúcar only with a preferred supplier,
    // fideos with none, aceite above its minimum, and an inactive product that is out
    Map<String, Product> products =
        Map.of(
            "ALM000001", product("ALM000001", "Yerba 1 kg", "12", null, true),
            "ALM000002", product("ALM000002", "Azúcar 1 kg", "10", "30712345671", true),
            "ALM000003", product("ALM000003", "Fideos 500 g", "20", null, true),
            "ALM000004", product("ALM000004", "Aceite 1,5 l", "6", null, true),
            "ALM000005", product("ALM000005", "Viejo", "1", null, false));
    List<StockView> stock =
        List.of(
            level("ALM000001", "3", "5", "LOW", "9"),
            level("ALM000002", "0", "4", "OUT", "0"),
            level("ALM000003", "-2", "10", "NEGATIVE", "15"),
            level("ALM000004", "8", "5", "OK", "0"),
            level("ALM000005", "0", "1", "OUT", "0"));
    Map<String, LastPurchase> last =
        Map.of(
            "ALM000001",
            new LastPurchase(
                "30-70000001-2",
                "Distribuidora Sur",
                new BigDecimal("2800.0000"),
                "30700000012-A-00001-00000077",
                LocalDate.parse("2026-03-01")));

    // when
    List<OrderLine> lines =
        SuggestedOrders.suggest(
            stock, products::get, last, Map.of("30712345671", "Azucarera Norte"), null);

    // then
    assertThat(lines)
        .extracting(
            OrderLine::supplierName, OrderLine::sku, OrderLine::orderQty, OrderLine::lastInvoiceId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "Azucarera Norte", "ALM000002", new BigDecimal("10.000"), null),
            org.assertj.core.groups.Tuple.tuple(
                "Distribuidora Sur",
                "ALM000001",
                new BigDecimal("12.000"),
                "30700000012-A-00001-00000077"),
            org.assertj.core.groups.Tuple.tuple(null, "ALM000003", new BigDecimal("20.000"), null));
    assertThat(lines.get(0).supplierCuit()).isEqualTo("30-71234567-1");
  }

  @Test
  void shouldKeepOnlyThatSupplierWhenOneIsAsked() {
    // given
    Map<String, Product> products =
        Map.of(
            "ALM000001", product("ALM000001", "Yerba 1 kg", "12", "30712345671", true),
            "ALM000002", product("ALM000002", "Azúcar 1 kg", "10", null, true));
    List<StockView> stock =
        List.of(level("ALM000001", "0", "5", "OUT", "5"), level("ALM000002", "0", "4", "OUT", "4"));

    // when
    List<OrderLine> lines =
        SuggestedOrders.suggest(stock, products::get, Map.of(), Map.of(), "30712345671");

    // then
    assertThat(lines).extracting(OrderLine::sku).containsExactly("ALM000001");
  }

  private static Product product(
      String sku, String name, String packSize, String supplierCuit, boolean active) {
    return Product.newBuilder()
        .setSku(sku)
        .setName(name)
        .setCategory("Almacén")
        .setUnit(Unit.UNIT)
        .setMinStock(Decimals.qty(BigDecimal.ONE))
        .setIvaRatePct(Decimals.rate(new BigDecimal("21")))
        .setActive(active)
        .setUpdatedAt(Instant.parse("2026-03-01T12:00:00Z"))
        .setPackSize(Decimals.qty(new BigDecimal(packSize)))
        .setSupplierCuit(supplierCuit)
        .build();
  }

  private static StockView level(
      String sku, String onHand, String minStock, String status, String reorderQty) {
    return new StockView(
        sku,
        sku,
        "Almacén",
        "central",
        "UNIT",
        new BigDecimal(onHand),
        new BigDecimal(minStock),
        null,
        status,
        BigDecimal.ZERO,
        BigDecimal.ZERO,
        BigDecimal.ZERO,
        null,
        new BigDecimal(reorderQty),
        null,
        null);
  }
}
