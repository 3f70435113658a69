package almacen.support.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The runbook explains exactly the alerts Prometheus can raise: none missing, none that no rule
 * raises.
 */
class RunbookAlertsTest {

  private static final Path RULES = Path.of("../prometheus/rules/almacen.yml");
  private static final Path RUNBOOK = Path.of("../../docs/runbook.md");

  @Test
  void shouldExplainEveryAlertRuleWhenRunbookIsRead() throws IOException {
    // given
    List<String> rules = ruleAlerts();

    // when
    List<String> explained = runbookAlerts();

    // then
    assertThat(rules).hasSize(22);
    assertThat(explained).containsExactlyInAnyOrderElementsOf(rules);
  }

  @SuppressWarnings("unchecked")
  private static List<String> ruleAlerts() throws IOException {
    try (Reader reader = Files.newBufferedReader(RULES)) {
      Map<String, Object> file = new Yaml().load(reader);
      return ((List<Map<String, Object>>) file.get("groups"))
          .stream()
              .flatMap(group -> ((List<Map<String, Object>>) group.get("rules")).stream())
              .map(rule -> String.valueOf(rule.get("alert")))
              .toList();
    }
  }

  /**
   * First column of the table under "What each alert means"; a cell may name two alerts ("A / B").
   */
  private static List<String> runbookAlerts() throws IOException {
    String runbook = Files.readString(RUNBOOK);
    int section = runbook.indexOf("## What each alert means");
    assertThat(section).as("runbook section").isNotNegative();
    int next = runbook.indexOf("\n## ", section + 1);
    String table = runbook.substring(section, next < 0 ? runbook.length() : next);
    return table
        .lines()
        .filter(line -> line.startsWith("| ") && !line.startsWith("| alert "))
        .map(line -> line.split("\\|", -1)[1].strip())
        .flatMap(cell -> Arrays.stream(cell.split(" / ")).map(String::strip))
        .toList();
  }
}
