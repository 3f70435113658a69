package almacen.replay;

import almacen.schemas.Topic;
import almacen.schemas.Topics;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * Backup and restore of almacén's topics as files: one JSON line per record (partition, timestamp,
 * key, value and headers in base64), so a shop can keep its history on a USB stick and an engineer
 * can move it to a new cluster. Restore refuses non-empty topics (it would duplicate facts).
 */
@Command(name = "topics", mixinStandardHelpOptions = true, description = "Back up or restore almacén topics.",
    subcommands = {TopicBackupCli.Backup.class, TopicBackupCli.Restore.class})
public final class TopicBackupCli {

  private static final Pattern LINE = Pattern.compile(
      "\\{\"p\":(\\d+),\"t\":(-?\\d+),\"k\":(null|\"[^\"]*\"),\"v\":(null|\"[^\"]*\"),\"h\":\\[(.*)]}");
  private static final Pattern HEADER = Pattern.compile("\\[\"([^\"]*)\",\"([^\"]*)\"]");

  @Option(names = "--bootstrap")
  String bootstrap = ReplayCli.envOr("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");

  @Option(names = "--prefix")
  String prefix = Topics.DEFAULT_PREFIX;

  @Option(names = {"-q", "--quiet"})
  boolean quiet;

  PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);

  List<String> topicNames() {
    return Topics.withPrefix(prefix).all().stream().map(Topic::name).toList();
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new TopicBackupCli()).execute(args));
  }

  @Command(name = "backup", mixinStandardHelpOptions = true, description = "Write every topic to DIR/<topic>.jsonl")
  static final class Backup implements Callable<Integer> {
    @ParentCommand
    TopicBackupCli cli;

    @Option(names = "--dir", required = true)
    Path dir;

    @Override
    public Integer call() throws IOException {
      Files.createDirectories(dir);
      try (TopicReader reader = new TopicReader(cli.bootstrap, cli.err, cli.quiet)) {
        for (String topic : cli.topicNames()) {
          try (BufferedWriter out = Files.newBufferedWriter(dir.resolve(topic + ".jsonl"), StandardCharsets.UTF_8)) {
            reader.readAll(List.of(topic), r -> write(out, r));
          }
        }
      }
      return 0;
    }

    private static void write(BufferedWriter out, ConsumerRecord<byte[], byte[]> r) {
      StringBuilder line = new StringBuilder("{\"p\":").append(r.partition()).append(",\"t\":").append(r.timestamp())
          .append(",\"k\":").append(b64(r.key())).append(",\"v\":").append(b64(r.value())).append(",\"h\":[");
      boolean first = true;
      for (Header h : r.headers()) {
        line.append(first ? "" : ",").append("[\"").append(Base64.getEncoder().encodeToString(
            h.key().getBytes(StandardCharsets.UTF_8))).append("\",\"").append(
            h.value() == null ? "" : Base64.getEncoder().encodeToString(h.value())).append("\"]");
        first = false;
      }
      try {
        out.write(line.append("]}\n").toString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static String b64(byte[] bytes) {
      return bytes == null ? "null" : "\"" + Base64.getEncoder().encodeToString(bytes) + "\"";
    }
  }

  @Command(name = "restore", mixinStandardHelpOptions = true,
      description = "Produce DIR/<topic>.jsonl back into empty topics (same partition, key, value, headers, timestamp)")
  static final class Restore implements Callable<Integer> {
    @ParentCommand
    TopicBackupCli cli;

    @Option(names = "--dir", required = true)
    Path dir;

    @Option(names = "--by-key", description = "Place each record by its key over the target topic's partitions "
        + "(a cluster with more partitions than the backup's, e.g. single mode's 1 into chain mode's 6), keeping "
        + "the order of each key; without it every record goes back to the partition it came from.")
    boolean byKey;

    @Option(names = "--sources-only", description = "Restore only the facts ingest-ocr wrote (products, sales, "
        + "invoices, stock adjustments and transfers, inflation); the Streams apps then derive the ledger, levels, "
        + "alerts and prices again, with their own state.")
    boolean sourcesOnly;

    @Override
    public Integer call() throws Exception {
      Properties p = new Properties();
      p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cli.bootstrap);
      p.put(ProducerConfig.ACKS_CONFIG, "all");
      p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
      p.put(ProducerConfig.LINGER_MS_CONFIG, 10);
      long restored = 0;
      try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(),
          new ByteArraySerializer())) {
        List<String> topics = sourcesOnly ? sourceTopics(Topics.withPrefix(cli.prefix)) : cli.topicNames();
        for (String topic : topics) {
          Path file = dir.resolve(topic + ".jsonl");
          if (!Files.exists(file)) {
            continue;
          }
          if (!empty(topic)) {
            cli.err.println("Refusing to restore into non-empty topic " + topic);
            return 1;
          }
          try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
              producer.send(parse(topic, line, byKey));
              restored++;
            }
          }
        }
        producer.flush();
      }
      if (!cli.quiet) {
        cli.err.println("restored " + restored + " records");
      }
      return 0;
    }

    private boolean empty(String topic) {
      try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(Map.of("bootstrap.servers", cli.bootstrap),
          new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
        List<TopicPartition> parts = new ArrayList<>();
        c.partitionsFor(topic, Duration.ofSeconds(30)).forEach(i -> parts.add(new TopicPartition(topic, i.partition())));
        var begin = c.beginningOffsets(parts);
        return c.endOffsets(parts).entrySet().stream().allMatch(e -> e.getValue().equals(begin.get(e.getKey())));
      }
    }

    /** The topics only ingest-ocr writes: everything else is derived from them by the Streams apps. */
    static List<String> sourceTopics(Topics topics) {
      return List.of(topics.products, topics.sales, topics.invoices, topics.stockAdjustments, topics.stockTransfers,
          topics.inflationIndex).stream().map(Topic::name).toList();
    }

    static ProducerRecord<byte[], byte[]> parse(String topic, String line) {
      return parse(topic, line, false);
    }

    /** With {@code byKey} the partition is left to the producer's partitioner (murmur2 of the key). */
    static ProducerRecord<byte[], byte[]> parse(String topic, String line, boolean byKey) {
      Matcher m = LINE.matcher(line);
      if (!m.matches()) {
        throw new IllegalArgumentException("Not a backup line: " + line.substring(0, Math.min(80, line.length())));
      }
      RecordHeaders headers = new RecordHeaders();
      Matcher h = HEADER.matcher(m.group(5));
      while (h.find()) {
        headers.add(new String(Base64.getDecoder().decode(h.group(1)), StandardCharsets.UTF_8),
            h.group(2).isEmpty() ? null : Base64.getDecoder().decode(h.group(2)));
      }
      Integer partition = byKey ? null : Integer.valueOf(m.group(1));
      return new ProducerRecord<>(topic, partition, Long.parseLong(m.group(2)), unb64(m.group(3)),
          unb64(m.group(4)), headers);
    }

    private static byte[] unb64(String quoted) {
      return "null".equals(quoted) ? null : Base64.getDecoder().decode(quoted.substring(1, quoted.length() - 1));
    }
  }
}
