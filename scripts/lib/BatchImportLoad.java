import java.io.IOException;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Concurrent tills importing CSV batches of sales while ingest-ocr is killed under them: a batch
 * that gets no answer (connection refused or reset, a 5xx) is sent again with the same sale ids
 * until it is answered 202, as a till would. Every sale of a batch answered 202 is written to
 * OUT_FILE ({@code sale <TAB> id <TAB> sku <TAB> 1}); ExactlyOnce then checks each has one ledger
 * entry.
 *
 * <p>java -cp "$TOOLS_CP" BatchImportLoad INGEST_URL TOKEN TILLS BATCHES SALES_PER_BATCH OUT_FILE
 * PRODUCTS_CSV (TOOLS_CP from scripts/lib/tools.sh)
 */
@Command(
    name = "BatchImportLoad",
    mixinStandardHelpOptions = true,
    description =
        "Concurrent tills importing CSV batches of sales, each batch sent again until answered 202;"
            + " the sales of the answered batches go to OUT_FILE.")
public class BatchImportLoad implements Callable<Integer> {

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

  /** The body of POST /api/sales/batch. */
  static final CSVFormat BATCH =
      CSVFormat.RFC4180
          .builder()
          .setRecordSeparator('\n')
          .setHeader("saleId", "branch", "soldAt", "sku", "qty", "unitPrice")
          .get();

  @Parameters(
      index = "0",
      paramLabel = "INGEST_URL",
      description = "ingest-ocr, e.g. http://127.0.0.1:8081")
  String url;

  @Parameters(index = "1", paramLabel = "TOKEN", description = "an admin's access token")
  String token;

  @Parameters(index = "2", paramLabel = "TILLS", description = "concurrent tills")
  int tills;

  @Parameters(index = "3", paramLabel = "BATCHES", description = "batches per till")
  int batches;

  @Parameters(index = "4", paramLabel = "SALES_PER_BATCH", description = "one-line sales per batch")
  int perBatch;

  @Parameters(
      index = "5",
      paramLabel = "OUT_FILE",
      description = "the sales of the answered batches")
  Path out;

  @Parameters(index = "6", paramLabel = "PRODUCTS_CSV", description = "the skus sold")
  Path products;

  private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(180);

  public static void main(String[] args) {
    System.exit(new CommandLine(new BatchImportLoad()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    List<String> skus;
    try (Reader in = Files.newBufferedReader(products, StandardCharsets.UTF_8)) {
      skus = PRODUCTS.parse(in).stream().map(p -> p.get("sku")).toList();
    }
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
                    StringBuilder csv = new StringBuilder();
                    CSVPrinter rows = BATCH.print(csv);
                    List<String> lines = new ArrayList<>();
                    for (int i = 1; i <= perBatch; i++) {
                      String saleId = "IK-" + t + "-" + b + "-" + i;
                      String sku = skus.get((t * 7919 + b * 104729 + i) % skus.size());
                      rows.printRecord(
                          saleId, "central", "2026-01-15T10:00:00-03:00", sku, 1, "100.00");
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
    return 0;
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
      } catch (IOException e) {
        status = -1;
        body = e.toString();
      }
      if (status == 202) {
        if (!noneRejected(body)) {
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

  /** Whether a 202 answer lists no rejected row (a body that is not JSON is a failure too). */
  static boolean noneRejected(String body) {
    try {
      JsonNode rejected = JSON.readTree(body).path("rejected");
      return rejected.isArray() && rejected.isEmpty();
    } catch (JacksonException notJson) {
      return false;
    }
  }
}
