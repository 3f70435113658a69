import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Read-your-writes: time from POST /api/sales answering 202 (ingest, :8081) until GET
 * /api/stock/{sku} (query-api, :8080) shows the new on-hand — the path ingest → stream-inventory
 * commit → query-api materialisation. java scripts/lib/SaleToScreen.java TOKEN SKU COUNT
 */
public class SaleToScreen {
  static final Pattern ON_HAND = Pattern.compile("\"onHand\":(-?[0-9.]+)");

  public static void main(String[] args) throws Exception {
    String token = args[0];
    String sku = args[1];
    int count = Integer.parseInt(args[2]);
    HttpClient http = HttpClient.newHttpClient();
    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      double before = onHand(http, token, sku);
      String sale =
          "{\"saleId\":\"LAT-"
              + System.nanoTime()
              + "\",\"branch\":\"central\",\"soldAt\":\""
              + OffsetDateTime.now()
              + "\",\"lines\":[{\"sku\":\""
              + sku
              + "\",\"qty\":1,\"unitPrice\":100.00}]}";
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
  }

  static double onHand(HttpClient http, String token, String sku) throws Exception {
    String body =
        http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:8080/api/stock/" + sku))
                    .header("Authorization", "Bearer " + token)
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Matcher m = ON_HAND.matcher(body);
    if (!m.find()) {
      throw new IllegalStateException("no onHand in " + body);
    }
    return Double.parseDouble(m.group(1));
  }
}
