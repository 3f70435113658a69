import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Seeds the demo shop through the same write API a real shop uses (ingest-ocr on 8081): the
 * catalogue, the INDEC inflation series, a few supplier invoices and a few days of till sales. Run
 * by scripts/run-local on first start: java scripts/demo/DemoSeed.java BASE_URL TOKEN DIR
 */
public class DemoSeed {

  static final ZoneId BA = ZoneId.of("America/Argentina/Buenos_Aires");
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static String base;
  static String token;

  record Product(
      String sku,
      String name,
      String category,
      String ean,
      String unit,
      int minStock,
      int maxStock,
      BigDecimal iva,
      BigDecimal cost) {}

  public static void main(String[] args) throws Exception {
    base = args[0];
    token = args[1];
    Path dir = Path.of(args[2]);
    Random random = new Random(2026);
    List<Product> products = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve("products.csv"))) {
      if (line.startsWith("#") || line.startsWith("sku;")) {
        continue;
      }
      String[] f = line.split(";", -1);
      BigDecimal cost = baseCost(f[2], random);
      products.add(
          new Product(
              f[0],
              f[1],
              f[2],
              f[3],
              f[4],
              Integer.parseInt(f[5]),
              Integer.parseInt(f[6]),
              new BigDecimal(f[7]),
              cost));
    }
    for (Product p : products) {
      String json =
          "{\"name\":"
              + q(p.name)
              + ",\"category\":"
              + q(p.category)
              + (p.ean.isEmpty() ? "" : ",\"ean\":" + q(p.ean))
              + ",\"unit\":"
              + q(p.unit)
              + ",\"minStock\":"
              + p.minStock
              + ",\"maxStock\":"
              + p.maxStock
              + ",\"ivaRatePct\":"
              + p.iva
              + ",\"active\":true}";
      send(
          "PUT",
          "/api/products/" + URLEncoder.encode(p.sku, StandardCharsets.UTF_8),
          "application/json",
          json);
    }
    System.err.println("catalogue: " + products.size() + " products");

    StringBuilder csv = new StringBuilder();
    for (String line : Files.readAllLines(dir.resolve("inflation.csv"))) {
      if (!line.startsWith("#")) {
        csv.append(line).append('\n');
      }
    }
    send("POST", "/api/inflation", "text/csv", csv.toString());
    System.err.println("inflation series: loaded");

    LocalDate today = LocalDate.now(BA);
    String[][] suppliers = {
      {cuit("30-71523456"), "Distribuidora Mayorista del Sur S.A.", "A"},
      {cuit("30-70987654"), "Lácteos y Fiambres La Pampa S.R.L.", "A"},
      {cuit("20-28765432"), "Verdulería y Panadería Don José", "C"},
    };
    int number = 1200;
    for (int s = 0; s < suppliers.length; s++) {
      for (int part = 0; part < 2; part++) {
        List<Product> lines = new ArrayList<>();
        for (int i = 0; i < products.size(); i++) {
          Product p = products.get(i);
          boolean fresh = p.category.equals("Verdulería") || p.category.equals("Panadería");
          boolean dairy = p.category.equals("Lácteos") || p.category.equals("Fiambrería");
          boolean mine = s == 2 ? fresh : s == 1 ? dairy : !fresh && !dairy;
          if (mine && i % 2 == part) {
            lines.add(p);
          }
        }
        send(
            "POST",
            "/api/invoices",
            "application/json",
            invoice(suppliers[s], number++, today.minusDays(5 - part), lines, random));
      }
    }
    System.err.println("invoices: " + number % 1200);

    int sales = 0;
    for (int day = 3; day >= 0; day--) {
      StringBuilder batch = new StringBuilder("[");
      boolean first = true;
      int perDay = 40 + random.nextInt(20);
      for (int n = 0; n < perDay; n++) {
        ZonedDateTime at =
            today.minusDays(day).atTime(8 + random.nextInt(12), random.nextInt(60)).atZone(BA);
        if (at.toInstant().isAfter(java.time.Instant.now())) {
          continue;
        }
        StringBuilder saleLines = new StringBuilder();
        int count = 1 + random.nextInt(4);
        for (int l = 0; l < count; l++) {
          Product p = products.get(random.nextInt(products.size()));
          String qty =
              p.unit.equals("KG")
                  ? BigDecimal.valueOf(200 + random.nextInt(1800), 3).toPlainString()
                  : String.valueOf(1 + random.nextInt(3));
          BigDecimal price =
              p.cost
                  .multiply(new BigDecimal("1.35"))
                  .multiply(BigDecimal.ONE.add(p.iva.movePointLeft(2)))
                  .setScale(-1, RoundingMode.CEILING)
                  .setScale(2);
          saleLines
              .append(l == 0 ? "" : ",")
              .append("{\"sku\":")
              .append(q(p.sku))
              .append(",\"qty\":")
              .append(qty)
              .append(",\"unitPrice\":")
              .append(price.toPlainString())
              .append('}');
        }
        batch
            .append(first ? "" : ",")
            .append("{\"saleId\":")
            .append(q("DEMO-" + today.minusDays(day) + "-" + n))
            .append(",\"branch\":\"central\",\"soldAt\":")
            .append(q(at.toOffsetDateTime().toString()))
            .append(",\"lines\":[")
            .append(saleLines)
            .append("]}");
        sales++;
        first = false;
      }
      batch.append(']');
      send("POST", "/api/sales/batch", "application/json", batch.toString());
    }
    System.err.println("sales: " + sales);
  }

  static String invoice(
      String[] supplier, int number, LocalDate date, List<Product> products, Random random) {
    boolean discriminated = supplier[2].equals("A");
    Map<BigDecimal, BigDecimal> netByRate = new TreeMap<>();
    BigDecimal net = BigDecimal.ZERO;
    StringBuilder lines = new StringBuilder();
    for (Product p : products) {
      BigDecimal qty =
          p.unit.equals("KG")
              ? BigDecimal.valueOf(5 + random.nextInt(10))
              : BigDecimal.valueOf(p.maxStock);
      BigDecimal unitCost =
          discriminated
              ? p.cost
              : p.cost
                  .multiply(BigDecimal.ONE.add(p.iva.movePointLeft(2)))
                  .setScale(2, RoundingMode.HALF_UP);
      BigDecimal lineTotal = qty.multiply(unitCost).setScale(2, RoundingMode.HALF_UP);
      net = net.add(lineTotal);
      netByRate.merge(p.iva, lineTotal, BigDecimal::add);
      lines
          .append(lines.length() == 0 ? "" : ",")
          .append("{\"sku\":")
          .append(q(p.sku))
          .append(",\"supplierCode\":")
          .append(q("P" + p.sku.substring(3)))
          .append(",\"description\":")
          .append(q(p.name))
          .append(",\"qty\":")
          .append(qty)
          .append(",\"unitCost\":")
          .append(unitCost.toPlainString())
          .append(",\"ivaRatePct\":")
          .append(p.iva)
          .append(",\"lineTotal\":")
          .append(lineTotal.toPlainString())
          .append('}');
    }
    BigDecimal iva = BigDecimal.ZERO;
    if (discriminated) {
      for (var e : netByRate.entrySet()) {
        iva =
            iva.add(
                e.getValue()
                    .multiply(e.getKey())
                    .movePointLeft(2)
                    .setScale(2, RoundingMode.HALF_UP));
      }
    }
    BigDecimal total = net.add(iva);
    return "{\"supplier\":{\"cuit\":"
        + q(supplier[0])
        + ",\"name\":"
        + q(supplier[1])
        + "},\"type\":"
        + q(supplier[2])
        + ",\"pointOfSale\":3,\"number\":"
        + number
        + ",\"issueDate\":"
        + q(date.toString())
        + ",\"cae\":\"7541234567890"
        + (number % 10)
        + "\",\"branch\":\"central\",\"pricesIncludeIva\":"
        + !discriminated
        + ",\"lines\":["
        + lines
        + "],\"netTotal\":"
        + net.toPlainString()
        + ",\"ivaTotal\":"
        + iva.toPlainString()
        + ",\"otherTaxes\":0.00,\"total\":"
        + total.toPlainString()
        + "}";
  }

  /** Unit cost (ARS, net of IVA) in a plausible 2026 range for the category. */
  static BigDecimal baseCost(String category, Random random) {
    int low =
        switch (category) {
          case "Bebidas" -> 900;
          case "Lácteos" -> 800;
          case "Fiambrería" -> 6000;
          case "Panadería" -> 1200;
          case "Verdulería" -> 700;
          case "Limpieza" -> 1100;
          case "Perfumería" -> 1500;
          case "Golosinas" -> 400;
          case "Congelados" -> 2500;
          case "Mascotas" -> 5000;
          default -> 700;
        };
    return BigDecimal.valueOf(low + random.nextInt(low * 2)).setScale(2);
  }

  /**
   * Completes a CUIT prefix (10 digits with dashes) with its mod-11 check digit, skipping dv 10.
   */
  static String cuit(String prefix) {
    String digits = prefix.replace("-", "");
    int[] w = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
    for (int bump = 0; ; bump++) {
      String d =
          digits.substring(0, 9) + ((Character.getNumericValue(digits.charAt(9)) + bump) % 10);
      int sum = 0;
      for (int i = 0; i < 10; i++) {
        sum += Character.getNumericValue(d.charAt(i)) * w[i];
      }
      int dv = 11 - sum % 11;
      if (dv == 10) {
        continue;
      }
      dv = dv == 11 ? 0 : dv;
      return d.substring(0, 2) + "-" + d.substring(2) + "-" + dv;
    }
  }

  static void send(String method, String path, String type, String body)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", type)
            .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(
          method + " " + path + " -> " + response.statusCode() + ": " + response.body());
    }
  }

  static String q(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
