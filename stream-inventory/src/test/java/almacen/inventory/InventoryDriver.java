package almacen.inventory;

import almacen.events.AdjustmentReason;
import almacen.events.DeadLetter;
import almacen.events.Invoice;
import almacen.events.InvoiceKind;
import almacen.events.InvoiceLine;
import almacen.events.InvoiceSource;
import almacen.events.InvoiceStatus;
import almacen.events.InvoiceType;
import almacen.events.Product;
import almacen.events.Sale;
import almacen.events.SaleLine;
import almacen.events.SourceKind;
import almacen.events.StockAdjustment;
import almacen.events.StockAlert;
import almacen.events.StockLevel;
import almacen.events.StockMovement;
import almacen.events.StockTransfer;
import almacen.events.Supplier;
import almacen.events.Unit;
import almacen.schemas.EventSchemas;
import almacen.schemas.StoreNames;
import almacen.schemas.Topic;
import almacen.schemas.Topics;
import almacen.support.AlmacenSettings;
import almacen.support.streams.StreamsConfigFactory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A TopologyTestDriver over the real inventory topology with the production Streams properties
 * (exactly-once, dead-letter handlers), plus builders of source events.
 */
final class InventoryDriver implements AutoCloseable {

  static final Topics TOPICS = Topics.defaults();
  static final Instant T0 = Instant.parse("2025-10-15T13:00:00Z");

  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final TopologyTestDriver driver;
  final TestInputTopic<String, Sale> sales;
  final TestInputTopic<String, Invoice> invoices;
  final TestInputTopic<String, StockAdjustment> adjustments;
  final TestInputTopic<String, StockTransfer> transfers;
  final TestInputTopic<String, Product> products;
  final TestInputTopic<byte[], byte[]> rawSales;
  final TestOutputTopic<String, StockMovement> movements;
  final TestOutputTopic<String, StockLevel> levels;
  final TestOutputTopic<String, StockAlert> alerts;
  final TestOutputTopic<byte[], DeadLetter> dlq;
  private final Path stateDir;

  InventoryDriver() {
    this(InventoryConfig.defaults(1));
  }

  InventoryDriver(InventoryConfig config) {
    stateDir = tempDir();
    driver =
        new TopologyTestDriver(InventoryTopology.build(config, TOPICS, registry), props(stateDir));
    sales = input(TOPICS.sales);
    invoices = input(TOPICS.invoices);
    adjustments = input(TOPICS.stockAdjustments);
    transfers = input(TOPICS.stockTransfers);
    products = input(TOPICS.products);
    rawSales = driver.createInputTopic(TOPICS.sales.name(), (t, b) -> b, (t, b) -> b);
    movements = output(TOPICS.stockMovements);
    levels = output(TOPICS.stockLevels);
    alerts = output(TOPICS.stockAlerts);
    dlq =
        driver.createOutputTopic(
            TOPICS.dlq.name(), (t, b) -> b, TOPICS.dlq.valueSerde().deserializer());
  }

  static Properties props(Path home) {
    AlmacenSettings settings =
        new AlmacenSettings(
            "local",
            home,
            "unused:9092",
            new AlmacenSettings.TopicSettings("almacen.", 1, (short) 1, 1),
            new AlmacenSettings.StreamsSettings(
                "exactly_once_v2",
                Duration.ofMillis(200),
                0,
                1,
                "",
                Duration.ofSeconds(60),
                Duration.ofSeconds(30)));
    return StreamsConfigFactory.build(StoreNames.INVENTORY_APP, settings, Map.of());
  }

  private <V> TestInputTopic<String, V> input(Topic<String, V> topic) {
    return driver.createInputTopic(
        topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
  }

  private <V> TestOutputTopic<String, V> output(Topic<String, V> topic) {
    return driver.createOutputTopic(
        topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
  }

  // ---- sending

  void send(Sale sale) {
    sales.pipeInput(sale.getSaleId(), sale, sale.getSoldAt());
  }

  void send(Invoice invoice) {
    invoices.pipeInput(invoice.getInvoiceId(), invoice, invoice.getReceivedAt());
  }

  void send(StockAdjustment adjustment) {
    adjustments.pipeInput(adjustment.getAdjustmentId(), adjustment, adjustment.getOccurredAt());
  }

  void send(StockTransfer transfer) {
    transfers.pipeInput(transfer.getTransferId(), transfer, transfer.getOccurredAt());
  }

  void send(Product product) {
    products.pipeInput(product.getSku(), product, product.getUpdatedAt());
  }

  // ---- reading

  KeyValueStore<String, StockLevel> levelStore() {
    return driver.getKeyValueStore(StoreNames.INVENTORY_LEVELS);
  }

  StockLevel level(String branch, String sku) {
    return levelStore().get(StoreNames.branchSkuKey(branch, sku));
  }

  List<StockMovement> drainMovements() {
    return movements.readValuesToList();
  }

  List<StockAlert> drainAlerts() {
    return alerts.readValuesToList();
  }

  double duplicates(String kind) {
    return registry.get(InventoryTopology.DUPLICATES_METRIC).tag("kind", kind).counter().count();
  }

  @Override
  public void close() {
    driver.close();
    try (var paths = Files.walk(stateDir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("inventory-ttd-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- event builders

  static BigDecimal qty(String v) {
    return new BigDecimal(v).setScale(3);
  }

  static SaleLine line(String sku, String qty) {
    return new SaleLine(sku, qty(qty), new BigDecimal("100.00"));
  }

  static Sale sale(String saleId, String branch, Instant soldAt, SaleLine... lines) {
    return new Sale(saleId, branch, soldAt, List.of(lines), soldAt, null);
  }

  /**
   * A one-line sale as a v1 writer sent it (single-object encoding of the first released Sale
   * schema, which has no {@code user}).
   */
  static byte[] v1Sale(String saleId, String branch, Instant soldAt, String sku, String qty) {
    Schema v1 = EventSchemas.get().history("Sale").get(0);
    GenericData data = new GenericData();
    data.addLogicalTypeConversion(new Conversions.DecimalConversion());
    data.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
    GenericRecord line = new GenericData.Record(v1.getField("lines").schema().getElementType());
    line.put("sku", sku);
    line.put("qty", qty(qty));
    line.put("unitPrice", new BigDecimal("100.00"));
    GenericRecord sale = new GenericData.Record(v1);
    sale.put("saleId", saleId);
    sale.put("branch", branch);
    sale.put("soldAt", soldAt);
    sale.put("lines", List.of(line));
    sale.put("receivedAt", soldAt);
    try {
      ByteBuffer encoded = new BinaryMessageEncoder<GenericRecord>(data, v1).encode(sale);
      byte[] bytes = new byte[encoded.remaining()];
      encoded.get(bytes);
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static InvoiceLine invoiceLine(String sku, String qty, String unitCost) {
    return new InvoiceLine(
        sku,
        "SUP-" + sku,
        "item " + sku,
        qty(qty),
        new BigDecimal(unitCost).setScale(4),
        new BigDecimal("21.00"),
        new BigDecimal(qty)
            .multiply(new BigDecimal(unitCost))
            .setScale(2, java.math.RoundingMode.HALF_UP),
        new BigDecimal("0.00"));
  }

  static Invoice invoice(
      String invoiceId,
      String branch,
      LocalDate issueDate,
      InvoiceStatus status,
      InvoiceLine... lines) {
    return invoice(invoiceId, branch, issueDate, status, InvoiceType.A, false, lines);
  }

  static Invoice invoice(
      String invoiceId,
      String branch,
      LocalDate issueDate,
      InvoiceStatus status,
      InvoiceType type,
      boolean pricesIncludeIva,
      InvoiceLine... lines) {
    BigDecimal net =
        List.of(lines).stream()
            .map(InvoiceLine::getLineTotal)
            .reduce(BigDecimal.ZERO, BigDecimal::add)
            .setScale(2);
    return Invoice.newBuilder()
        .setInvoiceId(invoiceId)
        .setSupplier(new Supplier("30-71234567-1", "Distribuidora Sur"))
        .setType(type)
        .setPointOfSale(3)
        .setNumber(12345)
        .setIssueDate(issueDate)
        .setBranch(branch)
        .setPricesIncludeIva(pricesIncludeIva)
        .setLines(new ArrayList<>(List.of(lines)))
        .setNetTotal(net)
        .setIvaTotal(new BigDecimal("0.00"))
        .setOtherTaxes(new BigDecimal("0.00"))
        .setTotal(net)
        .setStatus(status)
        .setConfidence(1.0)
        .setSource(new InvoiceSource(SourceKind.MANUAL, null, false))
        .setReceivedAt(
            issueDate
                .atStartOfDay(almacen.inventory.domain.DemandSettings.BUENOS_AIRES)
                .toInstant())
        .build();
  }

  /** A confirmed or to-review note of {@code kind} with these lines (see {@link #invoice}). */
  static Invoice note(
      InvoiceKind kind,
      String invoiceId,
      String branch,
      LocalDate issueDate,
      InvoiceStatus status,
      InvoiceLine... lines) {
    return Invoice.newBuilder(invoice(invoiceId, branch, issueDate, status, lines))
        .setKind(kind)
        .build();
  }

  static StockAdjustment adjustment(
      String id, String branch, String sku, String delta, String counted, Instant at) {
    return new StockAdjustment(
        id,
        branch,
        sku,
        delta == null ? null : qty(delta),
        counted == null ? null : qty(counted),
        counted == null ? AdjustmentReason.OTHER : AdjustmentReason.COUNT,
        null,
        at,
        null);
  }

  static StockTransfer transfer(
      String id, String from, String to, String sku, String qty, Instant at) {
    return new StockTransfer(id, from, to, sku, qty(qty), at, null);
  }

  static Product product(String sku, String minStock, String maxStock, Instant updatedAt) {
    return Product.newBuilder()
        .setSku(sku)
        .setName("Producto " + sku)
        .setCategory("Almacén")
        .setUnit(Unit.UNIT)
        .setMinStock(qty(minStock))
        .setMaxStock(maxStock == null ? null : qty(maxStock))
        .setIvaRatePct(new BigDecimal("21.00"))
        .setActive(true)
        .setUpdatedAt(updatedAt)
        .build();
  }
}
