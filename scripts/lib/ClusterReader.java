import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads GET /api/stock/{sku} in turn from every query-api instance while cluster-check kills
 * things, and writes each answer, so that ReadAudit can later hold every value against the ledger.
 * The load's skus are read (the same 40 FaultLoad writes), branch central.
 *
 * <p>java scripts/lib/ClusterReader.java TOKEN OUT_TSV PRODUCTS_CSV BASE_URL...
 *
 * <p>Stops when OUT_TSV.stop exists. OUT_TSV lines: {@code base <TAB> sku <TAB> status <TAB> stale
 * <TAB> onHand <TAB> retryAfter} (status 0 = no answer: the instance is down; onHand "-" when there
 * is none).
 */
public class ClusterReader {

  static final Pattern ON_HAND = Pattern.compile("\"onHand\"\\s*:\\s*(-?[0-9.]+)");
  static final long PAUSE_MS = 50;

  public static void main(String[] args) throws Exception {
    String token = args[0];
    Path out = Path.of(args[1]);
    List<String> skus =
        Files.readAllLines(Path.of(args[2])).stream()
            .map(l -> l.split(";")[0].trim())
            .filter(s -> s.matches("[A-Z][A-Z0-9_-]*"))
            .limit(40)
            .toList();
    List<String> bases = List.of(args).subList(3, args.length);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Path stop = Path.of(args[1] + ".stop");
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
      Matcher m = ON_HAND.matcher(r.body());
      boolean stale = r.headers().firstValue("X-Stale").map("true"::equalsIgnoreCase).orElse(false);
      return String.join(
          "\t",
          base,
          sku,
          String.valueOf(r.statusCode()),
          String.valueOf(stale),
          r.statusCode() == 200 && m.find() ? m.group(1) : "-",
          r.headers().firstValue("Retry-After").orElse("-"));
    } catch (java.io.IOException e) {
      // the instance is down (killed, restarting): no answer is not a wrong answer
      return String.join("\t", base, sku, "0", "false", "-", "-");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while reading " + sku + " from " + base, e);
    }
  }
}
