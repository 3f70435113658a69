import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every metric name used by the alert rules and the Grafana dashboards must exist in a real scrape
 * of the running services and broker (upstream's rules named metrics no code emitted). java
 * scripts/lib/CheckMetrics.java RULES_DIR DASHBOARDS_DIR URL...
 */
public class CheckMetrics {

  static final Pattern EXPR =
      Pattern.compile(
          "(?:expr\"?\\s*:\\s*)(\\|[\\s\\S]*?(?=\\n\\s*(?:for|labels|annotations):)|\"(?:[^\"\\\\]|\\\\.)*\"|[^\\n]+)");
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

  public static void main(String[] args) throws Exception {
    Set<String> used = new TreeSet<>();
    for (int i = 0; i < 2; i++) {
      try (Stream<Path> files = Files.walk(Path.of(args[i]))) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          Matcher m = EXPR.matcher(Files.readString(f));
          while (m.find()) {
            String expr = m.group(1).replace("\\\"", "\"");
            expr = expr.replaceAll("\\{[^}]*}", "{}");
            Matcher n = NAME.matcher(expr);
            while (n.find()) {
              if (!NOT_METRICS.contains(n.group(1))) {
                used.add(n.group(1));
              }
            }
          }
        }
      }
    }
    Set<String> exposed = new TreeSet<>();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    for (int i = 2; i < args.length; i++) {
      String body =
          http.send(
                  HttpRequest.newBuilder(URI.create(args[i]))
                      .timeout(Duration.ofSeconds(10))
                      .build(),
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
      System.exit(1);
    }
    System.out.println("OK: every metric used exists in the scrape");
  }
}
