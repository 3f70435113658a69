import java.io.Reader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The read side of cluster-check, two commands:
 *
 * <ul>
 *   <li>{@code history READS_TSV LEDGER_CSV}: every 200 answer ClusterReader saw must show an
 *       onHand the ledger has held for that sku at some moment (a {@code before} or {@code after}
 *       of one of its movements): an old value is possible (and marked X-Stale when it came from a
 *       standby), a value the sku never had is impossible (an empty standby's 0, a lost or doubled
 *       movement). Any answer other than 200, 503 with Retry-After, or no answer (the instance
 *       down) fails too.
 *   <li>{@code final REPLAY_JSON TOKEN BASE_URL...}: every sku of {@code scripts/replay stock
 *       --format json} (branch central) answers 200, not stale, with exactly the replayed onHand on
 *       every instance.
 * </ul>
 *
 * Exit 0 when nothing failed. java -cp "$TOOLS_CP" ReadAudit history|final ... (TOOLS_CP from
 * scripts/lib/tools.sh)
 */
@Command(
    name = "ReadAudit",
    mixinStandardHelpOptions = true,
    description = "Holds the reads of cluster-check against the ledger and the replayed stock.")
public class ReadAudit {

  static final JsonMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  /** ClusterReader's lines: base, sku, status, stale, onHand, retryAfter. */
  static final CSVFormat READS = CSVFormat.TDF;

  /** `scripts/replay ledger`: a header line, then one movement per line. */
  static final CSVFormat LEDGER =
      CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

  public static void main(String[] args) {
    System.exit(new CommandLine(new ReadAudit()).execute(args));
  }

  @Command(
      name = "history",
      description = "Every 200 answer shows a value the ledger held for that sku at some moment.")
  int history(
      @Parameters(paramLabel = "READS_TSV", description = "written by ClusterReader") Path reads,
      @Parameters(paramLabel = "LEDGER_CSV", description = "scripts/replay ledger") Path ledger)
      throws Exception {
    Map<String, Set<BigDecimal>> held = new HashMap<>();
    for (CSVRecord movement : read(ledger, LEDGER)) {
      if (!"central".equals(movement.get("branch"))) {
        continue;
      }
      Set<BigDecimal> values = held.computeIfAbsent(movement.get("sku"), k -> new HashSet<>());
      values.add(number(movement.get("before")));
      values.add(number(movement.get("after")));
    }
    int impossible = 0;
    int badStatus = 0;
    long answers = 0;
    long stale = 0;
    for (CSVRecord f : read(reads, READS)) {
      if (f.size() < 6) {
        continue; // the last line, cut when the reader was stopped
      }
      answers++;
      String status = f.get(2);
      if ("200".equals(status)) {
        stale += "true".equals(f.get(3)) ? 1 : 0;
        BigDecimal onHand = number(f.get(4));
        Set<BigDecimal> values = held.getOrDefault(f.get(1), Set.of(BigDecimal.ZERO));
        if (!values.contains(onHand)) {
          impossible++;
          System.err.println(
              "impossible read: "
                  + f.get(0)
                  + " "
                  + f.get(1)
                  + " onHand "
                  + f.get(4)
                  + " (stale "
                  + f.get(3)
                  + "); the ledger never held it");
        }
      } else if (!"0".equals(status) && !("503".equals(status) && !"-".equals(f.get(5)))) {
        badStatus++;
        System.err.println("unexpected answer: " + String.join("\t", f.toList()));
      }
    }
    System.out.printf(
        "read audit: %d answers (%d marked X-Stale), %d impossible values, %d unexpected answers%n",
        answers, stale, impossible, badStatus);
    return impossible + badStatus == 0 ? 0 : 1;
  }

  @Command(
      name = "final",
      description = "Every replayed sku of branch central answers exactly its replayed onHand.")
  int finalState(
      @Parameters(paramLabel = "REPLAY_JSON", description = "scripts/replay stock --format json")
          Path replayJson,
      @Parameters(paramLabel = "TOKEN", description = "a viewer's access token") String token,
      @Parameters(arity = "1..*", paramLabel = "BASE_URL", description = "query-api instances")
          List<String> bases)
      throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    int wrong = 0;
    int checked = 0;
    for (JsonNode item : JSON.readTree(replayJson.toFile()).path("items")) {
      if (!"central".equals(item.path("branch").asString())) {
        continue;
      }
      String sku = item.path("sku").asString();
      BigDecimal expected = item.path("onHand").decimalValue().stripTrailingZeros();
      for (String base : bases) {
        HttpRequest request =
            HttpRequest.newBuilder(URI.create(base + "/api/stock/" + sku + "?branch=central"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        boolean stale = r.headers().firstValue("X-Stale").isPresent();
        BigDecimal onHand = r.statusCode() == 200 && !stale ? onHand(r.body()) : null;
        if (onHand == null || onHand.compareTo(expected) != 0) {
          wrong++;
          System.err.printf(
              "%s %s: expected onHand %s, got %d%s %s%n",
              base,
              sku,
              expected.toPlainString(),
              r.statusCode(),
              stale ? " (stale)" : "",
              r.body().length() > 200 ? r.body().substring(0, 200) : r.body());
        }
        checked++;
      }
    }
    System.out.printf(
        "final state: %d reads of %d instance(s), %d differ from the replay%n",
        checked, bases.size(), wrong);
    return checked == 0 || wrong != 0 ? 1 : 0;
  }

  /** The onHand of a stock answer, or null when it has none (the body is printed as the miss). */
  static BigDecimal onHand(String body) {
    try {
      JsonNode onHand = JSON.readTree(body).path("onHand");
      return onHand.isNumber() ? onHand.decimalValue() : null;
    } catch (JacksonException notJson) {
      return null;
    }
  }

  static List<CSVRecord> read(Path file, CSVFormat format) throws Exception {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return format.parse(in).getRecords();
    }
  }

  static BigDecimal number(String text) {
    return new BigDecimal(text.strip()).stripTrailingZeros();
  }
}
