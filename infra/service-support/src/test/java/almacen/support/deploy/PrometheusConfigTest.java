package almacen.support.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * One Prometheus configuration per way of running almacén, each scraping what that mode really
 * starts: the targets are held against scripts/run-local (single and chain mode) and against the
 * compose file, not restated.
 */
class PrometheusConfigTest {

  private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
  private static final Path PROMETHEUS = ROOT.resolve("infra/prometheus");

  @Test
  void shouldScrapeEveryChainInstanceWhenChainModeRuns() throws IOException {
    // given: the ports run-local --cluster gives its instances
    Set<String> instancePorts = new TreeSet<>();
    Matcher m =
        Pattern.compile("\\[(?:query-api|ingest-ocr|stream-inventory|stream-pricing)-\\d]=(\\d+)")
            .matcher(Files.readString(ROOT.resolve("scripts/run-local")));
    while (m.find()) {
      instancePorts.add("127.0.0.1:" + m.group(1));
    }

    // when
    Map<String, Set<String>> targets = targets("prometheus-cluster.yml");

    // then: seven instances, three broker exporters (8083 + node id), all on loopback
    assertThat(instancePorts).hasSize(7);
    assertThat(targets.get("almacen")).isEqualTo(instancePorts);
    assertThat(targets.get("kafka"))
        .containsExactlyInAnyOrder("127.0.0.1:8084", "127.0.0.1:8085", "127.0.0.1:8086");
    assertThat(Files.readString(ROOT.resolve("scripts/run-local")))
        .contains("127.0.0.1:$((8083 + n))");
  }

  @Test
  void shouldScrapeLoopbackOnlyWhenSingleModeRuns() throws IOException {
    // when
    Map<String, Set<String>> targets = targets("prometheus.yml");

    // then: the contract's single-mode ports
    assertThat(targets.get("almacen"))
        .containsExactlyInAnyOrder(
            "127.0.0.1:8080", "127.0.0.1:8081", "127.0.0.1:8082", "127.0.0.1:8083");
    assertThat(targets.get("kafka")).containsExactly("127.0.0.1:8084");
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldScrapeComposeServicesOnTheirPortsWhenComposeRuns() throws IOException {
    // given
    Map<String, Object> compose;
    try (Reader reader =
        Files.newBufferedReader(ROOT.resolve("infra/compose/docker-compose.yml"))) {
      compose = new Yaml().load(reader);
    }
    Map<String, Object> services = (Map<String, Object>) compose.get("services");
    Map<String, Object> prometheus = (Map<String, Object>) services.get("prometheus");

    // when
    Map<String, Set<String>> targets = targets("prometheus-compose.yml");

    // then: compose starts Prometheus with this file; every target is a service on its own port
    assertThat(String.valueOf(prometheus.get("command")))
        .contains("/etc/prometheus/prometheus-compose.yml");
    for (String target : targets.get("almacen")) {
      String[] hostPort = target.split(":", -1);
      Map<String, Object> service = (Map<String, Object>) services.get(hostPort[0]);
      assertThat(service).as(target).isNotNull();
      Map<String, Object> env = (Map<String, Object>) service.get("environment");
      assertThat(String.valueOf(env.getOrDefault("PORT", "8081")))
          .as(target)
          .isEqualTo(hostPort[1]);
    }
    for (String target : targets.get("kafka")) {
      Map<String, Object> broker = (Map<String, Object>) services.get(target.split(":", -1)[0]);
      Map<String, Object> env = (Map<String, Object>) broker.get("environment");
      assertThat(String.valueOf(env.get("KAFKA_OPTS")))
          .contains("=" + target.split(":", -1)[1] + ":");
    }
    assertThat(targets.get("kafka")).hasSize(3);
    assertThat(targets.get("almacen")).hasSize(4);
  }

  /** job name → its static targets; the rules every config loads exist next to it. */
  @SuppressWarnings("unchecked")
  private static Map<String, Set<String>> targets(String file) throws IOException {
    Map<String, Object> config;
    try (Reader reader = Files.newBufferedReader(PROMETHEUS.resolve(file))) {
      config = new Yaml().load(reader);
    }
    assertThat((List<String>) config.get("rule_files")).containsExactly("rules/*.yml");
    return ((List<Map<String, Object>>) config.get("scrape_configs"))
        .stream()
            .collect(
                Collectors.toMap(
                    job -> String.valueOf(job.get("job_name")),
                    job ->
                        ((List<Map<String, Object>>) job.get("static_configs"))
                            .stream()
                                .flatMap(sc -> ((List<String>) sc.get("targets")).stream())
                                .collect(Collectors.toCollection(TreeSet::new))));
  }
}
