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
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seeds the demo shop through the same write API a real shop uses (ingest-ocr on 8081): the
 * catalogue, the INDEC inflation series, a few supplier invoices and a few days of till sales. Run
 * by scripts/run-local on first start, on infra/replay's classpath (Jackson for the JSON, Commons
 * CSV for the catalogue): java -cp CP scripts/demo/DemoSeed.java BASE_URL TOKEN DIR
 */
public class DemoSeed {

  static final ZoneId BA = ZoneId.of("America/Argentina/Buenos_Aires");
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final JsonMapper JSON =
      JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

  /** products.csv: {@code ;}-separated, {@code #} comments, a header row naming the columns. */
  static final CSVFormat CATALOGUE =
      CSVFormat.DEFAULT
          .builder()
          .setDelimiter(';')
          .setCommentMarker('#')
          .setHeader()
          .setSkipHeaderRecord(true)
          .setIgnoreEmptyLines(true)
          .get();

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
    try (var reader =
        Files.newBufferedReader(dir.resolve("products.csv"), StandardCharsets.UTF_8)) {
      for (CSVRecord r : CATALOGUE.parse(reader)) {
        products.add(
            new Product(
                r.get("sku"),
                r.get("name"),
                r.get("category"),
                r.get("ean"),
                r.get("unit"),
                Integer.parseInt(r.get("minStock")),
                Integer.parseInt(r.get("maxStock")),
                new BigDecimal(r.get("ivaRatePct")),
                baseCost(r.get("category"), random)));
      }
    }
    for (Product p : products) {
      ObjectNode json = JSON.createObjectNode();
      json.put("name", p.name).put("category", p.category);
      if (!p.ean.isEmpty()) {
        json.put("ean", p.ean);
      }
      json.put("unit", p.unit)
          .put("minStock", p.minStock)
          .put("maxStock", p.maxStock)
          .put("ivaRatePct", p.iva)
          .put("active", true);
      send(
          "PUT",
          "/api/products/" + URLEncoder.encode(p.sku, StandardCharsets.UTF_8),
          "application/json",
          JSON.writeValueAsString(json));
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
      ArrayNode batch = JSON.createArrayNode();
      int perDay = 40 + random.nextInt(20);
      for (int n = 0; n < perDay; n++) {
        ZonedDateTime at =
            today.minusDays(day).atTime(8 + random.nextInt(12), random.nextInt(60)).atZone(BA);
        if (at.toInstant().isAfter(java.time.Instant.now())) {
          continue;
        }
        ObjectNode sale = batch.addObject();
        sale.put("saleId", "DEMO-" + today.minusDays(day) + "-" + n)
            .put("branch", "central")
            .put("soldAt", at.toOffsetDateTime().toString());
        ArrayNode saleLines = sale.putArray("lines");
        int count = 1 + random.nextInt(4);
        for (int l = 0; l < count; l++) {
          Product p = products.get(random.nextInt(products.size()));
          BigDecimal qty =
              p.unit.equals("KG")
                  ? BigDecimal.valueOf(200 + random.nextInt(1800), 3)
                  : BigDecimal.valueOf(1 + random.nextInt(3));
          BigDecimal price =
              p.cost
                  .multiply(new BigDecimal("1.35"))
                  .multiply(BigDecimal.ONE.add(p.iva.movePointLeft(2)))
                  .setScale(-1, RoundingMode.CEILING)
                  .setScale(2);
          saleLines.addObject().put("sku", p.sku).put("qty", qty).put("unitPrice", price);
        }
        sales++;
      }
      send("POST", "/api/sales/batch", "application/json", JSON.writeValueAsString(batch));
    }
    System.err.println("sales: " + sales);
  }

  static String invoice(
      String[] supplier, int number, LocalDate date, List<Product> products, Random random) {
    boolean discriminated = supplier[2].equals("A");
    Map<BigDecimal, BigDecimal> netByRate = new TreeMap<>();
    BigDecimal net = BigDecimal.ZERO;
    ObjectNode invoice = JSON.createObjectNode();
    invoice.putObject("supplier").put("cuit", supplier[0]).put("name", supplier[1]);
    invoice
        .put("type", supplier[2])
        .put("pointOfSale", 3)
        .put("number", number)
        .put("issueDate", date.toString())
        .put("cae", "7541234567890" + (number % 10))
        .put("branch", "central")
        .put("pricesIncludeIva", !discriminated);
    ArrayNode lines = invoice.putArray("lines");
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
          .addObject()
          .put("sku", p.sku)
          .put("supplierCode", "P" + p.sku.substring(3))
          .put("description", p.name)
          .put("qty", qty)
          .put("unitCost", unitCost)
          .put("ivaRatePct", p.iva)
          .put("lineTotal", lineTotal);
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
    invoice
        .put("netTotal", net)
        .put("ivaTotal", iva)
        .put("otherTaxes", new BigDecimal("0.00"))
        .put("total", net.add(iva));
    return JSON.writeValueAsString(invoice);
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
}
