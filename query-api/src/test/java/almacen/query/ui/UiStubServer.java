package almacen.query.ui;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * UI-ONLY test double, not an end-to-end backend: serves the dashboard's static files (from the
 * classpath, as Spring Boot would) plus canned JSON for the read API on one port, and a stand-in
 * for ingest-ocr's write API on another port (a second origin, with CORS, as the real deployment
 * has). It records every request so tests can assert what the browser sent.
 */
final class UiStubServer implements AutoCloseable {

  static final String TOKEN = "tok-ui-test";
  static final String USER = "admin";
  static final String PASSWORD = "clave-de-prueba";

  /**
   * @param body the text of a JSON or CSV body; of a multipart one, its size and the names of its
   *     {@code file} parts ({@code <1234 bytes> files=[a.png, b.png]})
   * @param nanos when it arrived ({@link System#nanoTime()})
   */
  record Seen(
      String method,
      String path,
      String query,
      String authorization,
      String contentType,
      String body,
      long nanos) {}

  private static final java.util.regex.Pattern FILE_NAME =
      java.util.regex.Pattern.compile("name=\"file\"; filename=\"([^\"]*)\"");

  private final HttpServer app;
  private final HttpServer ingest;
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private final List<OutputStream> streams = new CopyOnWriteArrayList<>();
  private final Map<String, String> viewOverrides = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, Integer> uploadsByName = new java.util.concurrent.ConcurrentHashMap<>();

  UiStubServer() throws IOException {
    app = HttpServer.create(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
    ingest =
        HttpServer.create(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
    app.createContext("/", this::handleApp);
    ingest.createContext("/", this::handleIngest);
    app.setExecutor(pool);
    ingest.setExecutor(pool);
    app.start();
    ingest.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + app.getAddress().getPort();
  }

  String ingestUrl() {
    return "http://127.0.0.1:" + ingest.getAddress().getPort();
  }

  /**
   * The production policy (service-support ContentSecurityPolicy) with the ingest origin added to
   * connect-src.
   */
  String contentSecurityPolicy() {
    return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self' "
        + ingestUrl()
        + "; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
  }

  List<Seen> requests() {
    return Collections.unmodifiableList(new ArrayList<>(seen));
  }

  List<Seen> requests(String method, String path) {
    return seen.stream().filter(s -> s.method().equals(method) && s.path().equals(path)).toList();
  }

  int openEventStreams() {
    return streams.size();
  }

  /** From now on GET /api/stock/{sku} answers this StockView (the read model after a change). */
  void overrideView(String sku, String json) {
    viewOverrides.put(sku, json);
  }

  void resetOverrides() {
    viewOverrides.clear();
    uploadsByName.clear();
    seen.clear();
    for (OutputStream out : streams) {
      try {
        out.close();
      } catch (IOException alreadyClosedByBrowser) {
        // that page is gone; the stream only has to leave the list
      }
    }
    streams.clear();
  }

  /** Sends one Server-Sent Event to every open /api/events stream. */
  void pushEvent(String type, String json) {
    byte[] frame = ("event: " + type + "\ndata: " + json + "\n\n").getBytes(StandardCharsets.UTF_8);
    List<OutputStream> closed = new ArrayList<>();
    for (OutputStream out : streams) {
      try {
        out.write(frame);
        out.flush();
      } catch (IOException closedByBrowser) {
        closed.add(out);
      }
    }
    streams.removeAll(closed);
  }

  @Override
  public void close() {
    for (OutputStream out : streams) {
      try {
        out.close();
      } catch (IOException alreadyClosed) {
        // the browser went away first; nothing left to release
      }
    }
    app.stop(0);
    ingest.stop(0);
    pool.shutdownNow();
  }

  // --- query-api stand-in
  // -------------------------------------------------------------------------------

  private void handleApp(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    record(ex, path, body);
    ex.getResponseHeaders().set("Content-Security-Policy", contentSecurityPolicy());
    ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    if (!path.startsWith("/api/")) {
      serveStatic(ex, path);
      return;
    }
    if (path.equals("/api/auth/login")) {
      if (body.contains("\"username\":\"" + USER + "\"")
          && body.contains("\"password\":\"" + PASSWORD + "\"")) {
        json(
            ex,
            200,
            "{\"accessToken\":\""
                + TOKEN
                + "\",\"expiresAt\":\"2030-01-01T00:00:00Z\",\"roles\":[\"admin\"]}");
      } else {
        json(
            ex,
            401,
            "{\"error\":\"BAD_CREDENTIALS\",\"message\":\"Usuario o contraseña incorrectos\",\"field\":null}");
      }
      return;
    }
    if (!("Bearer " + TOKEN).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
      json(ex, 401, "{\"error\":\"UNAUTHORIZED\",\"message\":\"Falta el token\",\"field\":null}");
      return;
    }
    Map<String, String> q = query(ex);
    switch (path) {
      case "/api/summary" -> json(ex, 200, Canned.SUMMARY);
      case "/api/stock" ->
          json(ex, 200, Canned.stockPage(q.get("status"), q.get("q"), q.get("category")));
      case "/api/alerts" -> json(ex, 200, Canned.ALERTS);
      case "/api/inflation" -> json(ex, 200, Canned.INFLATION);
      case "/api/invoices" ->
          json(
              ex,
              200,
              "NEEDS_REVIEW".equals(q.get("status")) ? Canned.REVIEW_QUEUE : "{\"items\":[]}");
      case "/api/export/stock.csv" ->
          send(
              ex,
              200,
              "text/csv; charset=utf-8",
              Canned.STOCK_CSV.getBytes(StandardCharsets.UTF_8));
      case "/api/events" -> openStream(ex);
      case "/api/suppliers" -> json(ex, 200, Canned.SUPPLIERS);
      case "/api/products" -> json(ex, 200, Canned.PRODUCTS);
      case "/api/analytics/sales" ->
          json(ex, 200, Canned.analyticsSales(q.get("from"), q.get("to")));
      case "/api/analytics/top-products" ->
          json(ex, 200, Canned.analyticsTop(q.get("from"), q.get("to")));
      case "/api/analytics/margin" ->
          json(ex, 200, Canned.analyticsMargin(q.get("from"), q.get("to")));
      case "/api/analytics/purchases" ->
          json(ex, 200, Canned.analyticsPurchases(q.get("from"), q.get("to")));
      default -> {
        if (path.startsWith("/api/products/by-code/")) {
          String line = Canned.scan(path.substring("/api/products/by-code/".length()));
          json(
              ex,
              line == null ? 404 : 200,
              line == null
                  ? "{\"error\":\"NOT_FOUND\",\"message\":\"No existe\",\"field\":null}"
                  : line);
        } else {
          routeBySku(ex, path);
        }
      }
    }
  }

  private void routeBySku(HttpExchange ex, String path) throws IOException {
    String[] parts = path.split("/", -1);
    // /api/stock/{sku}, /api/stock/{sku}/movements, /api/prices/{sku}, /api/prices/{sku}/history,
    // /api/invoices/{id},
    // /api/suppliers/{cuit}
    if (parts.length >= 4 && parts[2].equals("stock") && Canned.exists(parts[3])) {
      json(
          ex,
          200,
          parts.length == 5 && parts[4].equals("movements")
              ? Canned.MOVEMENTS
              : viewOverrides.getOrDefault(parts[3], Canned.view(parts[3])));
    } else if (parts.length >= 4 && parts[2].equals("prices") && parts[3].equals("ALM000001")) {
      json(
          ex,
          200,
          parts.length == 5 && parts[4].equals("history") ? Canned.PRICE_HISTORY : Canned.PRICE);
    } else if (parts.length == 4
        && parts[2].equals("suppliers")
        && parts[3].replace("-", "").equals(Canned.SUPPLIER_CUIT)) {
      json(ex, 200, Canned.SUPPLIER);
    } else if (parts.length == 4
        && parts[2].equals("invoices")
        && parts[3].equals(Canned.REVIEW_ID)) {
      json(ex, 200, Canned.REVIEW_INVOICE);
    } else if (parts.length == 4
        && parts[2].equals("invoices")
        && parts[3].equals(Canned.NOTE_ID)) {
      json(ex, 200, Canned.REVIEW_NOTE);
    } else {
      json(ex, 404, "{\"error\":\"NOT_FOUND\",\"message\":\"No existe\",\"field\":null}");
    }
  }

  private void openStream(HttpExchange ex) throws IOException {
    ex.getResponseHeaders().set("Content-Type", "text/event-stream");
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    ex.sendResponseHeaders(200, 0);
    OutputStream out = ex.getResponseBody();
    out.write(": connected\n\n".getBytes(StandardCharsets.UTF_8));
    out.flush();
    streams.add(out);
  }

  private void serveStatic(HttpExchange ex, String path) throws IOException {
    String resource =
        path.startsWith("/webjars/")
            ? "META-INF/resources" + path
            : "static" + (path.equals("/") ? "/index.html" : path);
    if (resource.contains("..")) {
      send(ex, 400, "text/plain", new byte[0]);
      return;
    }
    try (InputStream in = UiStubServer.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        send(ex, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
        return;
      }
      send(ex, 200, contentType(resource), in.readAllBytes());
    }
  }

  // --- ingest-ocr stand-in (another origin)
  // --------------------------------------------------------------

  private void handleIngest(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    String origin = ex.getRequestHeaders().getFirst("Origin");
    if (origin != null && origin.equals(baseUrl())) {
      ex.getResponseHeaders().set("Access-Control-Allow-Origin", origin);
      ex.getResponseHeaders().set("Vary", "Origin");
      // as production (service-support CORS): the page may read when to retry
      ex.getResponseHeaders()
          .set("Access-Control-Expose-Headers", "X-Correlation-Id, Retry-After, Location");
    }
    if (ex.getRequestMethod().equals("OPTIONS")) {
      ex.getResponseHeaders().set("Access-Control-Allow-Methods", "POST, PUT");
      ex.getResponseHeaders()
          .set("Access-Control-Allow-Headers", "Authorization, Content-Type, Accept");
      ex.getResponseHeaders().set("Access-Control-Max-Age", "600");
      record(ex, path, "");
      ex.sendResponseHeaders(204, -1);
      ex.close();
      return;
    }
    byte[] raw = ex.getRequestBody().readAllBytes();
    String contentType = String.valueOf(ex.getRequestHeaders().getFirst("Content-Type"));
    List<String> files = new ArrayList<>();
    java.util.regex.Matcher named = FILE_NAME.matcher(new String(raw, StandardCharsets.ISO_8859_1));
    while (named.find()) {
      files.add(named.group(1));
    }
    String body =
        contentType.startsWith("application/json") || contentType.startsWith("text/csv")
            ? new String(raw, StandardCharsets.UTF_8)
            : "<" + raw.length + " bytes> files=" + files;
    record(ex, path, body);
    if (!("Bearer " + TOKEN).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
      json(ex, 401, "{\"error\":\"UNAUTHORIZED\",\"message\":\"Falta el token\",\"field\":null}");
      return;
    }
    String query = String.valueOf(ex.getRequestURI().getQuery());
    if (path.equals("/api/invoices")
        && query.contains("preview=true")
        && contentType.startsWith("multipart/form-data")) {
      json(ex, 200, Canned.PREVIEW_INVOICE);
    } else if (path.equals("/api/invoices") && contentType.startsWith("multipart/form-data")) {
      stacked(ex, files.isEmpty() ? "" : files.get(0));
    } else if (path.equals("/api/invoices/" + Canned.REVIEW_ID + "/reject")) {
      json(ex, 202, Canned.REJECTED_INVOICE);
    } else if (path.equals("/api/invoices") && contentType.startsWith("application/json")) {
      json(ex, 202, Canned.CONFIRMED_INVOICE);
    } else if (path.equals("/api/invoices/" + Canned.REVIEW_ID + "/confirm")) {
      json(ex, 202, Canned.CONFIRMED_INVOICE);
    } else if (path.equals("/api/inflation")) {
      json(ex, 202, "{}");
    } else if (path.equals("/api/products/import") && contentType.startsWith("text/csv")) {
      json(ex, 200, Canned.IMPORTED);
    } else if (path.equals("/api/sales")) {
      json(ex, 202, "{\"status\":\"ACCEPTED\"}");
    } else {
      json(ex, 404, "{\"error\":\"NOT_FOUND\",\"message\":\"No existe\",\"field\":null}");
    }
  }

  /**
   * A photo of a stack, published as it is read: {@code ocupada*} finds the reader busy once (503
   * with Retry-After: 2), then waits for review; {@code borrosa*} holds no invoice (422); anything
   * else is confirmed.
   */
  private void stacked(HttpExchange ex, String fileName) throws IOException {
    int seen = uploadsByName.merge(fileName, 1, Integer::sum);
    if (fileName.startsWith("ocupada") && seen == 1) {
      ex.getResponseHeaders().set("Retry-After", "2");
      json(
          ex,
          503,
          "{\"error\":\"OCR_BUSY\",\"message\":\"Todos los lectores de facturas están ocupados: reintentá en unos segundos.\",\"field\":null}");
    } else if (fileName.startsWith("ocupada")) {
      json(ex, 202, Canned.STACKED_FOR_REVIEW);
    } else if (fileName.startsWith("borrosa")) {
      json(
          ex,
          422,
          "{\"error\":\"NO_INVOICE_FOUND\",\"message\":\"No se encontró una factura en la imagen: probá con una foto más nítida y derecha.\",\"field\":null}");
    } else {
      json(ex, 202, Canned.CONFIRMED_INVOICE);
    }
  }

  // --- helpers
  // --------------------------------------------------------------------------------------------

  private void record(HttpExchange ex, String path, String body) {
    seen.add(
        new Seen(
            ex.getRequestMethod(),
            path,
            ex.getRequestURI().getRawQuery(),
            ex.getRequestHeaders().getFirst("Authorization"),
            ex.getRequestHeaders().getFirst("Content-Type"),
            body,
            System.nanoTime()));
  }

  private static Map<String, String> query(HttpExchange ex) {
    String raw = ex.getRequestURI().getRawQuery();
    if (raw == null || raw.isEmpty()) {
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : raw.split("&", -1)) {
      int i = pair.indexOf('=');
      String k = URLDecoder.decode(i < 0 ? pair : pair.substring(0, i), StandardCharsets.UTF_8);
      String v = i < 0 ? "" : URLDecoder.decode(pair.substring(i + 1), StandardCharsets.UTF_8);
      out.put(k, v);
    }
    return out;
  }

  private static void json(HttpExchange ex, int status, String body) throws IOException {
    send(ex, status, "application/json", body.getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange ex, int status, String type, byte[] bytes)
      throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static String contentType(String resource) {
    String ext = resource.substring(resource.lastIndexOf('.') + 1);
    return Map.of(
            "html",
            "text/html; charset=utf-8",
            "js",
            "text/javascript; charset=utf-8",
            "css",
            "text/css; charset=utf-8",
            "svg",
            "image/svg+xml",
            "png",
            "image/png")
        .getOrDefault(ext, "application/octet-stream");
  }

  static String joinItems(List<String> items) {
    return items.stream()
        .collect(Collectors.joining(",", "{\"items\":[", "],\"total\":" + items.size() + "}"));
  }
}
