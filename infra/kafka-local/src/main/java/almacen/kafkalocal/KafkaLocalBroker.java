package almacen.kafkalocal;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
 * Alone (single mode) the internal topics have RF 1 and min ISR 1, or exactly-once hangs; as one of
 * a {@link Quorum} (chain mode) every topic defaults to RF 3, min ISR 2, unclean election off.
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

  /**
   * The controller quorum of a multi-node cluster: every node's id and controller port, and the
   * cluster id all nodes are formatted with.
   *
   * @param voters node id → controller port on 127.0.0.1
   */
  public record Quorum(String clusterId, Map<Integer, Integer> voters) {

    public Quorum {
      if (voters.size() < 3) {
        throw new IllegalArgumentException(
            "A quorum needs at least 3 voters, got " + voters.size());
      }
      voters = Map.copyOf(voters);
    }

    String votersConfig() {
      return voters.entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .map(e -> e.getKey() + "@" + HOST + ":" + e.getValue())
          .collect(java.util.stream.Collectors.joining(","));
    }

    /** Replicas of every topic: one per node, at most 3. */
    int replicationFactor() {
      return Math.min(3, voters.size());
    }
  }

  /** Starts a node on the given ports (0 = any free port), formatting {@code dataDir} if new. */
  public static KafkaLocalBroker start(
      Path dataDir, int port, int controllerPort, Map<String, String> overrides) {
    int[] free = freePorts(2);
    int brokerPort = port == 0 ? free[0] : port;
    int quorumPort = controllerPort == 0 ? free[1] : controllerPort;
    Map<String, String> props = config(dataDir, brokerPort, quorumPort);
    props.putAll(overrides);
    return start(dataDir, brokerPort, props, 1, Uuid.randomUuid().toString());
  }

  /**
   * Starts node {@code nodeId} of a multi-node cluster on {@code port}; its controller port is the
   * quorum's entry for it. Returns once this node serves metadata, which needs a majority of the
   * quorum to be up: start the nodes concurrently.
   */
  public static KafkaLocalBroker startNode(
      Path dataDir, int nodeId, int port, Quorum quorum, Map<String, String> overrides) {
    Integer controllerPort = quorum.voters().get(nodeId);
    if (controllerPort == null) {
      throw new IllegalArgumentException(
          "Node " + nodeId + " is not a voter of " + quorum.votersConfig());
    }
    Map<String, String> props = clusterConfig(dataDir, nodeId, port, controllerPort, quorum);
    props.putAll(overrides);
    return start(dataDir, port, props, nodeId, quorum.clusterId());
  }

  private static KafkaLocalBroker start(
      Path dataDir, int brokerPort, Map<String, String> props, int nodeId, String clusterId) {
    KafkaConfig config = new KafkaConfig(props, false);
    format(dataDir, config, nodeId, clusterId);
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

  /**
   * One node of a quorum: the single-node settings, then replication for a real cluster. Public so
   * the compose deployment can be checked against what chain mode runs.
   */
  public static Map<String, String> clusterConfig(
      Path dataDir, int nodeId, int port, int controllerPort, Quorum quorum) {
    Map<String, String> p = config(dataDir, port, controllerPort);
    String rf = String.valueOf(quorum.replicationFactor());
    String minIsr = String.valueOf(Math.max(1, quorum.replicationFactor() - 1));
    p.put("node.id", String.valueOf(nodeId));
    p.put("controller.quorum.voters", quorum.votersConfig());
    p.put("default.replication.factor", rf);
    p.put("min.insync.replicas", minIsr);
    p.put("offsets.topic.replication.factor", rf);
    p.put("transaction.state.log.replication.factor", rf);
    p.put("transaction.state.log.min.isr", minIsr);
    p.put("share.coordinator.state.topic.replication.factor", rf);
    p.put("share.coordinator.state.topic.min.isr", minIsr);
    // three nodes start within seconds of each other: wait for them before the first rebalance
    p.put("group.initial.rebalance.delay.ms", "3000");
    return p;
  }

  static Map<String, String> config(Path dataDir, int port, int controllerPort) {
    Map<String, String> p = new HashMap<>();
    p.put("process.roles", "broker,controller");
    p.put("node.id", "1");
    p.put(
        "listeners",
        "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
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

  private static void format(Path dataDir, KafkaConfig config, int nodeId, String clusterId) {
    try {
      Files.createDirectories(dataDir);
      Path meta = dataDir.resolve("logs").resolve("meta.properties");
      if (Files.exists(meta)) {
        return;
      }
      new Formatter()
          .setPrintStream(new PrintStream(PrintStream.nullOutputStream()))
          .setNodeId(nodeId)
          .setClusterId(clusterId)
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
    return freePorts(1)[0];
  }

  /**
   * {@code count} distinct free ports. All sockets stay open until every port is picked: closing
   * one before asking for the next lets the OS hand out the same port twice.
   */
  static int[] freePorts(int count) {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      int[] ports = new int[count];
      for (int i = 0; i < count; i++) {
        // HOST's address as bytes: no name lookup, and never ::1 where IPv6 is preferred
        ServerSocket socket =
            new ServerSocket(0, 50, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}));
        sockets.add(socket);
        socket.setReuseAddress(true);
        ports[i] = socket.getLocalPort();
      }
      return ports;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      for (ServerSocket socket : sockets) {
        try {
          socket.close();
        } catch (IOException e) {
          log.debug("Could not close a port probe", e);
        }
      }
    }
  }

  /** Runs a node as its own process until SIGTERM (see {@link Launcher}). */
  public static void main(String[] args) {
    System.exit(new picocli.CommandLine(new Launcher()).execute(args));
  }

  /** The command line of a broker process: one node alone, or one node of a quorum. */
  @picocli.CommandLine.Command(
      name = "kafka-local",
      mixinStandardHelpOptions = true,
      description = "Runs a KRaft node (broker and controller) until SIGTERM.")
  static final class Launcher implements java.util.concurrent.Callable<Integer> {

    @picocli.CommandLine.Option(
        names = "--data-dir",
        defaultValue = ".almacen/kafka",
        description = "Data directory (formatted when new).")
    Path dataDir;

    @picocli.CommandLine.Option(
        names = "--port",
        defaultValue = "9092",
        description = "Client port.")
    int port;

    @picocli.CommandLine.Option(
        names = "--controller-port",
        defaultValue = "9093",
        description = "Controller port of a single node (a quorum's come from --voters).")
    int controllerPort;

    @picocli.CommandLine.Option(
        names = "--node-id",
        defaultValue = "1",
        description = "This node's id in --voters.")
    int nodeId;

    @picocli.CommandLine.Option(
        names = "--voters",
        description =
            "A quorum: id@port,... of every controller on 127.0.0.1, e.g. 1@19092,2@19093,3@19094.")
    String voters;

    @picocli.CommandLine.Option(
        names = "--cluster-id",
        description = "The id every node of the quorum shares.")
    String clusterId;

    @picocli.CommandLine.Option(
        names = "--pid-file",
        description = "Where to write this process's pid once ready.")
    Path pidFile;

    @Override
    public Integer call() throws Exception {
      KafkaLocalBroker broker =
          voters == null
              ? start(dataDir, port, controllerPort, Map.of())
              : startNode(
                  dataDir,
                  nodeId,
                  port,
                  new Quorum(requireClusterId(), parseVoters(voters)),
                  Map.of());
      if (pidFile != null) {
        Files.writeString(pidFile, String.valueOf(ProcessHandle.current().pid()));
      }
      Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-local-shutdown"));
      System.out.println("READY " + broker.bootstrapServers());
      server(broker).awaitShutdown();
      return 0;
    }

    private String requireClusterId() {
      if (clusterId == null || clusterId.isBlank()) {
        throw new picocli.CommandLine.ParameterException(
            new picocli.CommandLine(this), "--cluster-id is required with --voters");
      }
      return clusterId;
    }
  }

  /** {@code 1@19092,2@19093,3@19094} → node id → controller port. */
  static Map<Integer, Integer> parseVoters(String text) {
    Map<Integer, Integer> voters = new java.util.TreeMap<>();
    for (String voter : text.split(",", -1)) {
      String[] parts = voter.strip().split("@", -1);
      if (parts.length != 2) {
        throw new IllegalArgumentException("A voter is id@port, got '" + voter + "'");
      }
      voters.put(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }
    return voters;
  }

  private static KafkaRaftServer server(KafkaLocalBroker broker) {
    return broker.server;
  }
}
