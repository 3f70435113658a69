import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Steady write load for the fault suite: sales (one line each) and typed invoices (one line,
 * CONFIRMED) posted to ingest-ocr while the suite kills services and restarts the broker. A request
 * is retried with the same business id until it is acknowledged (202; 200 duplicate), so every id
 * in the output file was acknowledged exactly as a till would see it. Stays under the write rate
 * limit (600/min per client).
 *
 * <p>java scripts/lib/FaultLoad.java INGEST_URL TOKEN MAX_SECONDS OUT_FILE PRODUCTS_CSV
 *
 * <p>The load stops after MAX_SECONDS or as soon as the file OUT_FILE.stop exists (the suite's
 * faults are done).
 *
 * <p>OUT_FILE lines: {@code sale|invoice <TAB> id <TAB> sku <TAB> qty}.
 */
public class FaultLoad {

  static final Pattern INVOICE_ID = Pattern.compile("\"invoiceId\"\\s*:\\s*\"([^\"]+)\"");
  static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");
  static final ZoneId BUENOS_AIRES = ZoneId.of("America/Argentina/Buenos_Aires");

  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  final String base;
  final String token;
  final Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
  final AtomicLong retries = new AtomicLong();
  final AtomicLong gaveUp = new AtomicLong();

  FaultLoad(String base, String token) {
    this.base = base;
    this.token = token;
  }

  public static void main(String[] args) throws Exception {
    FaultLoad load = new FaultLoad(args[0], args[1]);
    int seconds = Integer.parseInt(args[2]);
    Path out = Path.of(args[3]);
    List<String> skus =
        Files.readAllLines(Path.of(args[4])).stream()
            .map(l -> l.split(";")[0].trim())
            .filter(s -> s.matches("[A-Z][A-Z0-9_-]*"))
            .limit(40)
            .toList();
    String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    ExecutorService workers = Executors.newFixedThreadPool(8);
    AtomicInteger sales = new AtomicInteger();
    AtomicInteger invoices = new AtomicInteger();
    long started = System.nanoTime();
    long end = started + TimeUnit.SECONDS.toNanos(seconds);
    try (PrintWriter acked = new PrintWriter(Files.newBufferedWriter(out), true)) {
      long tick = 0;
      Path stop = Path.of(args[3] + ".stop");
      while (System.nanoTime() < end && !Files.exists(stop)) {
        String sku = skus.get((int) (tick % skus.size()));
        if (tick % 12 == 11) {
          int n = invoices.incrementAndGet();
          workers.submit(() -> load.invoice(n, sku, acked));
        } else {
          String saleId = "FS-" + run + "-S" + sales.incrementAndGet();
          workers.submit(() -> load.sale(saleId, sku, acked));
        }
        tick++;
        Thread.sleep(
            160); // ~6 writes/s: well under 600/min, so a 429 means a burst after an outage
      }
      workers.shutdown();
      if (!workers.awaitTermination(150, TimeUnit.SECONDS)) {
        System.err.println("fault-load: requests still retrying after 150 s");
        workers.shutdownNow();
      }
    }
    System.out.printf(
        "fault-load: %d sales and %d invoices sent in %d s; answers %s; retries %d; gave up %d%n",
        sales.get(),
        invoices.get(),
        (System.nanoTime() - started) / 1_000_000_000L,
        new TreeMap<>(load.statuses),
        load.retries.get(),
        load.gaveUp.get());
    if (load.gaveUp.get() > 0) {
      System.exit(1);
    }
  }

  void sale(String saleId, String sku, PrintWriter acked) {
    String body =
        "{\"saleId\":\""
            + saleId
            + "\",\"branch\":\"central\",\"soldAt\":\""
            + OffsetDateTime.now(BUENOS_AIRES)
            + "\",\"lines\":[{\"sku\":\""
            + sku
            + "\",\"qty\":1,\"unitPrice\":100.00}]}";
    HttpResponse<String> r = postUntilAcknowledged("/api/sales", body);
    if (r != null) {
      synchronized (acked) {
        acked.println("sale\t" + saleId + "\t" + sku + "\t1");
      }
    }
  }

  void invoice(int number, String sku, PrintWriter acked) {
    String body =
        "{\"supplier\":{\"cuit\":\"30-71234567-1\",\"name\":\"Distribuidora Fallas\"},\"type\":\"A\","
            + "\"pointOfSale\":77,\"number\":"
            + number
            + ",\"issueDate\":\""
            + LocalDate.now(BUENOS_AIRES)
            + "\","
            + "\"branch\":\"central\",\"pricesIncludeIva\":false,\"lines\":[{\"sku\":\""
            + sku
            + "\",\"supplierCode\":\"F"
            + number
            + "\",\"description\":\"Reposicion de prueba\",\"qty\":10,\"unitCost\":100.00,\"ivaRatePct\":21,"
            + "\"lineTotal\":1000.00}],\"netTotal\":1000.00,\"ivaTotal\":210.00,\"otherTaxes\":0,\"total\":1210.00}";
    HttpResponse<String> r = postUntilAcknowledged("/api/invoices", body);
    if (r == null) {
      return;
    }
    Matcher id = INVOICE_ID.matcher(r.body());
    Matcher status = STATUS.matcher(r.body());
    if (!id.find() || !status.find() || !status.group(1).equals("CONFIRMED")) {
      System.err.println("fault-load: invoice " + number + " not confirmed: " + r.body());
      gaveUp.incrementAndGet();
      return;
    }
    synchronized (acked) {
      acked.println("invoice\t" + id.group(1) + "\t" + sku + "\t10");
    }
  }

  /** Retries (same body, same business id) on no answer, 5xx and 429 for up to two minutes. */
  HttpResponse<String> postUntilAcknowledged(String path, String body) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    String last = "";
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        statuses
            .computeIfAbsent(String.valueOf(r.statusCode()), k -> new AtomicInteger())
            .incrementAndGet();
        if (r.statusCode() == 202 || r.statusCode() == 200) {
          return r;
        }
        last = r.statusCode() + " " + r.body();
        if (r.statusCode() != 503 && r.statusCode() != 429 && r.statusCode() < 500) {
          System.err.println("fault-load: refused " + path + ": " + last);
          gaveUp.incrementAndGet();
          return null;
        }
        Thread.sleep(
            1000L * Math.min(5, Long.parseLong(r.headers().firstValue("Retry-After").orElse("1"))));
      } catch (IOException e) {
        statuses.computeIfAbsent("no-answer", k -> new AtomicInteger()).incrementAndGet();
        last = e.toString();
        sleep(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
      retries.incrementAndGet();
    }
    System.err.println("fault-load: gave up on " + path + " after 120 s: " + last);
    gaveUp.incrementAndGet();
    return null;
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
