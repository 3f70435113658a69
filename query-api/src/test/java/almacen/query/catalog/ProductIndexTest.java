package almacen.query.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import almacen.domain.Decimals;
import almacen.events.Product;
import almacen.events.Unit;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProductIndexTest {

  private final ProductIndex index = new ProductIndex();

  ProductIndexTest() {
    index.apply("ALM000001", product("ALM000001", "Azúcar común 1 kg", "Almacén", "7790070410122"));
    index.apply("ALM000002", product("ALM000002", "Yerba Mate Suave 1 kg", "Infusiones", null));
    index.apply("ALM000003", product("ALM000003", "Café molido 500 g", "Infusiones", null));
    index.apply("FIAMBRE-1", withPlu(product("FIAMBRE-1", "Queso cremoso", "Fiambres", null)));
  }

  @ParameterizedTest(name = "q={0} -> {1}")
  @CsvSource({
    "azucar, ALM000001", // accent-insensitive
    "AZÚCAR COMÚN, ALM000001", // case, every word
    "azu, ALM000001", // prefix
    "yerba sua, ALM000002",
    "cafe, ALM000003",
    "alm000003, ALM000003", // sku
    "7790070410122, ALM000001", // EAN
    "779007, ALM000001", // EAN prefix
    "12345, FIAMBRE-1", // PLU
    "fiambre-1, FIAMBRE-1",
  })
  void shouldFindTheProductWhenQueryMatchesSkuNameEanOrPlu(String q, String sku) {
    // when
    ProductIndex.Result found = index.search(q, null, null, 0, 50);

    // then
    assertThat(found.items()).extracting(Product::getSku).containsExactly(sku);
    assertThat(found.total()).isEqualTo(1);
  }

  @Test
  void shouldFindNothingWhenOneWordMatchesNoProduct() {
    // when
    ProductIndex.Result found = index.search("yerba arroz", null, null, 0, 50);

    // then
    assertThat(found.items()).isEmpty();
    assertThat(found.total()).isZero();
  }

  @Test
  void shouldPageSortedBySkuAndFilterByCategoryWhenGiven() {
    // when
    ProductIndex.Result all = index.search("", null, null, 1, 2);
    ProductIndex.Result infusions = index.search(null, "infusiones", true, 0, 50);

    // then
    assertThat(all.items()).extracting(Product::getSku).containsExactly("ALM000003", "FIAMBRE-1");
    assertThat(all.total()).isEqualTo(4);
    assertThat(infusions.items())
        .extracting(Product::getSku)
        .containsExactly("ALM000002", "ALM000003");
  }

  @Test
  void shouldForgetOldNameAndCodesWhenAProductChanges() {
    // given
    index.apply("ALM000001", product("ALM000001", "Azúcar mascabo", "Almacén", "96385074"));

    // when / then
    assertThat(index.search("comun", null, null, 0, 50).total()).isZero();
    assertThat(index.search("mascabo", null, null, 0, 50).total()).isEqualTo(1);
    assertThat(index.skuByGtin("7790070410122")).isEmpty();
    assertThat(index.skuByGtin("96385074")).contains("ALM000001");
    assertThat(index.skuByGtin("0000096385074")).contains("ALM000001");
  }

  @Test
  void shouldKeepTheProcessorsNewerValueWhenTheStoreLoadReadAnOlderOne() {
    // given: the processor told about a new name after the load's read of the store
    ProductIndex fresh = new ProductIndex();
    fresh.apply("ALM000001", product("ALM000001", "Azúcar nuevo", "Almacén", null));
    fresh.apply("ALM000009", null);

    // when
    fresh.loadOnce(
        () ->
            List.of(
                product("ALM000001", "Azúcar viejo", "Almacén", null),
                product("ALM000002", "Yerba", "Infusiones", null),
                product("ALM000009", "Borrado", "Almacén", null)));

    // then
    assertThat(fresh.search("", null, null, 0, 50).items())
        .extracting(Product::getName)
        .containsExactly("Azúcar nuevo", "Yerba");
  }

  @Test
  void shouldFindEveryPrefixMatchWhenTheCatalogueHas10000Products() {
    // given
    ProductIndex big = new ProductIndex();
    for (int i = 0; i < 10_000; i++) {
      String sku = String.format("SKU%05d", i);
      big.apply(sku, product(sku, "Producto número " + i + " marca " + (i % 97), "Almacén", null));
    }

    // when
    ProductIndex.Result found = big.search("produ marca 42", null, null, 0, 50);

    // then: "42" starts numbers 42, 420.., 4200.. and brand 42; speed is measured by the
    // benchmarks (#16, docs/performance.md), not here
    assertThat(found.total()).isEqualTo(212);
    assertThat(found.items()).hasSize(50);
  }

  private static Product withPlu(Product p) {
    p.setPlu("12345");
    p.setUnit(Unit.KG);
    return p;
  }

  static Product product(String sku, String name, String category, String ean) {
    return Product.newBuilder()
        .setSku(sku)
        .setName(name)
        .setCategory(category)
        .setEan(ean)
        .setUnit(Unit.UNIT)
        .setMinStock(Decimals.qty(BigDecimal.ONE))
        .setIvaRatePct(Decimals.rate(new BigDecimal("21")))
        .setActive(true)
        .setUpdatedAt(Instant.parse("2026-03-10T12:00:00Z"))
        .build();
  }
}
