package almacen.schemas.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import almacen.events.DailySales;
import almacen.events.MovementType;
import almacen.events.Product;
import almacen.events.Sale;
import almacen.events.SaleLine;
import almacen.events.ScaleValue;
import almacen.events.StockLevel;
import almacen.events.StockMovement;
import almacen.events.StockStatus;
import almacen.events.Unit;
import almacen.schemas.AvroEventSerde;
import almacen.schemas.EventSchemas;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/**
 * The hand-written codecs against Avro's own writer and reader, on generated records: the same
 * bytes, and each side reads what the other wrote.
 */
class CodecEquivalenceTest {

  @Property(tries = 300)
  void shouldWriteAvrosBytesWhenSale(@ForAll("sales") Sale sale) throws Exception {
    assertEquivalent(Sale.class, sale);
  }

  @Property(tries = 300)
  void shouldWriteAvrosBytesWhenStockLevel(@ForAll("levels") StockLevel level) throws Exception {
    assertEquivalent(StockLevel.class, level);
  }

  @Property(tries = 300)
  void shouldWriteAvrosBytesWhenStockMovement(@ForAll("movements") StockMovement movement)
      throws Exception {
    assertEquivalent(StockMovement.class, movement);
  }

  @Property(tries = 300)
  void shouldWriteAvrosBytesWhenProduct(@ForAll("products") Product product) throws Exception {
    assertEquivalent(Product.class, product);
  }

  @Test
  void shouldRefuseLikeAvroWhenDecimalPastItsPrecision() {
    // given a quantity of 16 integer digits where the schema allows 15 (precision 18, scale 3)
    SaleLine line = new SaleLine("A", new BigDecimal("1234567890123456.000"), BigDecimal.ONE);
    Sale sale = sale(List.of(line));
    // when / then the codec refuses it as Avro's conversion does
    assertThatThrownBy(() -> AvroEventSerde.of(Sale.class).encode(sale))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("precision 19 as max precision 18");
  }

  @Test
  void shouldRefuseLikeAvroWhenDecimalNeedsRounding() {
    // given a price with three decimals where the schema keeps two
    Sale sale = sale(List.of(new SaleLine("A", BigDecimal.ONE, new BigDecimal("1.005"))));
    // when / then
    assertThatThrownBy(() -> AvroEventSerde.of(Sale.class).encode(sale))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("scale 3 as scale 2");
  }

  @Test
  void shouldEncodeTheNextValueCleanlyWhenTheLastOneWasRefused() {
    // given a sale refused halfway through its fields (a price needing rounding, on its 2nd line)
    AvroEventSerde<Sale> serde = AvroEventSerde.of(Sale.class);
    Sale good = sale(List.of(new SaleLine("A", new BigDecimal("1.000"), new BigDecimal("10.00"))));
    Sale refused =
        sale(
            List.of(
                new SaleLine("A", BigDecimal.ONE, BigDecimal.TEN),
                new SaleLine("B", BigDecimal.ONE, new BigDecimal("0.001"))));
    assertThatThrownBy(() -> serde.encode(refused)).isInstanceOf(SerializationException.class);
    // when the same thread encodes a good one
    byte[] bytes = serde.encode(good);
    // then nothing of the refused one is in it
    assertThat(serde.decode(bytes)).isEqualTo(good);
  }

  @Test
  void shouldRescaleLikeAvroWhenDecimalHasFewerDecimals() {
    // given a quantity written as 2 (scale 0)
    Sale sale = sale(List.of(new SaleLine("A", new BigDecimal("2"), new BigDecimal("10"))));
    // when
    Sale back = AvroEventSerde.of(Sale.class).decode(AvroEventSerde.of(Sale.class).encode(sale));
    // then it comes back at the schema's scale, as through Avro
    assertThat(back.getLines().get(0).getQty()).isEqualTo(new BigDecimal("2.000"));
    assertThat(back.getLines().get(0).getUnitPrice()).isEqualTo(new BigDecimal("10.00"));
  }

  private static <T extends SpecificRecordBase> void assertEquivalent(Class<T> type, T value)
      throws Exception {
    var schema = EventSchemas.currentSchema(type);
    SpecificData model = SpecificData.getForClass(type);
    byte[] avro = new BinaryMessageEncoder<T>(model, schema).encode(value).array();
    AvroEventSerde<T> serde = AvroEventSerde.of(type);
    byte[] ours = serde.encode(value);
    assertThat(ours).isEqualTo(avro);
    T expected = new BinaryMessageDecoder<T>(model, schema).decode(avro);
    assertThat(serde.decode(avro)).isEqualTo(expected);
  }

  private static Sale sale(List<SaleLine> lines) {
    Instant at = Instant.parse("2026-12-04T12:00:00Z");
    return new Sale("S-1", "central", at, lines, at, null);
  }

  // --- generators

  private static Arbitrary<BigDecimal> decimal(int scale, int precision) {
    BigInteger max = BigInteger.TEN.pow(precision).subtract(BigInteger.ONE);
    BigInteger small = max.min(BigInteger.valueOf(999_999));
    Arbitrary<BigInteger> unscaled =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(3, Arbitraries.bigIntegers().between(max.negate(), max)),
            net.jqwik.api.Tuple.of(5, Arbitraries.bigIntegers().between(small.negate(), small)),
            net.jqwik.api.Tuple.of(
                1,
                Arbitraries.of(
                    BigInteger.ZERO,
                    BigInteger.ONE.negate(),
                    BigInteger.valueOf(127),
                    BigInteger.valueOf(128),
                    BigInteger.valueOf(-128),
                    BigInteger.valueOf(-129),
                    BigInteger.valueOf(Long.MAX_VALUE).min(max),
                    BigInteger.valueOf(Long.MIN_VALUE).max(max.negate()))));
    return unscaled.map(u -> new BigDecimal(u, scale));
  }

  private static <T> Arbitrary<T> nullable(Arbitrary<T> values) {
    return values.injectNull(0.3);
  }

  private static Arbitrary<String> text() {
    return Arbitraries.strings().ofMaxLength(40);
  }

  private static Arbitrary<Instant> instants() {
    return Arbitraries.longs()
        .between(-62_135_596_800_000L, 253_402_300_799_000L)
        .map(Instant::ofEpochMilli);
  }

  @Provide
  Arbitrary<Sale> sales() {
    Arbitrary<SaleLine> line =
        Builders.withBuilder(SaleLine::newBuilder)
            .use(text())
            .in((b, v) -> b.setSku(v))
            .use(decimal(3, 18))
            .in((b, v) -> b.setQty(v))
            .use(decimal(2, 18))
            .in((b, v) -> b.setUnitPrice(v))
            .build(SaleLine.Builder::build);
    return Builders.withBuilder(Sale::newBuilder)
        .use(text())
        .in((b, v) -> b.setSaleId(v))
        .use(text())
        .in((b, v) -> b.setBranch(v))
        .use(instants())
        .in((b, v) -> b.setSoldAt(v))
        .use(line.list().ofMaxSize(30))
        .in((b, v) -> b.setLines(v))
        .use(instants())
        .in((b, v) -> b.setReceivedAt(v))
        .use(nullable(text()))
        .in((b, v) -> b.setUser(v))
        .build(Sale.Builder::build);
  }

  @Provide
  Arbitrary<StockLevel> levels() {
    Arbitrary<DailySales> day =
        Builders.withBuilder(DailySales::newBuilder)
            .use(Arbitraries.integers().between(-100_000, 100_000).map(LocalDate::ofEpochDay))
            .in((b, v) -> b.setDay(v))
            .use(decimal(3, 18))
            .in((b, v) -> b.setQty(v))
            .build(DailySales.Builder::build);
    return Builders.withBuilder(StockLevel::newBuilder)
        .use(text())
        .in((b, v) -> b.setBranch(v))
        .use(text())
        .in((b, v) -> b.setSku(v))
        .use(decimal(3, 18))
        .in((b, v) -> b.setOnHand(v))
        .use(decimal(4, 20))
        .in((b, v) -> b.setAvgCost(v))
        .use(decimal(2, 18))
        .in((b, v) -> b.setStockValue(v))
        .use(Arbitraries.of(StockStatus.class))
        .in((b, v) -> b.setStatus(v))
        .use(decimal(3, 18))
        .in((b, v) -> b.setMinStock(v))
        .use(nullable(decimal(3, 18)))
        .in((b, v) -> b.setMaxStock(v))
        .use(Arbitraries.of(true, false))
        .in((b, v) -> b.setCatalogued(v))
        .use(decimal(3, 18))
        .in((b, v) -> b.setDailySales28d(v))
        .use(nullable(decimal(1, 12)))
        .in((b, v) -> b.setDaysOfCover(v))
        .use(decimal(3, 18))
        .in((b, v) -> b.setReorderQty(v))
        .use(day.list().ofMaxSize(30))
        .in((b, v) -> b.setRecentSales(v))
        .use(Arbitraries.longs())
        .in((b, v) -> b.setMovements(v))
        .use(instants())
        .in((b, v) -> b.setStatusSince(v))
        .use(instants())
        .in((b, v) -> b.setUpdatedAt(v))
        .build(StockLevel.Builder::build);
  }

  @Provide
  Arbitrary<StockMovement> movements() {
    return Builders.withBuilder(StockMovement::newBuilder)
        .use(text())
        .in((b, v) -> b.setMovementId(v))
        .use(text())
        .in((b, v) -> b.setBranch(v))
        .use(text())
        .in((b, v) -> b.setSku(v))
        .use(Arbitraries.of(MovementType.class))
        .in((b, v) -> b.setType(v))
        .use(decimal(3, 18))
        .in((b, v) -> b.setDelta(v))
        .use(decimal(3, 18))
        .in((b, v) -> b.setBefore(v))
        .use(decimal(3, 18))
        .in((b, v) -> b.setAfter(v))
        .use(nullable(decimal(4, 20)))
        .in((b, v) -> b.setUnitCost(v))
        .use(text())
        .in((b, v) -> b.setSourceRef(v))
        .use(instants())
        .in((b, v) -> b.setOccurredAt(v))
        .use(Arbitraries.longs())
        .in((b, v) -> b.setSequence(v))
        .use(nullable(text()))
        .in((b, v) -> b.setUser(v))
        .build(StockMovement.Builder::build);
  }

  @Provide
  Arbitrary<Product> products() {
    return Builders.withBuilder(Product::newBuilder)
        .use(text())
        .in((b, v) -> b.setSku(v))
        .use(text())
        .in((b, v) -> b.setName(v))
        .use(text())
        .in((b, v) -> b.setCategory(v))
        .use(nullable(text()))
        .in((b, v) -> b.setEan(v))
        .use(Arbitraries.of(Unit.class))
        .in((b, v) -> b.setUnit(v))
        .use(decimal(3, 18))
        .in((b, v) -> b.setMinStock(v))
        .use(nullable(decimal(3, 18)))
        .in((b, v) -> b.setMaxStock(v))
        .use(decimal(2, 6))
        .in((b, v) -> b.setIvaRatePct(v))
        .use(nullable(decimal(2, 8)))
        .in((b, v) -> b.setMarkupPct(v))
        .use(Arbitraries.of(true, false))
        .in((b, v) -> b.setActive(v))
        .use(instants())
        .in((b, v) -> b.setUpdatedAt(v))
        .use(nullable(text()))
        .in((b, v) -> b.setPlu(v))
        .use(Arbitraries.of(ScaleValue.class))
        .in((b, v) -> b.setScaleValue(v))
        .use(decimal(3, 18))
        .in((b, v) -> b.setPackSize(v))
        .use(nullable(text()))
        .in((b, v) -> b.setSupplierCuit(v))
        .build(Product.Builder::build);
  }
}
