import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Concurrent tills importing CSV batches of sales while ingest-ocr is killed under them: a batch
 * that gets no answer (connection refused or reset, a 5xx) is sent again with the same sale ids
 * until it is answered 202, as a till would. Every sale of a batch answered 202 is written to
 * OUT_FILE ({@code sale <TAB> id <TAB> sku <TAB> 1}); ExactlyOnce then checks each has one ledger
 * entry.
 *
 * <p>java scripts/lib/BatchImportLoad.java INGEST_URL TOKEN TILLS BATCHES SALES_PER_BATCH OUT_FILE
 * PRODUCTS_CSV
 */
public class BatchImportLoad {

  private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(180);

  public static void main(String[] args) throws Exception {
    String url = args[0];
    String token = args[1];
    int tills = Integer.parseInt(args[2]);
    int batches = Integer.parseInt(args[3]);
    int perBatch = Integer.parseInt(args[4]);
    Path out = Path.of(args[5]);
    List<String> skus =
        Files.readAllLines(Path.of(args[6])).stream()
            .filter(l -> !l.startsWith("#") && !l.startsWith("sku;") && !l.isBlank())
            .map(l -> l.split(";")[0])
            .toList();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    AtomicInteger retries = new AtomicInteger();
    AtomicInteger answered = new AtomicInteger();
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(tills);
    try (PrintWriter acked = new PrintWriter(Files.newBufferedWriter(out), true)) {
      List<Future<?>> work = new ArrayList<>();
      for (int till = 1; till <= tills; till++) {
        int t = till;
        work.add(
            pool.submit(
                () -> {
                  for (int b = 1; b <= batches; b++) {
                    StringBuilder csv =
                        new StringBuilder("saleId,branch,soldAt,sku,qty,unitPrice\n");
                    List<String> lines = new ArrayList<>();
                    for (int i = 1; i <= perBatch; i++) {
                      String saleId = "IK-" + t + "-" + b + "-" + i;
                      String sku = skus.get((t * 7919 + b * 104729 + i) % skus.size());
                      csv.append(saleId)
                          .append(",central,2026-01-15T10:00:00-03:00,")
                          .append(sku)
                          .append(",1,100.00\n");
                      lines.add("sale\t" + saleId + "\t" + sku + "\t1");
                    }
                    send(http, url, token, csv.toString(), retries);
                    answered.incrementAndGet();
                    synchronized (acked) {
                      lines.forEach(acked::println);
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : work) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    System.out.printf(
        "batch imports: %d tills x %d batches x %d sales answered 202 in %.1f s, %d re-sent after no answer%n",
        tills, batches, perBatch, (System.nanoTime() - start) / 1e9, retries.get());
  }

  /**
   * Sends until 202; any other answer than 202, 429 or a 5xx/no answer is a failure of the test.
   */
  private static void send(
      HttpClient http, String url, String token, String csv, AtomicInteger retries)
      throws Exception {
    long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
    while (true) {
      int status;
      String body;
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create(url + "/api/sales/batch"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofString(csv))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        status = r.statusCode();
        body = r.body();
      } catch (java.io.IOException e) {
        status = -1;
        body = e.toString();
      }
      if (status == 202) {
        if (!body.contains("\"rejected\":[]")) {
          throw new IllegalStateException("a batch had rejected rows: " + body);
        }
        return;
      }
      if (status != -1 && status != 429 && status < 500) {
        throw new IllegalStateException("unexpected answer " + status + ": " + body);
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "no 202 within " + GIVE_UP_AFTER + ", last " + status + ": " + body);
      }
      retries.incrementAndGet();
      Thread.sleep(500);
    }
  }
}
