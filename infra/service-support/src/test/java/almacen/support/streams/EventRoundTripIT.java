package almacen.support.streams;

import static org.assertj.core.api.Assertions.assertThat;

import almacen.events.AdjustmentReason;
import almacen.events.DeadLetter;
import almacen.events.InflationMonth;
import almacen.events.Invoice;
import almacen.events.InvoiceKind;
import almacen.events.InvoiceLine;
import almacen.events.InvoiceSource;
import almacen.events.InvoiceStatus;
import almacen.events.InvoiceType;
import almacen.events.MovementType;
import almacen.events.Price;
import almacen.events.PriceReason;
import almacen.events.Product;
import almacen.events.Sale;
import almacen.events.SaleLine;
import almacen.events.ScaleValue;
import almacen.events.SourceKind;
import almacen.events.StockAdjustment;
import almacen.events.StockAlert;
import almacen.events.StockLevel;
import almacen.events.StockMovement;
import almacen.events.StockStatus;
import almacen.events.StockTransfer;
import almacen.events.Supplier;
import almacen.events.TaxRegime;
import almacen.events.Unit;
import almacen.kafkalocal.KafkaBrokerExtension;
import almacen.kafkalocal.KafkaLocalBroker;
import almacen.schemas.EventSchemas;
import almacen.schemas.Topic;
import almacen.schemas.Topics;
import almacen.support.AlmacenSettings.TopicSettings;
import almacen.support.kafka.TopicProvisioner;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every event type through a real broker: transactional write, read_committed read, catalogue
 * serdes.
 */
@Tag("integration")
@ExtendWith(KafkaBrokerExtension.class)
class EventRoundTripIT {

  static final Instant T = Instant.parse("2026-11-27T15:00:00Z");
  static final BigDecimal Q = new BigDecimal("2.350");
  static final BigDecimal MONEY = new BigDecimal("1234.56");
  static final BigDecimal COST = new BigDecimal("850.0000");
  static final BigDecimal RATE = new BigDecimal("21.00");

  @Test
  void shouldDecodeEveryEventTypeWhenWrittenTransactionallyAndReadCommitted(KafkaLocalBroker broker)
      throws Exception {
    // given
    Topics topics = Topics.withPrefix("roundtrip.");
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      TopicProvisioner.ensureTopics(
          admin, topics, new TopicSettings("roundtrip.", 1, (short) 1, 1));
    }
    Map<Topic<String, ?>, SpecificRecordBase> events = sampleOfEachType(topics);

    // when
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            Map.of(
                "bootstrap.servers",
                broker.bootstrapServers(),
                "transactional.id",
                "roundtrip",
                "acks",
                "all"),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      producer.initTransactions();
      producer.beginTransaction();
      for (var e : events.entrySet()) {
        send(producer, e.getKey(), e.getValue());
      }
      producer.commitTransaction();
    }

    // then
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                "bootstrap.servers",
                broker.bootstrapServers(),
                "isolation.level",
                "read_committed",
                "enable.auto.commit",
                "false"),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      for (var e : events.entrySet()) {
        ConsumerRecord<byte[], byte[]> record = readOne(consumer, e.getKey().name());
        Object decoded =
            e.getKey().valueSerde().deserializer().deserialize(e.getKey().name(), record.value());
        assertThat(decoded).as(e.getKey().name()).isEqualTo(e.getValue());
        assertThat(
                new String(
                    record.headers().lastHeader("event-type").value(), StandardCharsets.UTF_8))
            .isEqualTo(e.getValue().getClass().getSimpleName());
        assertThat(
                new String(
                    record.headers().lastHeader("schema-fingerprint").value(),
                    StandardCharsets.UTF_8))
            .isEqualTo(EventSchemas.fingerprintHex(e.getValue().getSchema()));
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static <V> void send(
      KafkaProducer<byte[], byte[]> producer, Topic<String, V> topic, Object value)
      throws Exception {
    var headers = new org.apache.kafka.common.header.internals.RecordHeaders();
    byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), headers, (V) value);
    producer
        .send(
            new ProducerRecord<>(
                topic.name(), null, "k".getBytes(StandardCharsets.UTF_8), bytes, headers))
        .get();
  }

  private static ConsumerRecord<byte[], byte[]> readOne(
      KafkaConsumer<byte[], byte[]> consumer, String topic) {
    TopicPartition tp = new TopicPartition(topic, 0);
    consumer.assign(List.of(tp));
    consumer.seekToBeginning(List.of(tp));
    long deadline = System.currentTimeMillis() + 20_000;
    List<ConsumerRecord<byte[], byte[]>> got = new ArrayList<>();
    while (got.isEmpty() && System.currentTimeMillis() < deadline) {
      consumer.poll(Duration.ofMillis(300)).forEach(got::add);
    }
    assertThat(got).as("records on " + topic).hasSize(1);
    return got.get(0);
  }

  static Map<Topic<String, ?>, SpecificRecordBase> sampleOfEachType(Topics t) {
    Map<Topic<String, ?>, SpecificRecordBase> m = new LinkedHashMap<>();
    m.put(
        t.products,
        new Product(
            "ALM000001",
            "Yerba Mate 1 kg",
            "Almacén",
            "7790387000015",
            Unit.UNIT,
            new BigDecimal("5.000"),
            null,
            RATE,
            null,
            true,
            T,
            null,
            ScaleValue.WEIGHT,
            new BigDecimal("1.000"),
            null));
    m.put(
        t.sales,
        new Sale("S-1", "central", T, List.of(new SaleLine("ALM000001", Q, MONEY)), T, "caja1"));
    m.put(
        t.invoices,
        new Invoice(
            "30712345671-A-00003-00012345",
            new Supplier("30-71234567-1", "Dist. Sur"),
            InvoiceType.A,
            3,
            12345L,
            LocalDate.of(2026, 11, 20),
            null,
            "central",
            false,
            List.of(
                new InvoiceLine(
                    "ALM000001",
                    "P1",
                    "Yerba",
                    new BigDecimal("12.000"),
                    COST,
                    RATE,
                    new BigDecimal("10200.00"),
                    new BigDecimal("0.00"))),
            new BigDecimal("10200.00"),
            new BigDecimal("2142.00"),
            new BigDecimal("0.00"),
            new BigDecimal("12342.00"),
            InvoiceStatus.CONFIRMED,
            List.of(),
            1.0,
            false,
            new InvoiceSource(SourceKind.MANUAL, null, false),
            T,
            InvoiceKind.INVOICE,
            "compras",
            null,
            List.of(),
            List.of()));
    m.put(
        t.stockAdjustments,
        new StockAdjustment(
            "ADJ-1",
            "central",
            "ALM000001",
            null,
            new BigDecimal("3.000"),
            AdjustmentReason.COUNT,
            "conteo",
            T,
            "deposito"));
    m.put(
        t.stockTransfers,
        new StockTransfer("TR-1", "central", "norte", "ALM000001", Q, T, "deposito"));
    m.put(
        t.stockMovements,
        new StockMovement(
            "S-1#1:SALE",
            "central",
            "ALM000001",
            MovementType.SALE,
            new BigDecimal("-2.350"),
            new BigDecimal("10.000"),
            new BigDecimal("7.650"),
            COST,
            "S-1#1",
            T,
            1L,
            "caja1"));
    m.put(
        t.stockLevels,
        new StockLevel(
            "central",
            "ALM000001",
            new BigDecimal("7.650"),
            COST,
            new BigDecimal("6502.50"),
            StockStatus.OK,
            new BigDecimal("5.000"),
            null,
            true,
            new BigDecimal("0.084"),
            new BigDecimal("91.1"),
            new BigDecimal("0.000"),
            List.of(),
            1L,
            T,
            T));
    m.put(
        t.stockAlerts,
        new StockAlert(
            "central",
            "ALM000001",
            StockStatus.LOW,
            StockStatus.OK,
            new BigDecimal("4.000"),
            new BigDecimal("5.000"),
            T));
    m.put(t.inflationIndex, new InflationMonth("2026-10", new BigDecimal("2.30"), "INDEC", T));
    m.put(
        t.prices,
        new Price(
            "ALM000001",
            new BigDecimal("1590.00"),
            COST,
            COST,
            LocalDate.of(2026, 11, 20),
            "30712345671-A-00003-00012345",
            new BigDecimal("1.0123456789"),
            LocalDate.of(2026, 12, 12),
            RATE,
            RATE,
            TaxRegime.RI,
            new BigDecimal("10.00"),
            T,
            PriceReason.COST,
            null));
    m.put(t.dlq, new DeadLetter("x", 0, 1L, "DESERIALIZATION", null, "bad", "app", null, null, T));
    return m;
  }
}
