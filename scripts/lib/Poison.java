import almacen.events.AdjustmentReason;
import almacen.events.Invoice;
import almacen.events.InvoiceKind;
import almacen.events.InvoiceLine;
import almacen.events.InvoiceSource;
import almacen.events.InvoiceStatus;
import almacen.events.InvoiceType;
import almacen.events.Sale;
import almacen.events.SaleLine;
import almacen.events.SourceKind;
import almacen.events.StockAdjustment;
import almacen.events.StockTransfer;
import almacen.events.Supplier;
import almacen.schemas.Topic;
import almacen.schemas.Topics;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Poison records written straight to every input topic: random bytes, an Avro single-object header
 * with an unknown schema fingerprint, and (where the domain forbids it) a well-formed event with
 * impossible values. Each must reach the dead-letter topic with its reason headers; the suite then
 * checks every service is still healthy.
 *
 * <p>java -cp "$TOOLS_CP" Poison BOOTSTRAP [PREFIX] (TOOLS_CP from scripts/lib/tools.sh)
 */
@Command(
    name = "Poison",
    mixinStandardHelpOptions = true,
    description =
        "Writes poison records to every input topic; each must reach the dead-letter topic with"
            + " its reason. Exit 1 when one does not.")
public class Poison implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "BOOTSTRAP", description = "Kafka bootstrap servers")
  String bootstrap;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "PREFIX",
      description = "topic prefix (default: almacen.)")
  String prefix = Topics.DEFAULT_PREFIX;

  public static void main(String[] args) {
    System.exit(new CommandLine(new Poison()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Topics topics = Topics.withPrefix(prefix);
    Random random = new Random(20251015);
    String run = Long.toString(System.currentTimeMillis(), 36);
    Map<String, String> expected = new TreeMap<>(); // key -> topic
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", bootstrap, "acks", "all"),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      for (Topic<String, ?> topic :
          List.of(
              topics.sales,
              topics.invoices,
              topics.stockAdjustments,
              topics.stockTransfers,
              topics.products,
              topics.inflationIndex)) {
        byte[] noise = new byte[64];
        random.nextBytes(noise);
        send(producer, topic.name(), "POISON-" + run + "-random", noise, expected);
        byte[] unknownSchema = new byte[40];
        random.nextBytes(unknownSchema);
        unknownSchema[0] = (byte) 0xC3;
        unknownSchema[1] = (byte) 0x01;
        send(producer, topic.name(), "POISON-" + run + "-fingerprint", unknownSchema, expected);
      }
      Instant now = Instant.now();
      sendEvent(
          producer,
          topics.sales,
          "POISON-" + run + "-sale",
          new Sale(
              "POISON-" + run + "-sale",
              "central",
              now,
              List.of(
                  new SaleLine("ALM000001", new BigDecimal("-3.000"), new BigDecimal("100.00"))),
              now,
              null),
          expected);
      sendEvent(
          producer,
          topics.stockAdjustments,
          "POISON-" + run + "-adjustment",
          new StockAdjustment(
              "POISON-" + run + "-adjustment",
              "central",
              "ALM000001",
              new BigDecimal("0.000"),
              null,
              AdjustmentReason.OTHER,
              "delta cero",
              now,
              null),
          expected);
      sendEvent(
          producer,
          topics.stockTransfers,
          "POISON-" + run + "-transfer",
          new StockTransfer(
              "POISON-" + run + "-transfer",
              "central",
              "central",
              "ALM000001",
              new BigDecimal("5.000"),
              now,
              null),
          expected);
      sendEvent(
          producer,
          topics.invoices,
          "POISON-" + run + "-invoice",
          new Invoice(
              "POISON-" + run + "-invoice",
              new Supplier("30-71234567-1", "Veneno SA"),
              InvoiceType.A,
              3,
              1L,
              LocalDate.now(),
              null,
              "central",
              false,
              List.of(
                  new InvoiceLine(
                      "ALM000001",
                      "P1",
                      "Cantidad negativa",
                      new BigDecimal("-5.000"),
                      new BigDecimal("100.0000"),
                      new BigDecimal("21.00"),
                      new BigDecimal("-500.00"),
                      new BigDecimal("0.00"))),
              new BigDecimal("-500.00"),
              new BigDecimal("-105.00"),
              new BigDecimal("0.00"),
              new BigDecimal("-605.00"),
              InvoiceStatus.CONFIRMED,
              List.of(),
              1.0,
              false,
              new InvoiceSource(SourceKind.MANUAL, null, false),
              now,
              InvoiceKind.INVOICE,
              null,
              null,
              List.of(),
              List.of()),
          expected);
    }
    System.out.println(
        "poison: " + expected.size() + " records written to 6 input topics; waiting for the DLQ");

    Map<String, Set<String>> reasons = new TreeMap<>();
    try (KafkaConsumer<byte[], byte[]> dlq =
        new KafkaConsumer<>(
            Map.of(
                "bootstrap.servers",
                bootstrap,
                "isolation.level",
                "read_committed",
                "enable.auto.commit",
                "false"),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      List<TopicPartition> parts = new ArrayList<>();
      dlq.partitionsFor(topics.dlq.name(), Duration.ofSeconds(30))
          .forEach(p -> parts.add(new TopicPartition(p.topic(), p.partition())));
      dlq.assign(parts);
      dlq.seekToBeginning(parts);
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      while (System.nanoTime() < deadline && !reasons.keySet().containsAll(expected.keySet())) {
        for (ConsumerRecord<byte[], byte[]> r : dlq.poll(Duration.ofMillis(500))) {
          String key = r.key() == null ? "" : new String(r.key(), StandardCharsets.UTF_8);
          if (expected.containsKey(key)) {
            reasons
                .computeIfAbsent(key, k -> new TreeSet<>())
                .add(
                    header(r, "dlq-reason")
                        + " ("
                        + header(r, "dlq-exception")
                        + ") from "
                        + header(r, "dlq-source-topic"));
          }
        }
      }
    }
    int missing = 0;
    for (Map.Entry<String, String> e : expected.entrySet()) {
      Set<String> why = reasons.get(e.getKey());
      if (why == null) {
        missing++;
        System.out.println("  NOT in DLQ: " + e.getValue() + " " + e.getKey());
      } else if (why.stream().anyMatch(w -> w.startsWith("null"))) {
        missing++;
        System.out.println("  in DLQ without a reason header: " + e.getValue() + " " + e.getKey());
      } else {
        System.out.println(
            "  "
                + e.getValue()
                + " "
                + e.getKey().substring(e.getKey().lastIndexOf('-') + 1)
                + " -> "
                + why);
      }
    }
    System.out.printf(
        "poison: %d of %d poison records reached the DLQ with a reason%n",
        expected.size() - missing, expected.size());
    return missing == 0 ? 0 : 1;
  }

  static <V> void sendEvent(
      KafkaProducer<byte[], byte[]> producer,
      Topic<String, V> topic,
      String key,
      V value,
      Map<String, String> expected)
      throws Exception {
    RecordHeaders headers = new RecordHeaders();
    byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), headers, value);
    producer
        .send(
            new ProducerRecord<>(
                topic.name(), null, key.getBytes(StandardCharsets.UTF_8), bytes, headers))
        .get();
    expected.put(key, topic.name());
  }

  static void send(
      KafkaProducer<byte[], byte[]> producer,
      String topic,
      String key,
      byte[] value,
      Map<String, String> expected)
      throws Exception {
    String unique = key + "-" + topic.substring(topic.lastIndexOf('.') + 1);
    producer
        .send(new ProducerRecord<>(topic, unique.getBytes(StandardCharsets.UTF_8), value))
        .get();
    expected.put(unique, topic);
  }

  static String header(ConsumerRecord<byte[], byte[]> r, String name) {
    Header h = r.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }
}
