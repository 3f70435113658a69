package almacen.query.ui;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Canned read-side answers shaped exactly like CONTRACT.md (UI-only tests). */
final class Canned {

  private Canned() {}

  record Item(
      String sku,
      String name,
      String category,
      String unit,
      String onHand,
      String minStock,
      String status,
      String avgCost,
      String stockValue,
      String daysOfCover,
      String reorderQty,
      String listPrice) {

    String json() {
      return """
          {"sku":"%s","name":"%s","category":"%s","branch":"central","unit":"%s","onHand":%s,"minStock":%s,"maxStock":null,\
          "status":"%s","avgCost":%s,"stockValue":%s,"dailySales28d":1.5,"daysOfCover":%s,"reorderQty":%s,\
          "listPrice":%s,"updatedAt":"2025-10-15T17:05:00Z"}"""
          .formatted(
              sku,
              name,
              category,
              unit,
              onHand,
              minStock,
              status,
              avgCost,
              stockValue,
              daysOfCover,
              reorderQty,
              listPrice);
    }
  }

  static final List<Item> STOCK =
      List.of(
          new Item(
              "ALM000001",
              "Yerba mate 1 kg",
              "Almacén",
              "UNIT",
              "24",
              "10",
              "OK",
              "2850.0000",
              "68400.00",
              "16.0",
              "0",
              "4900.00"),
          new Item(
              "ALM000002",
              "Azúcar 1 kg",
              "Almacén",
              "UNIT",
              "3",
              "10",
              "LOW",
              "1100.0000",
              "3300.00",
              "2.0",
              "17",
              "1790.00"),
          new Item(
              "ALM000003",
              "Queso cremoso",
              "Fiambrería",
              "KG",
              "1.25",
              "2",
              "LOW",
              "9800.0000",
              "12250.00",
              "0.8",
              "3.75",
              "15900.00"),
          new Item(
              "ALM000004",
              "Aceite de girasol 900 ml",
              "Almacén",
              "UNIT",
              "0",
              "6",
              "OUT",
              "2300.0000",
              "0.00",
              "0.0",
              "12",
              "3690.00"),
          new Item(
              "ALM000005",
              "Galletitas de agua",
              "Galletitas",
              "UNIT",
              "-2",
              "8",
              "NEGATIVE",
              "650.0000",
              "-1300.00",
              "0.0",
              "18",
              "1090.00"));

  static boolean exists(String sku) {
    return STOCK.stream().anyMatch(i -> i.sku().equals(sku));
  }

  static String view(String sku) {
    return STOCK.stream().filter(i -> i.sku().equals(sku)).findFirst().orElseThrow().json();
  }

  static String stockPage(String status, String q, String category) {
    String needle = q == null ? "" : q.toLowerCase(Locale.ROOT);
    return UiStubServer.joinItems(
        STOCK.stream()
            .filter(i -> status == null || status.isEmpty() || i.status().equals(status))
            .filter(i -> category == null || category.isEmpty() || i.category().equals(category))
            .filter(
                i ->
                    needle.isEmpty()
                        || i.name().toLowerCase(Locale.ROOT).contains(needle)
                        || i.sku().toLowerCase(Locale.ROOT).contains(needle))
            .map(Item::json)
            .toList());
  }

  /** GET /api/products: one product. */
  static final String PRODUCTS =
      """
      {"items":[{"sku":"ALM000001","name":"Yerba mate 1 kg","category":"Almacén",
      "ean":"7790070410122","plu":null,"unit":"UNIT","scaleValue":"WEIGHT","minStock":5,
      "maxStock":null,"ivaRatePct":21,"markupPct":35,"packSize":1,"supplierCuit":null,
      "active":true,"listPrice":4900.00,"updatedAt":"2025-10-20T12:00:00Z"}],"total":1}""";

  /** POST /api/products/import: two rows taken, line 4 refused (in Spanish, as for es-AR). */
  static final String IMPORTED =
      """
      {"accepted":2,"rejected":[{"line":4,"sku":"ALM000009",
      "error":"El código de barras ya pertenece a otro producto.","code":"EAN_IN_USE",
      "field":"ean"}]}""";

  static final String SUMMARY =
      """
      {"products":5,"lowCount":2,"outCount":1,"negativeCount":1,"stockValue":82650.00,"salesToday":153420.50,"invoicesPendingReview":1}""";

  static final String MOVEMENTS =
      """
      {"items":[
       {"movementId":"m4","type":"PURCHASE_RETURN","delta":-1,"before":25,"after":24,"unitCost":2850.0000,"sourceRef":"30712345671-NC-A-00003-00000007#1","occurredAt":"2025-10-16T03:00:00Z","user":"admin"},
       {"movementId":"m3","type":"SALE","delta":-2,"before":26,"after":24,"unitCost":2850.0000,"sourceRef":"S-20251015-0007#1","occurredAt":"2025-10-15T17:05:00Z","user":"caja1"},
       {"movementId":"m2","type":"PURCHASE","delta":24,"before":2,"after":26,"unitCost":2850.0000,"sourceRef":"30712345671-A-00003-00012345#2","occurredAt":"2025-10-15T03:00:00Z"},
       {"movementId":"m1","type":"ADJUSTMENT","delta":-1,"before":3,"after":2,"unitCost":2700.0000,"sourceRef":"ADJ-42","occurredAt":"2025-10-10T12:00:00Z","user":null},
       {"movementId":"m0","type":"TRANSFER_IN","delta":3,"before":0,"after":3,"unitCost":2700.0000,"sourceRef":"TR-7","occurredAt":"2025-10-01T12:00:00Z"}]}""";

  static final String PRICE =
      """
      {"sku":"ALM000001","listPrice":4900.00,"costBasis":2850.0000,"costDate":"2025-10-15","inflationFactor":1.0523000000,\
      "horizonDate":"2025-11-30","markupPct":35.00,"ivaRatePct":21.00,"roundingStep":10.00,"effectiveAt":"2025-10-15T03:00:05Z",\
      "reason":"COST"}""";

  static final String PRICE_HISTORY =
      """
      {"items":[
       {"sku":"ALM000001","listPrice":4900.00,"costBasis":2850.0000,"costDate":"2025-10-15","inflationFactor":1.0523000000,"horizonDate":"2025-11-30","markupPct":35.00,"ivaRatePct":21.00,"roundingStep":10.00,"effectiveAt":"2025-10-15T03:00:05Z","reason":"COST"},
       {"sku":"ALM000001","listPrice":4510.00,"costBasis":2700.0000,"costDate":"2025-09-01","inflationFactor":1.0251000000,"horizonDate":"2025-10-15","markupPct":35.00,"ivaRatePct":21.00,"roundingStep":10.00,"effectiveAt":"2025-09-20T03:00:00Z","reason":"INFLATION"},
       {"sku":"ALM000001","listPrice":4410.00,"costBasis":2700.0000,"costDate":"2025-09-01","inflationFactor":1.0000000000,"horizonDate":"2025-09-01","markupPct":35.00,"ivaRatePct":21.00,"roundingStep":10.00,"effectiveAt":"2025-09-01T03:00:00Z","reason":"COST"}]}""";

  static final String ALERTS =
      """
      {"items":[
       {"sku":"ALM000002","branch":"central","kind":"LOW","onHand":3,"minStock":10,"since":"2025-10-14T13:00:00Z"},
       {"sku":"ALM000005","branch":"central","kind":"NEGATIVE","onHand":-2,"minStock":8,"since":"2025-10-15T15:30:00Z"},
       {"sku":"ALM000004","branch":"central","kind":"OUT","onHand":0,"minStock":6,"since":"2025-10-13T20:00:00Z"}]}""";

  static final String INFLATION =
      """
      {"items":[{"month":"2025-07","ratePct":1.90,"source":"INDEC"},{"month":"2025-08","ratePct":1.90,"source":"INDEC"},
       {"month":"2025-09","ratePct":2.10,"source":"INDEC"},{"month":"2025-10","ratePct":2.30,"source":"INDEC"}]}""";

  static final String REVIEW_ID = "30712345671-A-00003-00012399";

  private static final String INVOICE_TEMPLATE =
      """
      {"invoiceId":"%s","supplier":{"cuit":"30-71234567-1","name":"Distribuidora del Sur SA"},
       "type":"A","pointOfSale":3,"number":%d,"issueDate":"2025-10-15","cae":"75412345678901","branch":"central",
       "pricesIncludeIva":false,
       "lines":[{"sku":"ALM000001","supplierCode":"YM1","description":"Yerba mate 1 kg","qty":12,"unitCost":2850.00,"ivaRatePct":21,"lineTotal":34200.00},
                {"sku":null,"supplierCode":"AZ1","description":"Azucar 1 kg","qty":10,"unitCost":1100.00,"ivaRatePct":10.5,"lineTotal":11000.00}],
       "netTotal":45200.00,"ivaTotal":8337.00,"otherTaxes":0,"total":53537.00,
       "status":"%s","issues":%s,"confidence":%s,"duplicate":false,
       "source":{"kind":"PHOTO","sha256":"ab12","qr":true}}""";

  /**
   * Read with line 1 fixed by what an earlier review taught about the supplier, and a price the
   * reader corrected on its own (a note).
   */
  static final String PREVIEW_INVOICE =
      INVOICE_TEMPLATE
          .formatted(
              "30712345671-A-00003-00012345",
              12345,
              "NEEDS_REVIEW",
              "[\"Línea 2: producto sin SKU\"]",
              "0.82")
          .replace(
              "\"confidence\":",
              "\"notes\":[\"Renglón 1: '285000' sin coma decimal leído como 2.850,00"
                  + " (cantidad × precio = importe).\"],\"confidence\":")
          .replace(
              "\"description\":\"Yerba mate 1 kg\",",
              "\"description\":\"Yerba mate 1 kg\",\"learned\":{\"read\":\"Yerba mate 1 kq\","
                  + "\"fromInvoiceId\":\"30712345671-A-00003-00012001\",\"reviewedOn\":\"2026-12-03\"},");

  static final String REVIEW_INVOICE =
      INVOICE_TEMPLATE.formatted(
          REVIEW_ID, 12399, "NEEDS_REVIEW", "[\"El total no coincide con las líneas\"]", "0.64");
  static final String CONFIRMED_INVOICE =
      INVOICE_TEMPLATE.formatted("30712345671-A-00003-00012345", 12345, "CONFIRMED", "[]", "1.0");
  static final String NOTE_ID = "30712345671-NC-A-00003-00000007";

  /** The invoice of the review queue, rejected (what ingest answers to /reject). */
  static final String REJECTED_INVOICE =
      REVIEW_INVOICE
          .replace("\"status\":\"NEEDS_REVIEW\"", "\"status\":\"REJECTED\"")
          .replace("\"source\":", "\"rejectReason\":\"Es de otro local\",\"source\":");

  /** A stack's photo that was read with issues: published and waiting for review. */
  static final String STACKED_FOR_REVIEW =
      INVOICE_TEMPLATE.formatted(
          "30712345671-A-00003-00012377",
          12377,
          "NEEDS_REVIEW",
          "[\"Línea 2: producto sin SKU\"]",
          "0.71");

  /** A credit note waiting for review: a yerba returned with its 10 % bonificación. */
  static final String REVIEW_NOTE =
      """
      {"invoiceId":"%s","kind":"CREDIT_NOTE","supplier":{"cuit":"30-71234567-1","name":"Distribuidora del Sur SA"},
       "type":"A","pointOfSale":3,"number":7,"issueDate":"2025-10-16","cae":"75412345678901","branch":"central",
       "pricesIncludeIva":false,
       "lines":[{"sku":"ALM000001","supplierCode":"YM1","description":"Yerba mate 1 kg","qty":2,"unitCost":2850.00,"discountPct":10,"ivaRatePct":21,"lineTotal":5130.00}],
       "netTotal":5130.00,"ivaTotal":1077.30,"otherTaxes":0,"total":6207.30,
       "status":"NEEDS_REVIEW","issues":["Revisar la devolución"],"confidence":0.7,"duplicate":false,
       "source":{"kind":"PHOTO","sha256":"cd34","qr":true}}"""
          .formatted(NOTE_ID);

  static final String REVIEW_QUEUE =
      "{\"items\":[" + REVIEW_INVOICE + "," + REVIEW_NOTE + "],\"total\":2}";

  static final String SUPPLIER_CUIT = "30712345671";

  static final String SUPPLIERS =
      """
      {"items":[
       {"cuit":"30-71234567-1","name":"Distribuidora del Sur SA","lastInvoice":{"invoiceId":"30712345671-A-00003-00012345",\
      "issueDate":"2025-10-15","total":53537.00},"invoices":7,"purchasesTotal":312450.75,"products":2},
       {"cuit":"20-12345678-6","name":"Lácteos Tandil","lastInvoice":{"invoiceId":"20123456786-B-00001-00000421",\
      "issueDate":"2025-10-02","total":18150.00},"invoices":3,"purchasesTotal":48900.00,"products":4}]}""";

  static final String SUPPLIER =
      """
      {"cuit":"30-71234567-1","name":"Distribuidora del Sur SA","lastInvoice":{"invoiceId":"30712345671-A-00003-00012345",\
      "issueDate":"2025-10-15","total":53537.00},"invoices":7,"purchasesTotal":312450.75,
       "months":[{"month":"2025-08","invoices":2,"amount":98000.00},{"month":"2025-09","invoices":3,"amount":160913.75},
                 {"month":"2025-10","invoices":2,"amount":53537.00}],
       "products":[
        {"sku":"ALM000001","name":"Yerba mate 1 kg","lastUnitCost":2850.0000,"lastQty":12.000,"lastInvoiceDate":"2025-10-15",\
      "lastInvoiceId":"30712345671-A-00003-00012345"},
        {"sku":"ALM000002","name":"Azúcar 1 kg","lastUnitCost":1100.5000,"lastQty":10.000,"lastInvoiceDate":"2025-09-20",\
      "lastInvoiceId":"30712345671-A-00003-00012201"}]}""";

  /**
   * Answers of the analytics endpoints, echoing the range asked for (the figures are the same for
   * any range).
   */
  static String analyticsSales(String from, String to) {
    return """
        {"from":"%s","to":"%s","branch":"central","qty":182.5,"amount":153420.50,
         "days":[{"day":"2025-10-13","qty":60.000,"amount":48200.00},{"day":"2025-10-14","qty":0.000,"amount":0.00},
                 {"day":"2025-10-15","qty":122.500,"amount":105220.50}],
         "categories":[{"category":"Almacén","qty":150.000,"amount":120500.00},
                       {"category":"Fiambrería","qty":2.500,"amount":22920.50},
                       {"category":null,"qty":30.000,"amount":10000.00}]}"""
        .formatted(from, to);
  }

  static String analyticsTop(String from, String to) {
    return """
        {"from":"%s","to":"%s","branch":"central","items":[
         {"sku":"ALM000001","name":"Yerba mate 1 kg","category":"Almacén","qty":20.000,"amount":98000.00},
         {"sku":"ALM000003","name":"Queso cremoso","category":"Fiambrería","qty":2.500,"amount":22920.50},
         {"sku":"ALM000002","name":"Azúcar 1 kg","category":"Almacén","qty":12.000,"amount":21480.00}]}"""
        .formatted(from, to);
  }

  static String analyticsMargin(String from, String to) {
    return """
        {"from":"%s","to":"%s","branch":"central","sales":153420.50,"cost":103560.20,"margin":49860.30,"marginPct":32.50,
         "categories":[
          {"category":"Almacén","qty":150.000,"sales":120500.00,"cost":84350.00,"margin":36150.00,"marginPct":30.00},
          {"category":"Fiambrería","qty":2.500,"sales":22920.50,"cost":12250.00,"margin":10670.50,"marginPct":46.55},
          {"category":null,"qty":30.000,"sales":10000.00,"cost":6960.20,"margin":3039.80,"marginPct":30.40}]}"""
        .formatted(from, to);
  }

  static String analyticsPurchases(String from, String to) {
    return """
        {"from":"%s","to":"%s","branch":"central","invoices":3,"amount":71687.00,"items":[
         {"cuit":"30-71234567-1","name":"Distribuidora del Sur SA","invoices":2,"amount":53537.00},
         {"cuit":"20-12345678-6","name":"Lácteos Tandil","invoices":1,"amount":18150.00}]}"""
        .formatted(from, to);
  }

  static final String STOCK_CSV = "sku,name,onHand\nALM000001,Yerba mate 1 kg,24\n";

  static final Map<String, String> STATUS_LABELS =
      Map.of("OK", "OK", "LOW", "BAJO", "OUT", "SIN STOCK", "NEGATIVE", "NEGATIVO");

  /** The till's answer for a code, or null when unknown (CONTRACT by-code). */
  static String scan(String code) {
    return switch (code) {
      case "7790070410122" ->
          "{\"sku\":\"ALM000001\",\"name\":\"Azúcar común 1 kg\",\"unit\":\"UNIT\",\"qty\":1.000,"
              + "\"unitPrice\":1490.00,\"lineTotal\":1490.00}";
      case "2012345012509" ->
          "{\"sku\":\"FIAM-1\",\"name\":\"Queso cremoso\",\"unit\":\"KG\",\"qty\":1.250,"
              + "\"unitPrice\":8000.00,\"lineTotal\":10000.00}";
      default -> null;
    };
  }
}
