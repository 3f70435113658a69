package almacen.perf;

import almacen.events.Sale;
import almacen.events.SaleLine;
import almacen.inventory.InventoryConfig;
import almacen.inventory.InventoryTopology;
import almacen.schemas.StoreNames;
import almacen.schemas.Topics;
import almacen.support.AlmacenSettings;
import almacen.support.AlmacenSettings.StreamsSettings;
import almacen.support.AlmacenSettings.TopicSettings;
import almacen.support.cli.CommandRunner;
import almacen.support.cli.CommandRunner.Failure;
import almacen.support.kafka.TopicProvisioner;
import almacen.support.streams.StreamsConfigFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Inventory throughput benchmark (scripts/bench-inventory): loads N sale lines over K skus onto the
 * sales topic, then runs the inventory topology from an empty state in this JVM and measures the
 * time until every input is consumed and committed (lines/s). Run once per processing guarantee.
 *
 * <p>Modes: {@code load BOOTSTRAP PREFIX LINES SKUS [PARTITIONS]} and {@code run BOOTSTRAP PREFIX
 * GUARANTEE HOME [PARTITIONS]}. PARTITIONS per topic, default 1 (the shop default: no repartition);
 * more partitions (a chain) add the by-sku repartition hop. The commit interval is
 * stream-inventory's, 1 s, unless {@code -Dbench.commit.ms} says otherwise; {@code -Dstreams.X=V}
 * sets Streams config X; {@code -Dbench.lines.per.sale} (default 5) must be the same for load and
 * run.
 */
@Command(
    name = "InventoryBenchmark",
    mixinStandardHelpOptions = true,
    description =
        "Inventory throughput: load sale lines, then run the topology from empty and time it.")
public final class InventoryBenchmark {

  /** Lines per generated sale: 5 (a till's basket) unless {@code -Dbench.lines.per.sale} says. */
  private static final int LINES_PER_SALE = Integer.getInteger("bench.lines.per.sale", 5);

  private InventoryBenchmark() {}

  public static void main(String[] args) {
    System.exit(
        CommandRunner.run(
            new InventoryBenchmark(),
            CommandRunner.stdout(),
            CommandRunner.stderr(),
            Failure.exiting(
                1, commandLine -> "benchmark " + commandLine.getCommandName() + " FAILED: "),
            args));
  }

  @Command(
      name = "load",
      description = "Produce LINES sale lines over SKUS skus onto PREFIX's sales topic.")
  int load(
      @Parameters(paramLabel = "BOOTSTRAP") String bootstrap,
      @Parameters(paramLabel = "PREFIX") String prefix,
      @Parameters(paramLabel = "LINES") int lines,
      @Parameters(paramLabel = "SKUS") int skus,
      @Parameters(paramLabel = "PARTITIONS", arity = "0..1", defaultValue = "1") int partitions)
      throws Exception {
    loadSales(bootstrap, prefix, lines, skus, partitions);
    return 0;
  }

  @Command(
      name = "run",
      description =
          "Run the inventory topology from an empty state until every input is "
              + "committed; GUARANTEE is at_least_once or exactly_once_v2.")
  int run(
      @Parameters(paramLabel = "BOOTSTRAP") String bootstrap,
      @Parameters(paramLabel = "PREFIX") String prefix,
      @Parameters(paramLabel = "GUARANTEE") String guarantee,
      @Parameters(paramLabel = "HOME") Path home,
      @Parameters(paramLabel = "PARTITIONS", arity = "0..1", defaultValue = "1") int partitions)
      throws Exception {
    runTopology(bootstrap, prefix, guarantee, home, partitions);
    return 0;
  }

  static AlmacenSettings settings(
      String bootstrap, String prefix, String guarantee, Path home, int partitions) {
    return new AlmacenSettings(
        "local",
        home,
        bootstrap,
        new TopicSettings(prefix, partitions, (short) 1, 1),
        new StreamsSettings(
            guarantee,
            Duration.ofMillis(Long.getLong("bench.commit.ms", 1000)),
            0,
            1,
            "",
            Duration.ofSeconds(60),
            Duration.ofSeconds(30)));
  }

  // the futures are not kept (a million sends): a failure arrives through the callback and fails
  // the load after the flush
  @SuppressWarnings("FutureReturnValueIgnored")
  static void loadSales(String bootstrap, String prefix, int lines, int skus, int partitions)
      throws Exception {
    AlmacenSettings s = settings(bootstrap, prefix, "exactly_once_v2", Path.of("."), partitions);
    Topics topics = s.topicCatalogue();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      TopicProvisioner.ensureTopics(admin, topics, s.topics());
    }
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrap);
    p.put("acks", "all");
    p.put("linger.ms", 10);
    p.put("batch.size", 131072);
    p.put("compression.type", "lz4");
    long start = System.nanoTime();
    Instant t0 = Instant.parse("2026-11-01T12:00:00Z");
    int sales = lines / LINES_PER_SALE;
    AtomicReference<Exception> failure = new AtomicReference<>();
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
      for (int i = 0; i < sales; i++) {
        List<SaleLine> saleLines = new ArrayList<>(LINES_PER_SALE);
        for (int l = 0; l < LINES_PER_SALE; l++) {
          saleLines.add(
              new SaleLine(
                  String.format("SKU%05d", (i * 7 + l * 131) % skus),
                  new BigDecimal("1.000"),
                  new BigDecimal("100.00")));
        }
        Sale sale =
            new Sale(
                "B-" + i,
                i % 2 == 0 ? "central" : "norte",
                t0.plusMillis(i),
                saleLines,
                t0.plusMillis(i),
                null);
        var headers = new org.apache.kafka.common.header.internals.RecordHeaders();
        producer.send(
            new ProducerRecord<>(
                topics.sales.name(),
                null,
                t0.toEpochMilli() + i,
                sale.getSaleId(),
                topics
                    .sales
                    .valueSerde()
                    .serializer()
                    .serialize(topics.sales.name(), headers, sale),
                headers),
            (metadata, e) -> {
              if (e != null) {
                failure.compareAndSet(null, e);
              }
            });
      }
      producer.flush();
    }
    if (failure.get() != null) {
      throw new IllegalStateException("the load was not written", failure.get());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "load: %d sales (%d lines) in %.1f s = %.0f lines/s%n",
        sales,
        sales * LINES_PER_SALE,
        seconds,
        sales * LINES_PER_SALE / seconds);
  }

  static void runTopology(
      String bootstrap, String prefix, String guarantee, Path home, int partitions)
      throws Exception {
    AlmacenSettings s = settings(bootstrap, prefix, guarantee, home, partitions);
    Topics topics = s.topicCatalogue();
    String appName = StoreNames.INVENTORY_APP + "-bench-" + guarantee.replace('_', '-');
    Properties props = StreamsConfigFactory.build(appName, s, overrides());
    KafkaStreams streams =
        new KafkaStreams(
            InventoryTopology.build(InventoryConfig.defaults(partitions), topics), props);
    CountDownLatch running = new CountDownLatch(1);
    streams.setStateListener(
        (now, before) -> {
          if (now == KafkaStreams.State.RUNNING) {
            running.countDown();
          }
        });
    String appId = (String) props.get(StreamsConfig.APPLICATION_ID_CONFIG);
    String repartition = appId + "-" + StoreNames.INVENTORY_BY_KEY_REPARTITION + "-repartition";
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      List<TopicPartition> sales = partitionsOf(topics.sales.name(), partitions);
      long total = totalEndOffset(admin, sales);
      long start = System.nanoTime();
      streams.start();
      ThreadRatios ratios = new ThreadRatios();
      long[] halfway = null;
      while (true) {
        Thread.sleep(500);
        ratios.sample(streams);
        Map<TopicPartition, OffsetAndMetadata> committed =
            admin.listConsumerGroupOffsets(appId).partitionsToOffsetAndMetadata().get();
        long salesDone =
            sales.stream()
                .mapToLong(tp -> committed.containsKey(tp) ? committed.get(tp).offset() : 0)
                .sum();
        List<TopicPartition> rep =
            committed.keySet().stream().filter(tp -> tp.topic().equals(repartition)).toList();
        // one partition: no repartition topic, the sales offsets say it all
        boolean repartitionDone =
            partitions == 1
                || (!rep.isEmpty()
                    && endOffsets(admin, rep).entrySet().stream()
                        .allMatch(e -> committed.get(e.getKey()).offset() >= e.getValue() - 1));
        if (halfway == null && salesDone >= total / 2) {
          halfway = new long[] {System.nanoTime(), salesDone};
        }
        if (salesDone >= total && repartitionDone) {
          break;
        }
      }
      long end = System.nanoTime();
      double seconds = (end - start) / 1e9;
      // the second half, once the JIT has compiled the hot path: the rate a long-running app keeps
      double secondHalf = (total - halfway[1]) * LINES_PER_SALE / ((end - halfway[0]) / 1e9);
      long lines = total * LINES_PER_SALE;
      long rssKb = rssKb();
      String cpu = cpuBreakdown() + "; stream thread time: " + ratios.summary();
      streams.close(Duration.ofSeconds(30));
      // offsets include one transaction marker per partition and commit: an upper bound on records
      long ledgerOffsets =
          totalEndOffset(admin, partitionsOf(topics.stockMovements.name(), partitions));
      long levelOffsets =
          totalEndOffset(admin, partitionsOf(topics.stockLevels.name(), partitions));
      System.out.printf(
          Locale.ROOT,
          "run %s, %d partition(s): %d sales = %d ledger lines in %.1f s = %.0f lines/s"
              + " (second half %.0f lines/s); RSS %d MB; state %d MB%n",
          guarantee,
          partitions,
          total,
          lines,
          seconds,
          lines / seconds,
          secondHalf,
          rssKb / 1024,
          du(home) / (1024 * 1024));
      System.out.println(cpu);
      System.out.printf(
          Locale.ROOT,
          "outputs: stock-movements %d offsets, stock-levels %d offsets (%.2f per ledger line)%n",
          ledgerOffsets,
          levelOffsets,
          (double) levelOffsets / lines);
    }
  }

  private static List<TopicPartition> partitionsOf(String topic, int partitions) {
    List<TopicPartition> all = new ArrayList<>();
    for (int i = 0; i < partitions; i++) {
      all.add(new TopicPartition(topic, i));
    }
    return all;
  }

  private static long totalEndOffset(Admin admin, List<TopicPartition> partitions)
      throws Exception {
    return endOffsets(admin, partitions).values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * The share of the stream thread's time in each phase (Kafka Streams' own windowed -ratio
   * metrics), averaged over the samples taken while the run was busy.
   */
  private static final class ThreadRatios {
    private final Map<String, Double> sums = new java.util.TreeMap<>();
    private int samples;

    void sample(KafkaStreams streams) {
      samples++;
      streams.metrics().values().stream()
          .filter(m -> m.metricName().group().equals("stream-thread-metrics"))
          .filter(m -> m.metricName().name().endsWith("-ratio"))
          .forEach(
              m ->
                  sums.merge(
                      m.metricName().name().replace("-ratio", ""),
                      ((Number) m.metricValue()).doubleValue(),
                      Double::sum));
    }

    String summary() {
      List<String> out = new ArrayList<>();
      sums.forEach(
          (name, sum) ->
              out.add(String.format(Locale.ROOT, "%s %.0f %%", name, 100 * sum / samples)));
      return String.join(", ", out);
    }
  }

  /** Where this JVM's CPU went: the busiest threads, the JIT and the collector. */
  private static String cpuBreakdown() {
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    List<String> busiest = new ArrayList<>();
    java.util.Arrays.stream(threads.dumpAllThreads(false, false))
        .map(t -> Map.entry(t.getThreadName(), threads.getThreadCpuTime(t.getThreadId())))
        .filter(e -> e.getValue() > 0)
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(4)
        .forEach(
            e ->
                busiest.add(
                    String.format(
                        Locale.ROOT,
                        "%s %.1f s",
                        e.getKey().replaceAll(".*-(StreamThread-\\d+)", "$1"),
                        e.getValue() / 1e9)));
    long gcMs =
        java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
            .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime)
            .sum();
    long jitMs =
        java.lang.management.ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    return String.format(
        Locale.ROOT,
        "cpu: %s; JIT %.1f s; GC pauses %.1f s",
        String.join(", ", busiest),
        jitMs / 1e3,
        gcMs / 1e3);
  }

  /** Streams settings to try without a rebuild: {@code -Dstreams.producer.batch.size=131072}. */
  private static Map<String, Object> overrides() {
    Map<String, Object> out = new java.util.HashMap<>();
    System.getProperties()
        .stringPropertyNames()
        .forEach(
            name -> {
              if (name.startsWith("streams.")) {
                out.put(name.substring("streams.".length()), System.getProperty(name));
              }
            });
    return out;
  }

  private static Map<TopicPartition, Long> endOffsets(Admin admin, List<TopicPartition> partitions)
      throws Exception {
    Map<TopicPartition, OffsetSpec> spec = new java.util.HashMap<>();
    partitions.forEach(tp -> spec.put(tp, OffsetSpec.latest()));
    Map<TopicPartition, Long> out = new java.util.HashMap<>();
    admin.listOffsets(spec).all().get().forEach((tp, info) -> out.put(tp, info.offset()));
    return out;
  }

  private static long rssKb() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }

  private static long du(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
  }
}
