package almacen.support.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import almacen.kafkalocal.KafkaLocalBroker;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The cluster deployment cannot run here (no Docker engine), so check it against what does run:
 * chain mode ({@code scripts/run-local --cluster} and its brokers' {@link
 * KafkaLocalBroker#clusterConfig}), the services' own ports, and the Dockerfiles; plus the
 * properties a deployment must keep (private keys, volumes, ports).
 */
class ComposeFileTest {

  private static final Path COMPOSE_DIR = Path.of("../compose").toAbsolutePath().normalize();
  private static final Path RUN_LOCAL =
      Path.of("../../scripts/run-local").toAbsolutePath().normalize();
  private static final List<String> APPS =
      List.of("ingest-ocr", "stream-inventory", "stream-pricing", "query-api");

  /** The broker settings that decide durability and exactly-once, as chain mode sets them. */
  private static final List<String> DURABILITY =
      List.of(
          "default.replication.factor",
          "min.insync.replicas",
          "offsets.topic.replication.factor",
          "transaction.state.log.replication.factor",
          "transaction.state.log.min.isr",
          "unclean.leader.election.enable",
          "auto.create.topics.enable");

  private static Map<String, Object> services;
  private static Map<String, Object> secrets;
  private static Map<String, Object> declaredVolumes;
  private static String runLocal;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void load() throws IOException {
    try (Reader reader = Files.newBufferedReader(COMPOSE_DIR.resolve("docker-compose.yml"))) {
      Map<String, Object> compose = new Yaml().load(reader);
      services = (Map<String, Object>) compose.get("services");
      secrets = (Map<String, Object>) compose.getOrDefault("secrets", Map.of());
      declaredVolumes = (Map<String, Object>) compose.getOrDefault("volumes", Map.of());
    }
    runLocal = Files.readString(RUN_LOCAL);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ingest-ocr", "stream-inventory", "stream-pricing", "query-api"})
  void shouldPointServiceAtEveryBrokerOfTheFileWhenDeployed(String name) {
    // given: each broker service at its in-network (PLAINTEXT) listener
    List<String> brokers =
        brokerNames().stream()
            .map(
                b ->
                    b
                        + ":"
                        + listenerPort(String.valueOf(env(b).get("KAFKA_LISTENERS")), "PLAINTEXT"))
            .toList();

    // when
    List<String> bootstrap =
        Arrays.asList(String.valueOf(env(name).get("KAFKA_BOOTSTRAP_SERVERS")).split(","));

    // then: all of them, and not local mode (which would make up missing keys and users instead of
    // failing)
    assertThat(bootstrap).containsExactlyInAnyOrderElementsOf(brokers);
    assertThat(String.valueOf(env(name).get("ALMACEN_MODE"))).isNotEqualToIgnoringCase("local");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ingest-ocr", "stream-inventory", "stream-pricing", "query-api"})
  void shouldSizeTopicsAndStandbysAsChainModeDoesWhenDeployed(String name) {
    // given: what run-local --cluster passes every app (-Dalmacen.topics.partitions=6 ...)
    Map<String, String> chain = chainModeAppSettings();

    // when / then: the same values under their environment names
    // (almacen.topics.min-insync-replicas →
    // ALMACEN_TOPICS_MININSYNCREPLICAS)
    assertThat(chain)
        .containsKeys(
            "almacen.topics.partitions",
            "almacen.topics.replication-factor",
            "almacen.topics.min-insync-replicas",
            "almacen.streams.standby-replicas");
    chain.forEach(
        (property, value) ->
            assertThat(String.valueOf(env(name).get(envName(property))))
                .as(property)
                .isEqualTo(value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"kafka-1", "kafka-2", "kafka-3"})
  void shouldConfigureBrokerForDurabilityAsChainModeDoesWhenDeployed(String name) {
    // given: the settings chain mode's own three brokers run with
    Map<String, String> chain =
        KafkaLocalBroker.clusterConfig(
            Path.of("unused"),
            1,
            9092,
            19092,
            new KafkaLocalBroker.Quorum("unused", Map.of(1, 19092, 2, 19093, 3, 19094)));

    // when / then: the image reads KAFKA_<SETTING> (min.insync.replicas →
    // KAFKA_MIN_INSYNC_REPLICAS)
    for (String setting : DURABILITY) {
      String variable = "KAFKA_" + setting.replace('.', '_').toUpperCase(Locale.ROOT);
      assertThat(String.valueOf(env(name).get(variable)))
          .as(variable)
          .isEqualTo(chain.get(setting));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"kafka-1", "kafka-2", "kafka-3"})
  void shouldListEveryBrokerOfTheFileAsVoterWhenBrokerDeployed(String name) {
    // given: node id and controller listener of each broker service
    List<String> voters =
        brokerNames().stream()
            .map(
                b ->
                    env(b).get("KAFKA_NODE_ID")
                        + "@"
                        + b
                        + ":"
                        + listenerPort(String.valueOf(env(b).get("KAFKA_LISTENERS")), "CONTROLLER"))
            .toList();

    // when
    List<String> configured =
        Arrays.asList(String.valueOf(env(name).get("KAFKA_CONTROLLER_QUORUM_VOTERS")).split(","));

    // then
    assertThat(configured).containsExactlyInAnyOrderElementsOf(voters);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ingest-ocr", "stream-inventory", "stream-pricing", "query-api"})
  void shouldServeOnTheSamePortAsRunLocalWhenDeployed(String name) throws IOException {
    // given: the port run-local gives the app, and the one the app takes (PORT, else its
    // application.yml default)
    String expected = runLocalPorts().get(name);
    String port = String.valueOf(env(name).getOrDefault("PORT", defaultPort(name)));

    // then: the app listens there, and the health check and anything published point at it
    assertThat(port).isEqualTo(expected);
    assertThat(healthTest(name)).contains("http://127.0.0.1:" + expected + "/actuator/health");
    List<?> published = (List<?>) service(name).getOrDefault("ports", List.of());
    assertThat(published).allSatisfy(p -> assertThat(String.valueOf(p)).endsWith(":" + expected));
  }

  @Test
  void shouldPublishTheTwoHttpEntryPointsAndAdvertiseQueryApiWhenDeployed() {
    // given
    Map<String, String> ports = runLocalPorts();

    // then: the dashboard/read API and the write API on the ports the runbook and the shop's
    // clients use
    assertThat(service("query-api").get("ports"))
        .isEqualTo(List.of(ports.get("query-api") + ":" + ports.get("query-api")));
    assertThat(service("ingest-ocr").get("ports"))
        .isEqualTo(List.of(ports.get("ingest-ocr") + ":" + ports.get("ingest-ocr")));
    assertThat(env("query-api").get("ALMACEN_STREAMS_APPLICATIONSERVER"))
        .isEqualTo("query-api:" + ports.get("query-api"));
  }

  @Test
  void shouldMountPrivateSigningKeysOnlyIntoQueryApiWhenDeployed() {
    // given: the issuer's key directory (private and public keys, made by scripts/rotate-keys)
    Path privateKeys = COMPOSE_DIR.resolve("secrets/keys").normalize();

    // when: every bind mount of every service, and every Docker secret it reads
    Map<String, List<Path>> mountsByService = new TreeMap<>();
    services.keySet().forEach(name -> mountsByService.put(name, hostPaths(name)));

    // then: only query-api (the token issuer) sees them; ingest-ocr verifies with the public copies
    mountsByService.forEach(
        (name, mounts) -> {
          boolean seesPrivateKeys =
              mounts.stream()
                  .anyMatch(
                      m ->
                          privateKeys.startsWith(m)
                              || m.startsWith(privateKeys)
                              || m.toString().contains("private"));
          assertThat(seesPrivateKeys)
              .as(name + " mounts " + mounts)
              .isEqualTo(name.equals("query-api"));
        });
    assertThat(service("ingest-ocr").get("volumes"))
        .asList()
        .contains("./secrets/public-keys:/data/keys:ro");
  }

  @ParameterizedTest
  @ValueSource(strings = {"kafka-1", "kafka-2", "kafka-3"})
  void shouldKeepBrokerLogsOnItsOwnVolumeWhenBrokerDeployed(String name) {
    // given: where Kafka writes (the image's default is /tmp inside the container)
    String logDirs = String.valueOf(env(name).get("KAFKA_LOG_DIRS"));

    // when: the named volume mounted over it
    List<String> volumeMounts =
        volumes(name).stream().filter(v -> v.endsWith(":" + logDirs)).toList();

    // then: a declared named volume of this broker alone
    assertThat(logDirs).startsWith("/").doesNotStartWith("/tmp");
    assertThat(volumeMounts).hasSize(1);
    String volume = volumeMounts.get(0).split(":", -1)[0];
    assertThat(declaredVolumes).containsKey(volume);
    services.keySet().stream()
        .filter(other -> !other.equals(name))
        .forEach(
            other ->
                assertThat(volumes(other)).as(other).noneMatch(v -> v.startsWith(volume + ":")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ingest-ocr", "stream-inventory", "stream-pricing", "query-api"})
  void shouldKeepAppHomeOnItsOwnVolumeWhenDeployed(String name) throws IOException {
    // given: the home the image sets and the one compose sets (state stores, keys, spooled uploads)
    String home = String.valueOf(env(name).get("ALMACEN_HOME"));

    // when: the named volume mounted over it
    List<String> homeMounts = volumes(name).stream().filter(v -> v.endsWith(":" + home)).toList();

    // then: both agree, and the home is a declared named volume, so a new container keeps its state
    assertThat(dockerfile(name))
        .containsPattern("ENV[^\\n]*\\bALMACEN_HOME=" + Pattern.quote(home) + "\\b");
    assertThat(homeMounts).hasSize(1);
    assertThat(declaredVolumes).containsKey(homeMounts.get(0).split(":", -1)[0]);
  }

  @ParameterizedTest
  @ValueSource(strings = {"kafka-1", "kafka-2", "kafka-3"})
  void shouldOfferHostListenerOnTheChainModePortWhenBrokerDeployed(String name) {
    // given: the port run-local --cluster gives broker N, which the server's own tools (replay,
    // backup) use
    String chainPort = runLocalPorts().get("broker-" + name.substring("kafka-".length()));
    String listeners = String.valueOf(env(name).get("KAFKA_LISTENERS"));
    String advertised = String.valueOf(env(name).get("KAFKA_ADVERTISED_LISTENERS"));

    // then: advertised and published there, on loopback only, and the listener's protocol is mapped
    assertThat(advertised).contains("HOST://127.0.0.1:" + chainPort);
    assertThat(String.valueOf(env(name).get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP")))
        .contains("HOST:PLAINTEXT");
    assertThat(service(name).get("ports"))
        .isEqualTo(List.of("127.0.0.1:" + chainPort + ":" + listenerPort(listeners, "HOST")));
  }

  @Test
  void shouldPublishEachHostPortOnceWhenDeployed() {
    // when: every host port any service publishes
    List<String> hostPorts =
        services.keySet().stream()
            .flatMap(name -> ((List<?>) service(name).getOrDefault("ports", List.of())).stream())
            .map(p -> String.valueOf(p).split(":"))
            .map(parts -> parts[parts.length - 2])
            .toList();

    // then: no two services ask for the same one (alertmanager once took 9093, a broker's now)
    assertThat(hostPorts).doesNotHaveDuplicates();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "kafka-1",
        "kafka-2",
        "kafka-3",
        "ingest-ocr",
        "stream-inventory",
        "stream-pricing",
        "query-api",
        "prometheus"
      })
  void shouldCheckHealthWithoutShellTricksWhenDeployed(String name) throws IOException {
    // given
    List<String> test = healthTest(name);

    // then: exec form (no /bin/sh: dash has no /dev/tcp), and a program the image has
    assertThat(test.get(0)).isEqualTo("CMD");
    assertThat(String.join(" ", test)).doesNotContain("/dev/tcp");
    if (test.get(1).equals("curl")) {
      assertThat(dockerfile(name)).containsPattern("apt-get install[^\\n]*\\bcurl\\b");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"ingest-ocr", "stream-inventory", "stream-pricing", "query-api"})
  void shouldRunServiceAsNonRootWhenDeployed(String name) throws IOException {
    // given
    String user = String.valueOf(service(name).get("user"));

    // then: compose and the image agree on a non-zero uid
    assertThat(user).matches("[1-9][0-9]*:[1-9][0-9]*");
    assertThat(dockerfile(name)).contains("USER " + user);
  }

  /** run-local's {@code PORT} entries, single and chain mode: app or instance name → port. */
  private static Map<String, String> runLocalPorts() {
    Map<String, String> ports = new TreeMap<>();
    Matcher declarations =
        Pattern.compile("(?m)^\\s*(?:declare -A )?PORT\\+?=\\(([^)]*)\\)").matcher(runLocal);
    while (declarations.find()) {
      Matcher entry = Pattern.compile("\\[([a-z0-9-]+)]=(\\d+)").matcher(declarations.group(1));
      while (entry.find()) {
        ports.put(entry.group(1), entry.group(2));
      }
    }
    assertThat(ports).as("PORT in " + RUN_LOCAL).containsKeys(APPS.toArray(String[]::new));
    return ports;
  }

  /**
   * The topic and standby settings run-local --cluster passes every app as {@code
   * -Dalmacen...=value}.
   */
  private static Map<String, String> chainModeAppSettings() {
    Map<String, String> settings = new TreeMap<>();
    Matcher m =
        Pattern.compile(
                "-D(almacen\\.(?:topics|streams)\\.(?:partitions|replication-factor"
                    + "|min-insync-replicas|standby-replicas))=(\\d+)")
            .matcher(runLocal);
    while (m.find()) {
      settings.put(m.group(1), m.group(2));
    }
    return settings;
  }

  /**
   * {@code almacen.topics.min-insync-replicas} → {@code ALMACEN_TOPICS_MININSYNCREPLICAS} (Spring's
   * binding).
   */
  private static String envName(String property) {
    return property.replace("-", "").replace('.', '_').toUpperCase(Locale.ROOT);
  }

  /** The port in {@code server.port: ${PORT:8081}} of the app's application.yml. */
  private static String defaultPort(String name) throws IOException {
    String yml =
        Files.readString(
            COMPOSE_DIR.resolve("../../" + name + "/src/main/resources/application.yml"));
    Matcher m = Pattern.compile("port: \\$\\{PORT:(\\d+)}").matcher(yml);
    assertThat(m.find()).as(name + " application.yml server.port").isTrue();
    return m.group(1);
  }

  /** {@code PLAINTEXT://:9092,CONTROLLER://:9093} and {@code CONTROLLER} → {@code 9093}. */
  private static String listenerPort(String listeners, String listener) {
    Matcher m = Pattern.compile("\\b" + listener + "://[^:,]*:(\\d+)").matcher(listeners);
    assertThat(m.find()).as(listener + " in " + listeners).isTrue();
    return m.group(1);
  }

  private static List<String> brokerNames() {
    List<String> brokers =
        services.keySet().stream()
            .filter(name -> String.valueOf(service(name).get("image")).startsWith("apache/kafka:"))
            .sorted()
            .toList();
    assertThat(brokers).hasSize(3);
    return brokers;
  }

  /** Host paths (relative to the compose file) a service bind-mounts or reads as Docker secrets. */
  @SuppressWarnings("unchecked")
  private static List<Path> hostPaths(String name) {
    List<Path> paths = new ArrayList<>();
    for (Object volume : (List<Object>) service(name).getOrDefault("volumes", List.of())) {
      String source =
          volume instanceof Map<?, ?> long_
              ? String.valueOf(long_.get("source"))
              : String.valueOf(volume).split(":", -1)[0];
      if (source.startsWith(".") || source.startsWith("/")) {
        paths.add(COMPOSE_DIR.resolve(source).normalize());
      }
    }
    for (Object secret : (List<Object>) service(name).getOrDefault("secrets", List.of())) {
      String id =
          secret instanceof Map<?, ?> long_
              ? String.valueOf(long_.get("source"))
              : String.valueOf(secret);
      Map<String, Object> declared = (Map<String, Object>) secrets.get(id);
      paths.add(COMPOSE_DIR.resolve(String.valueOf(declared.get("file"))).normalize());
    }
    return paths;
  }

  @SuppressWarnings("unchecked")
  private static List<String> volumes(String name) {
    return ((List<Object>) service(name).getOrDefault("volumes", List.of()))
        .stream().map(String::valueOf).toList();
  }

  @SuppressWarnings("unchecked")
  private static List<String> healthTest(String name) {
    Map<String, Object> health = (Map<String, Object>) service(name).get("healthcheck");
    assertThat(health).as(name + " healthcheck").isNotNull();
    return ((List<Object>) health.get("test")).stream().map(String::valueOf).toList();
  }

  @SuppressWarnings("unchecked")
  private static String dockerfile(String name) throws IOException {
    Map<String, Object> build = (Map<String, Object>) service(name).get("build");
    return Files.readString(
        COMPOSE_DIR
            .resolve(String.valueOf(build.get("context")))
            .resolve(String.valueOf(build.get("dockerfile"))));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> service(String name) {
    assertThat(services).containsKey(name);
    return (Map<String, Object>) services.get(name);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> env(String name) {
    return (Map<String, Object>) service(name).get("environment");
  }
}
