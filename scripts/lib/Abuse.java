import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A bounded abuse run against both HTTP services: malformed JSON, huge bodies, wrong content types,
 * token attacks, path traversal in ids, and a burst at ten times the write rate limit. Every answer
 * must be a 4xx (or 429); a 2xx, a 5xx or a dropped connection fails the run (odd but legitimate
 * search text must answer 200). Prints the tally per attack.
 *
 * <p>java -cp "$TOOLS_CP" Abuse QUERY_URL INGEST_URL ADMIN_TOKEN VIEWER_TOKEN (TOOLS_CP from
 * scripts/lib/tools.sh)
 */
@Command(
    name = "Abuse",
    mixinStandardHelpOptions = true,
    description =
        "A bounded abuse run against query-api and ingest-ocr: every answer must be a 4xx (or 429),"
            + " and the burst must be rate-limited. Exit 1 otherwise.")
public class Abuse implements Callable<Integer> {

  static final JsonMapper JSON = JsonMapper.builder().build();

  @Parameters(
      index = "0",
      paramLabel = "QUERY_URL",
      description = "query-api, e.g. http://127.0.0.1:8080")
  String queryUrl;

  @Parameters(
      index = "1",
      paramLabel = "INGEST_URL",
      description = "ingest-ocr, e.g. http://127.0.0.1:8081")
  String ingestUrl;

  @Parameters(index = "2", paramLabel = "ADMIN_TOKEN", description = "an admin's access token")
  String adminToken;

  @Parameters(index = "3", paramLabel = "VIEWER_TOKEN", description = "a viewer's access token")
  String viewerToken;

  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  final Map<String, Map<Integer, Integer>> tally = new TreeMap<>();
  final List<String> failures = new ArrayList<>();
  int tried;

  /** The next requests must answer 2xx (legitimate, odd-looking input) instead of 4xx. */
  volatile boolean ok;

  public static void main(String[] args) {
    System.exit(new CommandLine(new Abuse()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Abuse a = this;
    String query = queryUrl;
    String ingest = ingestUrl;
    String admin = "Bearer " + adminToken;
    String viewer = "Bearer " + viewerToken;

    // malformed JSON and wrong shapes
    for (String body :
        List.of(
            "{bad",
            "[]",
            "null",
            "{\"saleId\":",
            "{\"saleId\":123,\"lines\":\"x\"}",
            "{\"saleId\":\"S\",\"branch\":\"central\",\"soldAt\":\"yesterday\",\"lines\":[]}",
            "{\"saleId\":\"S\",\"branch\":\"central\",\"soldAt\":\"2025-10-15T10:00:00-03:00\",\"lines\":[{\"sku\":\"X\",\"qty\":-1,\"unitPrice\":1}]}",
            "\u0000\u0001\u0002",
            "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}")) {
      a.post(
          "malformed JSON",
          ingest + "/api/sales",
          admin,
          "application/json",
          body.getBytes(StandardCharsets.UTF_8));
    }
    a.post(
        "malformed JSON",
        ingest + "/api/inflation",
        admin,
        "application/json",
        "{\"month\":\"2025-13\"}".getBytes());
    a.post(
        "malformed JSON",
        ingest + "/api/invoices",
        admin,
        "application/json",
        "{\"lines\":[{}]}".getBytes());
    a.post(
        "malformed JSON",
        query + "/api/auth/login",
        null,
        "application/json",
        "{\"username\":".getBytes());

    // huge bodies
    byte[] twentyMb = new byte[20 * 1024 * 1024];
    java.util.Arrays.fill(twentyMb, (byte) 'a');
    a.post("huge body", ingest + "/api/sales", admin, "application/json", twentyMb);
    a.post("huge body", ingest + "/api/sales/batch", admin, "text/csv", twentyMb);
    a.post(
        "huge body",
        ingest + "/api/invoices",
        admin,
        "multipart/form-data; boundary=XyZ",
        multipart(twentyMb));
    a.post("huge body", query + "/api/auth/login", null, "application/json", twentyMb);

    // wrong content types
    for (String type :
        List.of(
            "text/plain", "application/xml", "image/png", "application/x-www-form-urlencoded")) {
      a.post("wrong content type", ingest + "/api/sales", admin, type, "saleId=1".getBytes());
    }
    a.post(
        "wrong content type",
        ingest + "/api/invoices",
        admin,
        "multipart/form-data; boundary=XyZ",
        multipart("not an image at all".getBytes()));

    // token attacks
    String none =
        b64("{\"alg\":\"none\",\"typ\":\"JWT\"}")
            + "."
            + b64(
                "{\"sub\":\"x\",\"roles\":[\"admin\"],"
                    + "\"aud\":[\"ingest\",\"query\"],\"exp\":4102444800}")
            + ".";
    String[] parts = adminToken.split("\\.", -1);
    ObjectNode forgedHeader = JSON.createObjectNode().put("alg", "HS256");
    forgedHeader.put("kid", decoded(parts[0]).path("kid").asString(""));
    String hs256 =
        b64(JSON.writeValueAsString(forgedHeader))
            + "."
            + parts[1]
            + "."
            + b64("forged-with-the-public-key");
    ObjectNode moreRoles = decoded(parts[1]);
    moreRoles.withArray("roles").add("root");
    String tampered = parts[0] + "." + b64(JSON.writeValueAsString(moreRoles)) + "." + parts[2];
    for (String token :
        List.of(
            "Bearer " + none,
            "Bearer " + hs256,
            "Bearer " + tampered,
            "Bearer garbage",
            "Bearer ",
            "Basic YWRtaW46YWRtaW4=",
            "Bearer " + adminToken + "x")) {
      a.get("token attack", query + "/api/stock", token);
      a.post("token attack", ingest + "/api/sales", token, "application/json", "{}".getBytes());
    }
    a.get("token attack", query + "/api/stock", null);
    a.post(
        "token attack (wrong role)",
        ingest + "/api/products/ALM000001",
        viewer,
        "application/json",
        "{}".getBytes());
    a.post(
        "token attack (wrong role)",
        ingest + "/api/inflation",
        viewer,
        "application/json",
        "{\"month\":\"2025-10\",\"ratePct\":2.7,\"source\":\"x\"}".getBytes());
    a.get("token attack", query + "/api/events?access_token=" + none, null);

    // path traversal and odd ids
    for (String path :
        List.of(
            "/api/stock/..%2F..%2Fetc%2Fpasswd",
            "/api/stock/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
            "/api/stock/ALM000001%00.json",
            "/api/stock/" + "A".repeat(5000),
            "/api/prices/..%5C..%5Cwindows",
            "/api/invoices/..%2F..%2F..%2Fetc%2Fshadow",
            "/api/invoices/%252e%252e%252f",
            "/api/stock/ALM000001/movements?limit=-1",
            "/api/stock/ALM000001/movements?limit=99999999999",
            "/api/stock?size=0",
            "/api/stock?page=-5")) {
      a.get("path traversal / bad id", query + path, viewer);
    }
    // injection-looking search text is just text: an ordinary (empty) answer
    a.ok = true;
    a.get(
        "injection-looking search (200 expected)",
        query + "/api/stock?q=%27%20OR%201%3D1--",
        viewer);
    a.get(
        "injection-looking search (200 expected)",
        query + "/api/stock?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        viewer);
    a.ok = false;
    for (String path :
        List.of("/api/invoices/..%2F..%2Fetc%2Fpasswd/confirm", "/api/products/..%2Fadmin")) {
      a.post("path traversal / bad id", ingest + path, admin, "application/json", "{}".getBytes());
    }

    // numbers out of every bound: 400 in under a second, never a 500 (CONTRACT "durability and
    // bounds")
    String sale =
        "{\"saleId\":\"BOUND-%s\",\"branch\":\"central\",\"soldAt\":\"2025-10-15T10:00:00-03:00\","
            + "\"lines\":[%s]}";
    String line = "{\"sku\":\"ALM000001\",\"qty\":%s,\"unitPrice\":%s}";
    List<String> absurd =
        List.of(
            String.format(sale, "1", String.format(line, "1e1000000", "1")),
            String.format(sale, "2", String.format(line, "1e30", "1")),
            String.format(sale, "3", String.format(line, "1", "1e13")),
            String.format(sale, "4", String.format(line, "-1e1000000", "1")),
            String.format(
                sale,
                "5",
                String.join(
                    ",", java.util.Collections.nCopies(501, String.format(line, "1", "1")))),
            String.format(
                sale, "6", String.format(line, "1", "1") + "," + String.format(line, "1e7", "1")));
    for (String body : absurd) {
      a.timedPost(
          "out-of-range number", ingest + "/api/sales", admin, "application/json", body.getBytes());
    }
    a.timedPost(
        "out-of-range number",
        ingest + "/api/inflation",
        admin,
        "application/json",
        "{\"month\":\"2025-10\",\"ratePct\":1e1000000,\"source\":\"x\"}".getBytes());
    a.timedPost(
        "out-of-range number",
        ingest + "/api/stock/adjustments",
        admin,
        "application/json",
        "{\"adjustmentId\":\"BOUND-A\",\"sku\":\"ALM000001\",\"delta\":1E+999999999,\"reason\":\"OTHER\"}"
            .getBytes());

    // hostile uploads: refused (413) before anything is rendered
    a.post(
        "hostile upload",
        ingest + "/api/invoices",
        admin,
        "multipart/form-data; boundary=XyZ",
        multipart(HostilePdf.withImage(20000, 20000)));
    a.post(
        "hostile upload",
        ingest + "/api/invoices",
        admin,
        "multipart/form-data; boundary=XyZ",
        multipart(HostilePdf.pages(12)));
    a.post(
        "hostile upload",
        ingest + "/api/invoices",
        admin,
        "multipart/form-data; boundary=XyZ",
        multipart(HostilePdf.hugePage()));

    // ten times the write rate limit (600/min per client) in a burst: 100 writes/s for 10 s
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> burst = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < 1000; i++) {
      long due = start + i * 10_000_000L;
      int n = i;
      burst.add(
          pool.submit(
              () -> {
                long wait = due - System.nanoTime();
                if (wait > 0) {
                  Thread.sleep(wait / 1_000_000);
                }
                a.post(
                    "10x rate limit",
                    ingest + "/api/sales",
                    admin,
                    "application/json",
                    ("{\"saleId\":\"ABUSE-"
                            + n
                            + "\",\"branch\":\"central\",\"soldAt\":\"not-a-date\",\"lines\":[]}")
                        .getBytes());
                return null;
              }));
    }
    for (Future<?> f : burst) {
      f.get();
    }
    pool.shutdown();

    a.tally.forEach((attack, codes) -> System.out.println("  " + attack + ": " + codes));
    int rateLimited = a.tally.getOrDefault("10x rate limit", Map.of()).getOrDefault(429, 0);
    System.out.printf(
        "abuse: %d hostile requests, %d answered 5xx or not at all, %d rate-limited (429)%n",
        a.tried, a.failures.size(), rateLimited);
    a.failures.stream().limit(20).forEach(f -> System.out.println("  FAIL " + f));
    return a.failures.isEmpty() && rateLimited > 0 ? 0 : 1;
  }

  /**
   * A post that must also be answered within a second (bounds are checked before any heavy work).
   */
  void timedPost(String attack, String url, String auth, String type, byte[] body) {
    long start = System.nanoTime();
    post(attack, url, auth, type, body);
    long millis = (System.nanoTime() - start) / 1_000_000;
    if (millis >= 1000) {
      synchronized (this) {
        failures.add(attack + " answered after " + millis + " ms");
      }
    }
  }

  void get(String attack, String url, String auth) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
    send(attack, url, auth, b);
  }

  void post(String attack, String url, String auth, String type, byte[] body) {
    // no Expect: 100-continue: the JDK client cannot read a final answer sent instead of "100
    // Continue"; the
    // services answer a too-large body with a complete 413 (Content-Length, Connection: close)
    // mid-upload
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    send(attack, url, auth, b);
  }

  void send(String attack, String url, String auth, HttpRequest.Builder b) {
    if (auth != null) {
      b.header("Authorization", auth);
    }
    int code;
    try {
      code = http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (java.io.IOException e) {
      // a server may close the connection on a body it refuses to read; that must still have been a
      // 4xx
      code = -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    synchronized (this) {
      tried++;
      tally.computeIfAbsent(attack, k -> new TreeMap<>()).merge(code, 1, Integer::sum);
      boolean expected = ok ? code >= 200 && code < 300 : code >= 400 && code < 500;
      if (!expected) {
        failures.add(attack + " " + url.substring(0, Math.min(url.length(), 120)) + " -> " + code);
      }
    }
  }

  static byte[] multipart(byte[] file) {
    byte[] head =
        ("--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] tail = "\r\n--XyZ--\r\n".getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[head.length + file.length + tail.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(file, 0, all, head.length, file.length);
    System.arraycopy(tail, 0, all, head.length + file.length, tail.length);
    return all;
  }

  static String b64(String s) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  /** A JWT part (header or claims), Base64url-decoded and parsed. */
  static ObjectNode decoded(String part) {
    return (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(part));
  }

  /**
   * Small PDFs that would be huge once rendered, written by hand (no PDF library on this script's
   * path).
   */
  static final class HostilePdf {

    /**
     * One page showing a JPEG whose header (and the PDF's dictionary) declares width × height
     * pixels.
     */
    static byte[] withImage(int width, int height) throws Exception {
      byte[] jpeg = jpegDeclaring(width, height);
      return build(
          List.of("q 595 0 0 842 0 0 cm /Im1 Do Q"),
          "[0 0 595 842]",
          "<</Type/XObject/Subtype/Image/Width "
              + width
              + "/Height "
              + height
              + "/ColorSpace/DeviceGray/BitsPerComponent 8/Filter/DCTDecode/Length "
              + jpeg.length
              + ">>",
          jpeg);
    }

    /** {@code n} empty A4 pages (more than the 10 an invoice may have). */
    static byte[] pages(int n) {
      return build(java.util.Collections.nCopies(n, "BT ET"), "[0 0 595 842]", null, null);
    }

    /** One page of 200 × 200 inches: far over 40 megapixels at any useful dpi. */
    static byte[] hugePage() {
      return build(List.of("BT ET"), "[0 0 14400 14400]", null, null);
    }

    private static byte[] build(
        List<String> contents, String mediaBox, String imageDict, byte[] imageData) {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      List<Integer> offsets = new ArrayList<>();
      int pages = contents.size();
      int imageObject = 3 + 2 * pages;
      write(out, "%PDF-1.4\n");
      offsets.add(out.size());
      write(out, "1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n");
      StringBuilder kids = new StringBuilder();
      for (int i = 0; i < pages; i++) {
        kids.append(3 + 2 * i).append(" 0 R ");
      }
      offsets.add(out.size());
      write(out, "2 0 obj <</Type/Pages/Kids[" + kids + "]/Count " + pages + ">> endobj\n");
      for (int i = 0; i < pages; i++) {
        String resources =
            imageDict == null ? "<<>>" : "<</XObject<</Im1 " + imageObject + " 0 R>>>>";
        offsets.add(out.size());
        write(
            out,
            (3 + 2 * i)
                + " 0 obj <</Type/Page/Parent 2 0 R/MediaBox"
                + mediaBox
                + "/Resources"
                + resources
                + "/Contents "
                + (4 + 2 * i)
                + " 0 R>> endobj\n");
        byte[] content = contents.get(i).getBytes(StandardCharsets.US_ASCII);
        offsets.add(out.size());
        write(out, (4 + 2 * i) + " 0 obj <</Length " + content.length + ">> stream\n");
        out.writeBytes(content);
        write(out, "\nendstream endobj\n");
      }
      if (imageDict != null) {
        offsets.add(out.size());
        write(out, imageObject + " 0 obj " + imageDict + " stream\n");
        out.writeBytes(imageData);
        write(out, "\nendstream endobj\n");
      }
      int xref = out.size();
      StringBuilder table =
          new StringBuilder("xref\n0 " + (offsets.size() + 1) + "\n0000000000 65535 f \n");
      for (int offset : offsets) {
        table.append(String.format("%010d 00000 n \n", offset));
      }
      write(
          out,
          table
              + "trailer <</Size "
              + (offsets.size() + 1)
              + "/Root 1 0 R>>\nstartxref\n"
              + xref
              + "\n%%EOF\n");
      return out.toByteArray();
    }

    /** An 8 × 8 grey JPEG whose SOF header is rewritten to declare width × height. */
    private static byte[] jpegDeclaring(int width, int height) throws Exception {
      java.awt.image.BufferedImage tiny =
          new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
      java.io.ByteArrayOutputStream jpeg = new java.io.ByteArrayOutputStream();
      javax.imageio.ImageIO.write(tiny, "jpg", jpeg);
      byte[] b = jpeg.toByteArray();
      for (int i = 2; i + 8 < b.length; i++) {
        if ((b[i] & 0xFF) == 0xFF && ((b[i + 1] & 0xFF) == 0xC0 || (b[i + 1] & 0xFF) == 0xC2)) {
          b[i + 5] = (byte) (height >> 8);
          b[i + 6] = (byte) height;
          b[i + 7] = (byte) (width >> 8);
          b[i + 8] = (byte) width;
          return b;
        }
      }
      throw new IllegalStateException("no SOF marker in the generated JPEG");
    }

    private static void write(java.io.ByteArrayOutputStream out, String text) {
      out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }
  }
}
