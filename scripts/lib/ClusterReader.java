import java.io.PrintWriter;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads GET /api/stock/{sku} in turn from every query-api instance while cluster-check kills
 * things, and writes each answer, so that ReadAudit can later hold every value against the ledger.
 * The load's skus are read (the same 40 FaultLoad writes), branch central.
 *
 * <p>java -cp "$TOOLS_CP" ClusterReader TOKEN OUT_TSV PRODUCTS_CSV BASE_URL... (TOOLS_CP from
 * scripts/lib/tools.sh)
 *
 * <p>Stops when OUT_TSV.stop exists. OUT_TSV lines: {@code base <TAB> sku <TAB> status <TAB> stale
 * <TAB> onHand <TAB> retryAfter} (status 0 = no answer: the instance is down; onHand "-" when there
 * is none).
 */
@Command(
    name = "ClusterReader",
    mixinStandardHelpOptions = true,
    description =
        "Reads the load's skus from every query-api instance in turn until OUT_TSV.stop exists,"
            + " one answer per line of OUT_TSV.")
public class ClusterReader implements Callable<Integer> {

  static final JsonMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  /** scripts/demo/products.csv: {@code ;}-separated, {@code #} comments, a header line. */
  static final CSVFormat PRODUCTS =
      CSVFormat.RFC4180
          .builder()
          .setDelimiter(';')
          .setCommentMarker('#')
          .setIgnoreEmptyLines(true)
          .setHeader()
          .setSkipHeaderRecord(true)
          .get();

  static final long PAUSE_MS = 50;

  @Parameters(index = "0", paramLabel = "TOKEN", description = "a viewer's access token")
  String token;

  @Parameters(index = "1", paramLabel = "OUT_TSV", description = "one answer per line")
  Path out;

  @Parameters(index = "2", paramLabel = "PRODUCTS_CSV", description = "the first 40 skus are read")
  Path products;

  @Parameters(
      index = "3..*",
      arity = "1..*",
      paramLabel = "BASE_URL",
      description = "query-api instances")
  List<String> bases;

  public static void main(String[] args) {
    System.exit(new CommandLine(new ClusterReader()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    List<String> skus;
    try (Reader in = Files.newBufferedReader(products, StandardCharsets.UTF_8)) {
      skus = PRODUCTS.parse(in).stream().map(p -> p.get("sku")).limit(40).toList();
    }
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Path stop = Path.of(out + ".stop");
    Map<String, Integer> counts = new TreeMap<>();
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
      while (!Files.exists(stop)) {
        for (String sku : skus) {
          for (String base : bases) {
            String line = read(http, base, sku, token);
            w.println(line);
            String[] f = line.split("\t");
            counts.merge(f[2] + ("true".equals(f[3]) ? " stale" : ""), 1, Integer::sum);
          }
          // ~40 reads/s: enough to see every move, without taking the CPU the restarted JVMs need
          Thread.sleep(PAUSE_MS);
        }
        w.flush();
      }
    }
    System.out.println("cluster-reader: answers by status " + counts);
    return 0;
  }

  static String read(HttpClient http, String base, String sku, String token) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + "/api/stock/" + sku + "?branch=central"))
            .timeout(Duration.ofSeconds(5))
            .header("Authorization", "Bearer " + token)
            .GET()
            .build();
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      String onHand = r.statusCode() == 200 ? onHand(r.body()) : "-";
      boolean stale = r.headers().firstValue("X-Stale").map("true"::equalsIgnoreCase).orElse(false);
      return String.join(
          "\t",
          base,
          sku,
          String.valueOf(r.statusCode()),
          String.valueOf(stale),
          onHand,
          r.headers().firstValue("Retry-After").orElse("-"));
    } catch (java.io.IOException e) {
      // the instance is down (killed, restarting): no answer is not a wrong answer
      return String.join("\t", base, sku, "0", "false", "-", "-");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while reading " + sku + " from " + base, e);
    }
  }

  /** The onHand of a stock answer as written, or "-" when it has none (ReadAudit flags the 200). */
  static String onHand(String body) {
    try {
      JsonNode onHand = JSON.readTree(body).path("onHand");
      return onHand.isNumber() ? onHand.decimalValue().toPlainString() : "-";
    } catch (JacksonException notJson) {
      return "-";
    }
  }
}
