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

  private static Map<String, Object> services;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void load() throws IOException {
    Path file = Path.of("../compose/docker-compose.yml");
    try (Reader reader = Files.newBufferedReader(file)) {
      Map<String, Object> compose = new Yaml().load(reader);
      services = (Map<String, Object>) compose.get("services");
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
