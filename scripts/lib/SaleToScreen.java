import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Read-your-writes: time from POST /api/sales answering 202 (ingest, :8081) until GET
 * /api/stock/{sku} (query-api, :8080) shows the new on-hand — the path ingest → stream-inventory
 * commit → query-api materialisation. java -cp "$TOOLS_CP" SaleToScreen TOKEN SKU COUNT (TOOLS_CP
 * from scripts/lib/tools.sh)
 */
@Command(
    name = "SaleToScreen",
    mixinStandardHelpOptions = true,
    description =
        "Time from a sale answered 202 by ingest-ocr (:8081) until query-api (:8080) shows the"
            + " new on-hand, one sale at a time.")
public class SaleToScreen implements Callable<Integer> {

  static final JsonMapper JSON = JsonMapper.builder().build();

  record Sale(String saleId, String branch, String soldAt, List<SaleLine> lines) {}

  record SaleLine(String sku, int qty, BigDecimal unitPrice) {}

  @Parameters(index = "0", paramLabel = "TOKEN", description = "an admin's access token")
  String token;

  @Parameters(index = "1", paramLabel = "SKU", description = "the sku sold, branch central")
  String sku;

  @Parameters(index = "2", paramLabel = "COUNT", description = "sales to time")
  int count;

  public static void main(String[] args) {
    System.exit(new CommandLine(new SaleToScreen()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      double before = onHand(http, token, sku);
      String sale =
          JSON.writeValueAsString(
              new Sale(
                  "LAT-" + System.nanoTime(),
                  "central",
                  OffsetDateTime.now().toString(),
                  List.of(new SaleLine(sku, 1, new BigDecimal("100.00")))));
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:8081/api/sales"))
                  .header("Authorization", "Bearer " + token)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(sale))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 202) {
        throw new IllegalStateException("sale refused: " + r.statusCode() + " " + r.body());
      }
      long accepted = System.nanoTime();
      while (onHand(http, token, sku) != before - 1) {
        Thread.sleep(2);
      }
      millis.add((System.nanoTime() - accepted) / 1e6);
      Thread.sleep(50);
    }
    Collections.sort(millis);
    System.out.printf(
        "sale-to-screen over %d sales: p50 %.0f ms, p90 %.0f ms, p99 %.0f ms, max %.0f ms%n",
        count,
        millis.get(count / 2),
        millis.get((int) (count * 0.9)),
        millis.get(Math.min(count - 1, (int) (count * 0.99))),
        millis.get(count - 1));
    return 0;
  }

  static double onHand(HttpClient http, String token, String sku) throws Exception {
    String body =
        http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:8080/api/stock/" + sku))
                    .header("Authorization", "Bearer " + token)
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    JsonNode onHand = JSON.readTree(body).path("onHand");
    if (!onHand.isNumber()) {
      throw new IllegalStateException("no onHand in " + body);
    }
    return onHand.doubleValue();
  }
}
