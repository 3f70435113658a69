package almacen.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import almacen.events.Product;
import almacen.events.Sale;
import almacen.events.SaleLine;
import almacen.events.Unit;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class AvroEventSerdeTest {

  private final Topics topics = Topics.defaults();

  @Test
  void shouldRoundTripSaleAndSetHeadersWhenSerialized() {
    // given
    Sale sale =
        Sale.newBuilder()
            .setSaleId("S-1")
            .setBranch("central")
            .setSoldAt(Instant.parse("2026-11-27T12:00:00Z"))
            .setLines(
                List.of(
                    new SaleLine("ALM000001", new BigDecimal("2.350"), new BigDecimal("1234.56"))))
            .setReceivedAt(Instant.parse("2026-11-27T12:00:01Z"))
            .build();
    RecordHeaders headers = new RecordHeaders();

    // when
    byte[] bytes =
        topics.sales.valueSerde().serializer().serialize(topics.sales.name(), headers, sale);
    Sale read =
        topics.sales.valueSerde().deserializer().deserialize(topics.sales.name(), headers, bytes);

    // then
    assertThat(read).isEqualTo(sale);
    assertThat(bytes[0]).isEqualTo((byte) 0xC3);
    assertThat(bytes[1]).isEqualTo((byte) 0x01);
    assertThat(new String(headers.lastHeader("event-type").value(), StandardCharsets.UTF_8))
        .isEqualTo("Sale");
    assertThat(new String(headers.lastHeader("schema-fingerprint").value(), StandardCharsets.UTF_8))
        .isEqualTo(EventSchemas.fingerprintHex(Sale.getClassSchema()));
  }

  @Test
  void shouldReadOldVersionRecordWhenWrittenWithReleasedV1Schema() throws Exception {
    // given: a Product written by a v1 producer (before ean and markupPct existed)
    Schema v1 = EventSchemas.get().history("Product").get(0);
    GenericData model = new GenericData();
    model.addLogicalTypeConversion(new Conversions.DecimalConversion());
    GenericRecord old = new GenericData.Record(v1);
    old.put("sku", "ALM000001");
    old.put("name", "Yerba Mate 500 g");
    old.put("category", "Almacén");
    old.put("unit", new GenericData.EnumSymbol(v1.getField("unit").schema(), "UNIT"));
    old.put("minStock", new BigDecimal("5.000"));
    old.put("ivaRatePct", new BigDecimal("21.00"));
    old.put("active", true);
    old.put("updatedAt", Instant.parse("2025-01-01T00:00:00Z").toEpochMilli());
    ByteBuffer encoded = new BinaryMessageEncoder<GenericRecord>(model, v1).encode(old);
    byte[] bytes = new byte[encoded.remaining()];
    encoded.get(bytes);

    // when
    Product read =
        topics.products.valueSerde().deserializer().deserialize(topics.products.name(), bytes);

    // then
    assertThat(read.getSku()).isEqualTo("ALM000001");
    assertThat(read.getUnit()).isEqualTo(Unit.UNIT);
    assertThat(read.getMinStock()).isEqualByComparingTo("5");
    assertThat(read.getEan()).isNull();
    assertThat(read.getMarkupPct()).isNull();
  }

  @Test
  void shouldFailWithClearMessageWhenBytesAreNotAnEvent() {
    // given
    byte[] garbage = "not avro at all".getBytes(StandardCharsets.UTF_8);

    // then
    assertThatThrownBy(
            () ->
                topics.sales.valueSerde().deserializer().deserialize(topics.sales.name(), garbage))
        .isInstanceOf(SerializationException.class)
        .hasMessageStartingWith("Cannot decode Sale");
  }

  @Test
  void shouldFailWhenFingerprintIsUnknown() {
    // given: a valid header with a fingerprint no released schema has
    byte[] bytes = new byte[] {(byte) 0xC3, 0x01, 1, 2, 3, 4, 5, 6, 7, 8, 0};

    // then
    assertThatThrownBy(
            () -> topics.sales.valueSerde().deserializer().deserialize(topics.sales.name(), bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("Cannot decode Sale");
  }

  @Test
  void shouldNameEveryTopicWithPrefixWhenBuiltFromConfig() {
    // when
    Topics custom = Topics.withPrefix("shop1.");

    // then
    assertThat(custom.all())
        .extracting(Topic::name)
        .containsExactly(
            "shop1.products",
            "shop1.sales",
            "shop1.invoices",
            "shop1.stock-adjustments",
            "shop1.stock-transfers",
            "shop1.stock-movements",
            "shop1.stock-levels",
            "shop1.stock-alerts",
            "shop1.inflation-index",
            "shop1.prices",
            "shop1.price-history",
            "shop1.label-prints",
            "shop1.dlq",
            "shop1.users");
    assertThat(custom.stockLevels.compacted()).isTrue();
    assertThat(custom.stockMovements.retentionMs()).isEqualTo(-1L);
  }
}
