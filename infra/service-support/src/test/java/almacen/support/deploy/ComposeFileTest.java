package almacen.support.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The cluster deployment cannot run here (no Docker engine), so check what can be checked: it
 * parses, and every setting the services and brokers depend on is present and consistent.
 */
class ComposeFileTest {

  private static final Path COMPOSE_DIR = Path.of("../compose").toAbsolutePath().normalize();
  private static Map<String, Object> services;
  private static Map<String, Object> secrets;
  private static Map<String, Object> declaredVolumes;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void load() throws IOException {
    Path file = COMPOSE_DIR.resolve("docker-compose.yml");
    try (Reader reader = Files.newBufferedReader(file)) {
      Map<String, Object> compose = new Yaml().load(reader);
      services = (Map<String, Object>) compose.get("services");
      secrets = (Map<String, Object>) compose.getOrDefault("secrets", Map.of());
      declaredVolumes = (Map<String, Object>) compose.getOrDefault("volumes", Map.of());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"ingest-ocr", "stream-inventory", "stream-pricing", "query-api"})
  void shouldPointServiceAtThreeBrokersWithClusterTopicSettingsWhenDeployed(String name) {
    // given
    Map<String, Object> env = env(name);

    // then
    assertThat(env.get("KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("kafka-1:9092,kafka-2:9092,kafka-3:9092");
    assertThat(env.get("ALMACEN_MODE")).isEqualTo("cluster");
    assertThat(env.get("ALMACEN_TOPICS_REPLICATIONFACTOR")).isEqualTo("3");
    assertThat(env.get("ALMACEN_TOPICS_MININSYNCREPLICAS")).isEqualTo("2");
    assertThat(env.get("ALMACEN_HOME")).isEqualTo("/data");
    assertThat(service(name)).containsKey("healthcheck");
  }

  @ParameterizedTest
  @ValueSource(strings = {"kafka-1", "kafka-2", "kafka-3"})
  void shouldForbidUncleanElectionAndKeepTransactionsDurableWhenBrokerDeployed(String name) {
    // given
    Map<String, Object> env = env(name);

    // then
    assertThat(String.valueOf(env.get("KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE"))).isEqualTo("false");
    assertThat(String.valueOf(env.get("KAFKA_MIN_INSYNC_REPLICAS"))).isEqualTo("2");
    assertThat(String.valueOf(env.get("KAFKA_DEFAULT_REPLICATION_FACTOR"))).isEqualTo("3");
    assertThat(String.valueOf(env.get("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR"))).isEqualTo("2");
    assertThat(String.valueOf(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS"))).contains("1@kafka-1", "2@kafka-2",
        "3@kafka-3");
  }

  @Test
  void shouldPublishContractPortsWhenDeployed() {
    // then: CONTRACT.md ports 8080 (query-api) and 8081 (ingest-ocr)
    assertThat(service("query-api").get("ports")).isEqualTo(List.of("8080:8080"));
    assertThat(service("ingest-ocr").get("ports")).isEqualTo(List.of("8081:8081"));
    assertThat(env("query-api").get("ALMACEN_STREAMS_APPLICATIONSERVER")).isEqualTo("query-api:8080");
  }

  @Test
  void shouldMountPrivateSigningKeysOnlyIntoQueryApiWhenDeployed() {
    // given: the issuer's key directory (private and public keys, made by scripts/rotate-keys)
    Path privateKeys = COMPOSE_DIR.resolve("secrets/keys").normalize();

    // when: every bind mount of every service, and every Docker secret it reads
    Map<String, List<Path>> mountsByService = new java.util.TreeMap<>();
    services.keySet().forEach(name -> mountsByService.put(name, hostPaths(name)));

    // then: only query-api (the token issuer) sees them; ingest-ocr verifies with the public copies
    mountsByService.forEach((name, mounts) -> {
      boolean seesPrivateKeys = mounts.stream().anyMatch(m -> privateKeys.startsWith(m) || m.startsWith(privateKeys)
          || m.toString().contains("private"));
      assertThat(seesPrivateKeys).as(name + " mounts " + mounts).isEqualTo(name.equals("query-api"));
    });
    assertThat(service("ingest-ocr").get("volumes")).asList().contains("./secrets/public-keys:/data/keys:ro");
  }

  @ParameterizedTest
  @ValueSource(strings = {"kafka-1", "kafka-2", "kafka-3"})
  void shouldKeepBrokerLogsOnItsOwnVolumeWhenBrokerDeployed(String name) {
    // given: where Kafka writes (the image's default is /tmp inside the container)
    String logDirs = String.valueOf(env(name).get("KAFKA_LOG_DIRS"));

    // when: the named volume mounted over it
    List<String> volumeMounts = volumes(name).stream().filter(v -> v.endsWith(":" + logDirs)).toList();

    // then: a declared named volume of this broker alone
    assertThat(logDirs).startsWith("/").doesNotStartWith("/tmp");
    assertThat(volumeMounts).hasSize(1);
    String volume = volumeMounts.get(0).split(":")[0];
    assertThat(declaredVolumes).containsKey(volume);
    services.keySet().stream().filter(other -> !other.equals(name))
        .forEach(other -> assertThat(volumes(other)).as(other).noneMatch(v -> v.startsWith(volume + ":")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"kafka-1", "kafka-2", "kafka-3"})
  void shouldOfferHostListenerOnLoopbackWhenBrokerDeployed(String name) {
    // given
    String listeners = String.valueOf(env(name).get("KAFKA_LISTENERS"));
    String advertised = String.valueOf(env(name).get("KAFKA_ADVERTISED_LISTENERS"));
    String containerPort = listeners.replaceAll(".*HOST://:(\\d+).*", "$1");
    String hostPort = advertised.replaceAll(".*HOST://127\\.0\\.0\\.1:(\\d+).*", "$1");

    // then: the advertised host address is the published one, on loopback only, and the protocol is mapped
    assertThat(listeners).contains("HOST://:");
    assertThat(String.valueOf(env(name).get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP"))).contains("HOST:PLAINTEXT");
    assertThat(service(name).get("ports")).isEqualTo(List.of("127.0.0.1:" + hostPort + ":" + containerPort));
    assertThat(hostPort).isEqualTo(String.valueOf(9091 + Integer.parseInt(name.substring("kafka-".length()))));
  }

  @Test
  void shouldPublishEachHostPortOnceWhenDeployed() {
    // when: every host port any service publishes
    List<String> hostPorts = services.keySet().stream()
        .flatMap(name -> ((List<?>) service(name).getOrDefault("ports", List.of())).stream())
        .map(p -> String.valueOf(p).split(":")).map(parts -> parts[parts.length - 2]).toList();

    // then: no two services ask for the same one (alertmanager once took 9093, a broker's now)
    assertThat(hostPorts).doesNotHaveDuplicates().contains("9092", "9093", "9094", "8080", "8081");
  }

  @ParameterizedTest
  @ValueSource(strings = {"kafka-1", "kafka-2", "kafka-3", "ingest-ocr", "stream-inventory", "stream-pricing",
      "query-api", "prometheus"})
  void shouldCheckHealthWithoutShellTricksWhenDeployed(String name) throws IOException {
    // given
    List<String> test = healthTest(name);

    // then: exec form (no /bin/sh: dash has no /dev/tcp), a program the image has, and the service's own port
    assertThat(test.get(0)).isEqualTo("CMD");
    assertThat(String.join(" ", test)).doesNotContain("/dev/tcp");
    if (test.get(1).equals("curl")) {
      assertThat(dockerfile(name)).containsPattern("apt-get install[^\\n]*\\bcurl\\b");
      String port = String.valueOf(env(name).getOrDefault("PORT", "8081"));
      assertThat(test).contains("http://127.0.0.1:" + port + "/actuator/health");
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

  /** Host paths (relative to the compose file) a service bind-mounts or reads as Docker secrets. */
  @SuppressWarnings("unchecked")
  private static List<Path> hostPaths(String name) {
    List<Path> paths = new java.util.ArrayList<>();
    for (Object volume : (List<Object>) service(name).getOrDefault("volumes", List.of())) {
      String source = volume instanceof Map<?, ?> long_ ? String.valueOf(long_.get("source"))
          : String.valueOf(volume).split(":")[0];
      if (source.startsWith(".") || source.startsWith("/")) {
        paths.add(COMPOSE_DIR.resolve(source).normalize());
      }
    }
    for (Object secret : (List<Object>) service(name).getOrDefault("secrets", List.of())) {
      String id = secret instanceof Map<?, ?> long_ ? String.valueOf(long_.get("source")) : String.valueOf(secret);
      Map<String, Object> declared = (Map<String, Object>) secrets.get(id);
      paths.add(COMPOSE_DIR.resolve(String.valueOf(declared.get("file"))).normalize());
    }
    return paths;
  }

  @SuppressWarnings("unchecked")
  private static List<String> volumes(String name) {
    return ((List<Object>) service(name).getOrDefault("volumes", List.of())).stream().map(String::valueOf).toList();
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
    return Files.readString(COMPOSE_DIR.resolve(String.valueOf(build.get("context")))
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
