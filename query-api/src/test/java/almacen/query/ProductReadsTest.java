package almacen.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import almacen.events.PriceReason;
import almacen.events.Product;
import almacen.events.ScaleValue;
import almacen.events.Unit;
import almacen.query.read.ProductReads;
import almacen.query.read.ProductView;
import almacen.query.read.ReadModel;
import almacen.query.read.ScanLine;
import almacen.support.web.ApiException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The till's look-up and the catalogue reads, over the topology's global stores (TTD). */
class ProductReadsTest {

  QueryDriver d;
  ProductReads reads;

  @BeforeEach
  void setUp() {
    d = new QueryDriver();
    Clock clock = Clock.fixed(Instant.parse("2026-03-10T18:00:00Z"), ZoneOffset.UTC);
    ReadModel model = new ReadModel(d.storeReader(), clock, QueryConfig.BUENOS_AIRES);
    reads = new ProductReads(d.productIndex, model, d.storeReader(), QueryConfig.BUENOS_AIRES);
    pipe(
        Fixtures.product("ALM000001", "Yerba Mate 1 kg", "Infusiones", "7790070410122", "5", null));
    pipe(Fixtures.product("ALM000002", "Alfajor", "Golosinas", "96385074", "5", null));
    pipe(scale("FIAM-1", "Queso cremoso", "12345", ScaleValue.WEIGHT));
    pipe(scale("FIAM-2", "Jamón cocido", "43210", ScaleValue.PRICE));
    price("ALM000001", "2500.00");
    price("ALM000002", "900.00");
    price("FIAM-1", "8000.00");
    price("FIAM-2", "12000.00");
  }

  @AfterEach
  void tearDown() {
    d.close();
  }

  @ParameterizedTest(name = "{0} -> {1} x {2} @ {3} = {4}")
  @CsvSource({
    "7790070410122, ALM000001, UNIT, 1.000, 2500.00, 2500.00", // EAN-13
    "96385074, ALM000002, UNIT, 1.000, 900.00, 900.00", // EAN-8
    "0000096385074, ALM000002, UNIT, 1.000, 900.00, 900.00", // EAN-8 padded to 13
    "2012345012509, FIAM-1, KG, 1.250, 8000.00, 10000.00", // weight label: 1250 g
    "2012345003507, FIAM-1, KG, 0.350, 8000.00, 2800.00", // 350 g
    "2243210009991, FIAM-2, KG, 0.083, 12000.00, 999.00", // price label: $ 999 → 0.08325 kg
    "alm000001, ALM000001, UNIT, 1.000, 2500.00, 2500.00", // typed sku
  })
  void shouldAnswerTheTillLineWhenTheCodeIsKnown(
      String code, String sku, String unit, String qty, String unitPrice, String lineTotal) {
    // when
    ScanLine line = reads.byCode(code);

    // then
    assertThat(line.sku()).isEqualTo(sku);
    assertThat(line.unit()).isEqualTo(unit);
    assertThat(line.qty()).isEqualTo(new BigDecimal(qty));
    assertThat(line.unitPrice()).isEqualTo(new BigDecimal(unitPrice));
    assertThat(line.lineTotal()).isEqualTo(new BigDecimal(lineTotal));
  }

  @ParameterizedTest(name = "{0} -> {1} {2}")
  @CsvSource({
    "7790070410123, 400, BAD_CHECK_DIGIT", // wrong check digit
    "2012345012508, 400, BAD_CHECK_DIGIT",
    "4006381333931, 404, NOT_FOUND", // valid EAN, no product
    "2099999012505, 404, NOT_FOUND", // unknown PLU 99999
    "'queso cremoso', 400, INVALID_CODE",
  })
  void shouldRefuseWhenTheCodeIsWrongOrUnknown(String code, int status, String error) {
    // when / then
    assertThatThrownBy(() -> reads.byCode(code))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status().value()).isEqualTo(status);
              assertThat(e.code()).isEqualTo(error);
            });
  }

  @Test
  void shouldFindByAccentFreePrefixAndAnswerTheProductWithItsListPrice() {
    // when
    var page = reads.search("jamon coc", null, null, 0, 50);
    ProductView view = reads.product("FIAM-2").orElseThrow();

    // then
    assertThat(page.items()).extracting(ProductView::sku).containsExactly("FIAM-2");
    assertThat(view.plu()).isEqualTo("43210");
    assertThat(view.scaleValue()).isEqualTo("PRICE");
    assertThat(view.packSize()).isEqualTo(new BigDecimal("1.000"));
    assertThat(view.listPrice()).isEqualTo(new BigDecimal("12000.00"));
    assertThat(view.updatedAt()).isEqualTo("2026-03-10T12:00:00-03:00");
  }

  private void pipe(Product p) {
    d.pipe(d.topics.products, p.getSku(), p);
  }

  private void price(String sku, String listPrice) {
    d.pipe(d.topics.prices, sku, Fixtures.price(sku, listPrice, Fixtures.T0, PriceReason.COST));
  }

  private static Product scale(String sku, String name, String plu, ScaleValue value) {
    Product p = Fixtures.product(sku, name, "Fiambres", null, "0", null);
    p.setUnit(Unit.KG);
    p.setPlu(plu);
    p.setScaleValue(value);
    return p;
  }
}
