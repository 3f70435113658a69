import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * Exit 0 when nothing failed.
 */
public class ReadAudit {

  static final Pattern ON_HAND = Pattern.compile("\"onHand\"\\s*:\\s*(-?[0-9.]+)");
  static final Pattern ITEM =
      Pattern.compile(
          "\\{[^{}]*\"branch\"\\s*:\\s*\"([^\"]+)\"[^{}]*\"sku\"\\s*:\\s*\"([^\"]+)\"[^{}]*\"onHand\"\\s*:\\s*(-?[0-9.]+)");

  public static void main(String[] args) throws Exception {
    int failures =
        switch (args[0]) {
          case "history" -> history(Path.of(args[1]), Path.of(args[2]));
          case "final" ->
              finalState(Path.of(args[1]), args[2], List.of(args).subList(3, args.length));
          default -> throw new IllegalArgumentException("history or final, got " + args[0]);
        };
    System.exit(failures == 0 ? 0 : 1);
  }

  static int history(Path reads, Path ledger) throws Exception {
    Map<String, Set<BigDecimal>> held = new HashMap<>();
    for (String line : Files.readAllLines(ledger).stream().skip(1).toList()) {
      // occurredAt,branch,sku,type,delta,before,after,unitCost,sourceRef,sequence,movementId
      String[] f = line.split(",", -1);
      if (!"central".equals(f[1])) {
        continue;
      }
      Set<BigDecimal> values = held.computeIfAbsent(f[2], k -> new HashSet<>());
      values.add(number(f[5]));
      values.add(number(f[6]));
    }
    int impossible = 0;
    int badStatus = 0;
    long answers = 0;
    long stale = 0;
    for (String line : Files.readAllLines(reads)) {
      String[] f = line.split("\t", -1);
      if (f.length < 6) {
        continue; // the last line, cut when the reader was stopped
      }
      answers++;
      String status = f[2];
      if ("200".equals(status)) {
        stale += "true".equals(f[3]) ? 1 : 0;
        BigDecimal onHand = number(f[4]);
        Set<BigDecimal> values = held.getOrDefault(f[1], Set.of(BigDecimal.ZERO));
        if (!values.contains(onHand)) {
          impossible++;
          System.err.println(
              "impossible read: "
                  + f[0]
                  + " "
                  + f[1]
                  + " onHand "
                  + f[4]
                  + " (stale "
                  + f[3]
                  + "); the ledger never held it");
        }
      } else if (!"0".equals(status) && !("503".equals(status) && !"-".equals(f[5]))) {
        badStatus++;
        System.err.println("unexpected answer: " + line);
      }
    }
    System.out.printf(
        "read audit: %d answers (%d marked X-Stale), %d impossible values, %d unexpected answers%n",
        answers, stale, impossible, badStatus);
    return impossible + badStatus;
  }

  static int finalState(Path replayJson, String token, List<String> bases) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Matcher items = ITEM.matcher(Files.readString(replayJson));
    int wrong = 0;
    int checked = 0;
    while (items.find()) {
      if (!"central".equals(items.group(1))) {
        continue;
      }
      String sku = items.group(2);
      BigDecimal expected = number(items.group(3));
      for (String base : bases) {
        HttpRequest request =
            HttpRequest.newBuilder(URI.create(base + "/api/stock/" + sku + "?branch=central"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        Matcher m = ON_HAND.matcher(r.body());
        boolean stale = r.headers().firstValue("X-Stale").isPresent();
        if (r.statusCode() != 200
            || stale
            || !m.find()
            || number(m.group(1)).compareTo(expected) != 0) {
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
    return checked == 0 ? 1 : wrong;
  }

  static BigDecimal number(String text) {
    return new BigDecimal(text.strip()).stripTrailingZeros();
  }
}
