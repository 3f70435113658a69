package almacen.kafkalocal;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka KRaft node (broker and controller in one process) from the Kafka jars, bound
 * to 127.0.0.1. Used in-process by integration tests and as its own process by scripts/run-local.
 * Configured for one node: the transaction state log has RF 1 and min ISR 1, or exactly-once hangs.
 */
public final class KafkaLocalBroker implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(KafkaLocalBroker.class);
  private static final String HOST = "127.0.0.1";

  private final KafkaRaftServer server;
  private final int port;
  private final Path dataDir;

  private KafkaLocalBroker(KafkaRaftServer server, int port, Path dataDir) {
    this.server = server;
    this.port = port;
    this.dataDir = dataDir;
  }

  /** Starts a node on the given ports (0 = any free port), formatting {@code dataDir} if new. */
  public static KafkaLocalBroker start(Path dataDir, int port, int controllerPort, Map<String, String> overrides) {
    int brokerPort = port == 0 ? freePort() : port;
    int quorumPort = controllerPort == 0 ? freePort() : controllerPort;
    Map<String, String> props = config(dataDir, brokerPort, quorumPort);
    props.putAll(overrides);
    KafkaConfig config = new KafkaConfig(props, false);
    format(dataDir, config);
    KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
    server.startup();
    KafkaLocalBroker broker = new KafkaLocalBroker(server, brokerPort, dataDir);
    broker.awaitReady(Duration.ofSeconds(60));
    log.info("Kafka KRaft node ready on {} (data {})", broker.bootstrapServers(), dataDir);
    return broker;
  }

  public String bootstrapServers() {
    return HOST + ":" + port;
  }

  public Path dataDir() {
    return dataDir;
  }

  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
  }

  static Map<String, String> config(Path dataDir, int port, int controllerPort) {
    Map<String, String> p = new HashMap<>();
    p.put("process.roles", "broker,controller");
    p.put("node.id", "1");
    p.put("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("controller.quorum.voters", "1@" + HOST + ":" + controllerPort);
    p.put("log.dirs", dataDir.resolve("logs").toString());
    p.put("num.partitions", "1");
    p.put("default.replication.factor", "1");
    p.put("min.insync.replicas", "1");
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "5");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("transaction.state.log.num.partitions", "5");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("auto.create.topics.enable", "false");
    p.put("unclean.leader.election.enable", "false");
    p.put("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
    p.put("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
    return p;
  }

  private static void format(Path dataDir, KafkaConfig config) {
    try {
      Files.createDirectories(dataDir);
      Path meta = dataDir.resolve("logs").resolve("meta.properties");
      if (Files.exists(meta)) {
        return;
      }
      new Formatter()
          .setPrintStream(new PrintStream(PrintStream.nullOutputStream()))
          .setNodeId(1)
          .setClusterId(Uuid.randomUuid().toString())
          .setIgnoreFormatted(true)
          .setUnstableFeatureVersionsEnabled(false)
          .setControllerListenerName("CONTROLLER")
          .setMetadataLogDirectory(config.metadataLogDir())
          .setDirectories(config.logDirs())
          .setReleaseVersion(MetadataVersion.latestProduction())
          .run();
    } catch (Exception e) {
      throw new IllegalStateException("Cannot format Kafka storage in " + dataDir, e);
    }
  }

  private void awaitReady(Duration timeout) {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Admin admin = Admin.create(props)) {
      while (true) {
        try {
          admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
          return;
        } catch (ExecutionException | TimeoutException e) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("Broker not ready after " + timeout, e);
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted waiting for the broker", e);
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getByName(HOST))) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs a node as its own process until SIGTERM: {@code --data-dir DIR --port 9092
   * --controller-port 9093 [--pid-file FILE]}.
   */
  public static void main(String[] args) throws Exception {
    Map<String, String> opts = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      opts.put(args[i], args[i + 1]);
    }
    Path dataDir = Path.of(opts.getOrDefault("--data-dir", ".almacen/kafka"));
    int port = Integer.parseInt(opts.getOrDefault("--port", "9092"));
    int controllerPort = Integer.parseInt(opts.getOrDefault("--controller-port", "9093"));
    KafkaLocalBroker broker = start(dataDir, port, controllerPort, Map.of());
    if (opts.containsKey("--pid-file")) {
      Files.writeString(Path.of(opts.get("--pid-file")), String.valueOf(ProcessHandle.current().pid()));
    }
    Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-local-shutdown"));
    System.out.println("READY " + broker.bootstrapServers());
    server(broker).awaitShutdown();
  }

  private static KafkaRaftServer server(KafkaLocalBroker broker) {
    return broker.server;
  }
}
