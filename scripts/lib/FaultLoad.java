import java.io.IOException;
import java.io.PrintWriter;
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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.csv.CSVFormat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Steady write load for the fault suite: sales (one line each) and typed invoices (one line,
 * CONFIRMED) posted to ingest-ocr while the suite kills services and restarts the broker. A request
 * is retried with the same business id until it is acknowledged (202; 200 duplicate), so every id
 * in the output file was acknowledged exactly as a till would see it. Stays under the write rate
 * limit (600/min per client).
 *
 * <p>java -cp "$TOOLS_CP" FaultLoad INGEST_URL TOKEN MAX_SECONDS OUT_FILE PRODUCTS_CSV (TOOLS_CP
 * from scripts/lib/tools.sh)
 *
 * <p>The load stops after MAX_SECONDS or as soon as the file OUT_FILE.stop exists (the suite's
 * faults are done).
 *
 * <p>OUT_FILE lines: {@code sale|invoice <TAB> id <TAB> sku <TAB> qty}.
 */
@Command(
    name = "FaultLoad",
    mixinStandardHelpOptions = true,
    description =
        "Steady sales and invoices on ingest-ocr, each retried with its id until acknowledged;"
            + " the acknowledged ones go to OUT_FILE. Exit 1 when one was given up.")
public class FaultLoad implements Callable<Integer> {

  static final JsonMapper JSON = JsonMapper.builder().build();

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

  static final ZoneId BUENOS_AIRES = ZoneId.of("America/Argentina/Buenos_Aires");

  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  final Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
  final AtomicLong retries = new AtomicLong();
  final AtomicLong gaveUp = new AtomicLong();

  @Parameters(
      index = "0",
      paramLabel = "INGEST_URL",
      description = "ingest-ocr, e.g. http://127.0.0.1:8081")
  String base;

  @Parameters(index = "1", paramLabel = "TOKEN", description = "an admin's access token")
  String token;

  @Parameters(index = "2", paramLabel = "MAX_SECONDS", description = "stop after this long at most")
  int seconds;

  @Parameters(
      index = "3",
      paramLabel = "OUT_FILE",
      description = "acknowledged requests; the load stops early once OUT_FILE.stop exists")
  Path out;

  @Parameters(index = "4", paramLabel = "PRODUCTS_CSV", description = "the first 40 skus are used")
  Path products;

  public static void main(String[] args) {
    System.exit(new CommandLine(new FaultLoad()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    FaultLoad load = this;
    List<String> skus;
    try (Reader in = Files.newBufferedReader(products, StandardCharsets.UTF_8)) {
      skus = PRODUCTS.parse(in).stream().map(p -> p.get("sku")).limit(40).toList();
    }
    String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    ExecutorService workers = Executors.newFixedThreadPool(8);
    AtomicInteger sales = new AtomicInteger();
    AtomicInteger invoices = new AtomicInteger();
    long started = System.nanoTime();
    long end = started + TimeUnit.SECONDS.toNanos(seconds);
    try (PrintWriter acked = new PrintWriter(Files.newBufferedWriter(out), true)) {
      long tick = 0;
      Path stop = Path.of(out + ".stop");
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
    return load.gaveUp.get() > 0 ? 1 : 0;
  }

  record Sale(String saleId, String branch, String soldAt, List<SaleLine> lines) {}

  record SaleLine(String sku, int qty, BigDecimal unitPrice) {}

  record Supplier(String cuit, String name) {}

  record InvoiceLine(
      String sku,
      String supplierCode,
      String description,
      int qty,
      BigDecimal unitCost,
      int ivaRatePct,
      BigDecimal lineTotal) {}

  record Invoice(
      Supplier supplier,
      String type,
      int pointOfSale,
      int number,
      String issueDate,
      String branch,
      boolean pricesIncludeIva,
      List<InvoiceLine> lines,
      BigDecimal netTotal,
      BigDecimal ivaTotal,
      BigDecimal otherTaxes,
      BigDecimal total) {}

  void sale(String saleId, String sku, PrintWriter acked) {
    String body =
        JSON.writeValueAsString(
            new Sale(
                saleId,
                "central",
                OffsetDateTime.now(BUENOS_AIRES).toString(),
                List.of(new SaleLine(sku, 1, new BigDecimal("100.00")))));
    HttpResponse<String> r = postUntilAcknowledged("/api/sales", body);
    if (r != null) {
      synchronized (acked) {
        acked.println("sale\t" + saleId + "\t" + sku + "\t1");
      }
    }
  }

  void invoice(int number, String sku, PrintWriter acked) {
    String body =
        JSON.writeValueAsString(
            new Invoice(
                new Supplier("30-71234567-1", "Distribuidora Fallas"),
                "A",
                77,
                number,
                LocalDate.now(BUENOS_AIRES).toString(),
                "central",
                false,
                List.of(
                    new InvoiceLine(
                        sku,
                        "F" + number,
                        "Reposicion de prueba",
                        10,
                        new BigDecimal("100.00"),
                        21,
                        new BigDecimal("1000.00"))),
                new BigDecimal("1000.00"),
                new BigDecimal("210.00"),
                BigDecimal.ZERO,
                new BigDecimal("1210.00")));
    HttpResponse<String> r = postUntilAcknowledged("/api/invoices", body);
    if (r == null) {
      return;
    }
    JsonNode answer = json(r.body());
    String id = answer.path("invoiceId").asString("");
    if (id.isEmpty() || !answer.path("status").asString("").equals("CONFIRMED")) {
      System.err.println("fault-load: invoice " + number + " not confirmed: " + r.body());
      gaveUp.incrementAndGet();
      return;
    }
    synchronized (acked) {
      acked.println("invoice\t" + id + "\t" + sku + "\t10");
    }
  }

  /** An answer as JSON, or an empty object when it is not JSON (the caller prints the body). */
  static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (JacksonException notJson) {
      return JSON.createObjectNode();
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
