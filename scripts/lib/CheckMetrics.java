import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every metric name used by the alert rules and the Grafana dashboards must exist in a real scrape
 * of the running services and broker (upstream's rules named metrics no code emitted). java -cp
 * "$TOOLS_CP" CheckMetrics RULES_DIR DASHBOARDS_DIR URL... (TOOLS_CP from scripts/lib/tools.sh)
 */
@Command(
    name = "CheckMetrics",
    mixinStandardHelpOptions = true,
    description =
        "Every metric named by an alert rule (YAML) or a Grafana dashboard (JSON) exists in a real"
            + " scrape of the URLs. Exit 1 with the missing ones.")
public class CheckMetrics implements Callable<Integer> {

  static final JsonMapper JSON = JsonMapper.builder().build();

  /** A metric name in a PromQL expression (functions and label names excluded by context). */
  static final Pattern NAME =
      Pattern.compile(
          "(?<![\\w{,=~])([a-z][a-z0-9_]*_[a-z0-9_]+|up)(?=\\s*[{\\[)\"]|\\s*$|\\s*[<>=!]|\\s*/|\\s*\\n)");

  static final Set<String> NOT_METRICS =
      Set.of(
          "histogram_quantile",
          "label_replace",
          "count_over_time",
          "avg_over_time",
          "max_over_time",
          "min_over_time",
          "sum_over_time");

  @Parameters(index = "0", paramLabel = "RULES_DIR", description = "Prometheus rule files (YAML)")
  Path rules;

  @Parameters(index = "1", paramLabel = "DASHBOARDS_DIR", description = "Grafana dashboards (JSON)")
  Path dashboards;

  @Parameters(index = "2..*", paramLabel = "URL", description = "scrape endpoints")
  List<URI> scrapes = List.of();

  public static void main(String[] args) {
    System.exit(new CommandLine(new CheckMetrics()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    List<String> expressions = new ArrayList<>();
    for (Path f : files(rules)) {
      try (Reader in = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
        new Yaml().loadAll(in).forEach(document -> collectExpressions(document, expressions));
      }
    }
    for (Path f : files(dashboards)) {
      JSON.readTree(f.toFile()).findValues("expr").forEach(e -> expressions.add(e.asString()));
    }
    Set<String> used = new TreeSet<>();
    for (String expression : expressions) {
      Matcher n = NAME.matcher(expression.replaceAll("\\{[^}]*}", "{}"));
      while (n.find()) {
        if (!NOT_METRICS.contains(n.group(1))) {
          used.add(n.group(1));
        }
      }
    }
    Set<String> exposed = new TreeSet<>();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    for (URI scrape : scrapes) {
      String body =
          http.send(
                  HttpRequest.newBuilder(scrape).timeout(Duration.ofSeconds(10)).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      body.lines()
          .filter(l -> !l.startsWith("#") && !l.isBlank())
          .map(l -> l.split("[{ ]")[0])
          .forEach(exposed::add);
    }
    exposed.add("up"); // written by Prometheus itself for every target
    Set<String> missing = new TreeSet<>(used);
    missing.removeAll(exposed);
    System.out.println(
        "metrics used by rules and dashboards: "
            + used.size()
            + " "
            + used
            + ", exposed by the stack: "
            + exposed.size());
    if (!missing.isEmpty()) {
      System.out.println("MISSING: " + missing);
      return 1;
    }
    System.out.println("OK: every metric used exists in the scrape");
    return 0;
  }

  static List<Path> files(Path dir) throws Exception {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    }
  }

  /** Every {@code expr:} string of a parsed YAML document, at any depth. */
  static void collectExpressions(Object node, List<String> into) {
    if (node instanceof Map<?, ?> map) {
      map.forEach(
          (key, value) -> {
            if ("expr".equals(key) && value instanceof String expression) {
              into.add(expression);
            } else {
              collectExpressions(value, into);
            }
          });
    } else if (node instanceof List<?> list) {
      list.forEach(item -> collectExpressions(item, into));
    }
  }
}
