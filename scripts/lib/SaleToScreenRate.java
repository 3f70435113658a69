import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sale-to-screen under a steady till load: RATE sales/s for SECONDS, each a one-line sale of a sku
 * of branch "central" that has no sale in flight, measured from POST /api/sales answering 202
 * (ingest, :8081) until the dashboard's live stream (GET /api/events on query-api, :8080) shows
 * that sku's new on-hand (0 when the event beats the 202 to the client), and also from the moment
 * the POST was sent. Needs the write rate limit raised above RATE
 * (ALMACEN_SECURITY_RATELIMIT_WRITESPERMINUTE). java -cp "$TOOLS_CP" SaleToScreenRate TOKEN RATE
 * SECONDS (TOOLS_CP from scripts/lib/tools.sh)
 */
@Command(
    name = "SaleToScreenRate",
    mixinStandardHelpOptions = true,
    description =
        "Sale-to-screen under a steady till load: RATE one-line sales/s for SECONDS, each timed"
            + " until the dashboard's live stream shows the sku's new on-hand.")
public class SaleToScreenRate implements Callable<Integer> {

  static final JsonMapper JSON = JsonMapper.builder().build();

  record Sale(String saleId, String branch, String soldAt, List<SaleLine> lines) {}

  record SaleLine(String sku, int qty, BigDecimal unitPrice) {}

  @Parameters(index = "0", paramLabel = "TOKEN", description = "an admin's access token")
  String token;

  @Parameters(index = "1", paramLabel = "RATE", description = "sales per second")
  int rate;

  @Parameters(index = "2", paramLabel = "SECONDS", description = "how long to measure")
  int seconds;

  @Option(
      names = "--bench-skus",
      paramLabel = "N",
      description =
          "sell BENCH-00001..BENCH-N (catalogued first, e.g. by scripts/bench-screen) instead of the"
              + " skus central has stock of (at most 500): more skus, more sales in flight")
  int benchSkus;

  @Option(
      names = "--senders",
      paramLabel = "THREADS",
      defaultValue = "32",
      description = "sales sent at once at most (each waits for its 202)")
  int senders;

  /**
   * One sale in flight; the live event may reach us before the 202 does, so either side can finish
   * it.
   */
  static final class Pending {
    final double target;
    final long sentNanos = System.nanoTime();
    long acceptedNanos = -1;
    long seenNanos = -1;

    Pending(double target) {
      this.target = target;
    }

    /** Returns the latency in ms once both the 202 and the event are in, else -1. */
    synchronized double accepted(long nanos) {
      acceptedNanos = nanos;
      return latency();
    }

    synchronized double seen(long nanos) {
      if (seenNanos < 0) {
        seenNanos = nanos;
      }
      return latency();
    }

    private double latency() {
      return acceptedNanos < 0 || seenNanos < 0 ? -1 : Math.max(0, seenNanos - acceptedNanos) / 1e6;
    }

    double fromSent() {
      return (seenNanos - sentNanos) / 1e6;
    }
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new SaleToScreenRate()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8)).build();
    Map<String, Double> onHand = new ConcurrentHashMap<>();
    Map<String, Pending> inFlight = new ConcurrentHashMap<>();
    List<Double> millis = Collections.synchronizedList(new ArrayList<>());
    List<Double> fromSent = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger refused = new AtomicInteger();

    Thread listener =
        new Thread(() -> listen(http, token, onHand, inFlight, millis, fromSent), "sse");
    listener.setDaemon(true);
    listener.start();
    Thread.sleep(500);
    // warm-up: one sale per sku so the live stream has told us every on-hand before measuring
    List<String> skus = benchSkus > 0 ? benchSkus(benchSkus) : skus(http, token);
    for (String sku : skus) {
      post(http, token, sku);
    }
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (onHand.size() < skus.size() && System.nanoTime() < until) {
      Thread.sleep(50);
    }
    System.err.printf(
        "%d skus known, measuring %d sales/s for %d s%n", onHand.size(), rate, seconds);

    ExecutorService senders = Executors.newFixedThreadPool(this.senders);
    long periodNanos = 1_000_000_000L / rate;
    long start = System.nanoTime();
    int total = rate * seconds;
    CountDownLatch sent = new CountDownLatch(total);
    int next = 0;
    for (int i = 0; i < total; i++) {
      long due = start + i * periodNanos;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      String sku = null;
      for (int tries = 0; tries < skus.size() && sku == null; tries++) {
        String candidate = skus.get(next++ % skus.size());
        if (onHand.containsKey(candidate) && !inFlight.containsKey(candidate)) {
          sku = candidate;
        }
      }
      if (sku == null) {
        System.err.println("every sku has a sale in flight");
        refused.incrementAndGet();
        sent.countDown();
        continue;
      }
      String chosen = sku;
      Pending pending = new Pending(onHand.get(chosen) - 1);
      inFlight.put(chosen, pending);
      senders.execute(
          () -> {
            try {
              int status = post(http, token, chosen);
              if (status == 202) {
                double ms = pending.accepted(System.nanoTime());
                if (ms >= 0) {
                  millis.add(ms);
                  fromSent.add(pending.fromSent());
                  inFlight.remove(chosen);
                }
              } else {
                inFlight.remove(chosen);
                refused.incrementAndGet();
                System.err.println("refused: HTTP " + status);
              }
            } catch (Exception e) {
              inFlight.remove(chosen);
              refused.incrementAndGet();
              System.err.println("not sent: " + e);
            } finally {
              sent.countDown();
            }
          });
    }
    sent.await();
    double offered = total / ((System.nanoTime() - start) / 1e9);
    until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!inFlight.isEmpty() && System.nanoTime() < until) {
      Thread.sleep(20);
    }
    senders.shutdown();
    List<Double> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    int n = sorted.size();
    System.out.printf(
        "sale-to-screen at %d sales/s (offered %.0f/s) over %d s: %d measured, %d not sent or refused,"
            + " %d never seen; p50 %.0f ms, p90 %.0f ms, p99 %.0f ms, max %.0f ms%n",
        rate,
        offered,
        seconds,
        n,
        refused.get(),
        inFlight.size(),
        sorted.get(n / 2),
        sorted.get((int) (n * 0.9)),
        sorted.get(Math.min(n - 1, (int) (n * 0.99))),
        sorted.get(n - 1));
    List<Double> whole = new ArrayList<>(fromSent);
    Collections.sort(whole);
    System.out.printf(
        "  from the POST being sent (HTTP round trip included): p50 %.0f ms, p90 %.0f ms, p99 %.0f ms,"
            + " max %.0f ms%n",
        whole.get(n / 2),
        whole.get((int) (n * 0.9)),
        whole.get(Math.min(n - 1, (int) (n * 0.99))),
        whole.get(n - 1));
    return 0;
  }

  static void listen(
      HttpClient http,
      String token,
      Map<String, Double> onHand,
      Map<String, Pending> inFlight,
      List<Double> millis,
      List<Double> fromSent) {
    try {
      HttpResponse<InputStream> r =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:8080/api/events"))
                  .header("Authorization", "Bearer " + token)
                  .build(),
              HttpResponse.BodyHandlers.ofInputStream());
      BufferedReader in =
          new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8));
      String line;
      while ((line = in.readLine()) != null) {
        // the stream's framing is plain lines; each event's payload is one JSON data line
        if (!line.startsWith("data:")) {
          continue;
        }
        long now = System.nanoTime();
        JsonNode event = JSON.readTree(line.substring("data:".length()));
        String key = event.path("key").asString();
        if (!key.startsWith("central|") || !event.path("onHand").isNumber()) {
          continue;
        }
        String sku = key.substring("central|".length());
        double value = event.path("onHand").doubleValue();
        onHand.put(sku, value);
        Pending p = inFlight.get(sku);
        if (p != null && value <= p.target) {
          double ms = p.seen(now);
          if (ms >= 0) {
            millis.add(ms);
            fromSent.add(p.fromSent());
            inFlight.remove(sku);
          }
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException("event stream failed", e);
    }
  }

  static List<String> benchSkus(int n) {
    List<String> skus = new ArrayList<>();
    for (int k = 1; k <= n; k++) {
      skus.add(String.format("BENCH-%05d", k));
    }
    return skus;
  }

  static List<String> skus(HttpClient http, String token) throws Exception {
    String body =
        http.send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:8080/api/stock?branch=central&size=500"))
                    .header("Authorization", "Bearer " + token)
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    LinkedHashSet<String> skus = new LinkedHashSet<>();
    JSON.readTree(body).path("items").forEach(item -> skus.add(item.path("sku").asString()));
    return new ArrayList<>(skus);
  }

  static int post(HttpClient http, String token, String sku) throws Exception {
    String sale =
        JSON.writeValueAsString(
            new Sale(
                "RATE-" + System.nanoTime() + "-" + sku,
                "central",
                OffsetDateTime.now().toString(),
                List.of(new SaleLine(sku, 1, new BigDecimal("100.00")))));
    return http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:8081/api/sales"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(sale))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
