package almacen.ingest.upload;

import static org.assertj.core.api.Assertions.assertThat;

import almacen.ingest.catalog.CatalogLookup;
import almacen.ingest.catalog.ProductCatalog;
import almacen.ingest.invoice.InvoiceLedger;
import almacen.ingest.invoice.InvoiceService;
import almacen.ingest.invoice.InvoiceValidator;
import almacen.ingest.ocr.HostilePdfs;
import almacen.ingest.ocr.InvoiceReader;
import almacen.ingest.ocr.OcrEngine;
import almacen.ingest.ocr.OcrInvoiceReader;
import almacen.ingest.ocr.OcrSettings;
import almacen.ingest.publish.IngestMetrics;
import almacen.ingest.publish.MeteredEventPublisher;
import almacen.ingest.publish.RecordingPublisher;
import almacen.ingest.web.IngestErrorHandler;
import almacen.ingest.web.InvoiceUploadController;
import almacen.schemas.Topics;
import almacen.support.security.SecurityConfiguration;
import almacen.support.web.ApiErrorHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The upload edge on a real Tomcat: what only a real server shows (chunked bodies, a body never
 * sent). No Kafka and no security: the invoice service publishes to a recording fake.
 */
@SpringBootTest(
    classes = UploadEdgeWebTest.EdgeApp.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "almacen.ocr.max-concurrent=1",
      "almacen.ocr.queue-size=1",
      // the real filter chain and body limits (5 MB, 17 MB multipart), without tokens
      "almacen.security.enabled=false",
      "spring.main.banner-mode=off"
    })
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class UploadEdgeWebTest {

  private static final String BOUNDARY = "edge-boundary";

  @LocalServerPort int port;
  @Autowired UploadAdmission admission;

  @Test
  void shouldAnswer413WithTheErrorBodyWhenAChunkedUploadPassesTheLimit() throws Exception {
    // given a multipart upload without Content-Length (chunked) that would be 20 MB
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      CompletableFuture<String> answer = readAnswer(socket);
      OutputStream out = socket.getOutputStream();
      // when it is sent chunk by chunk
      out.write(
          ("POST /api/invoices HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n"
                  + "Content-Type: multipart/form-data; boundary="
                  + BOUNDARY
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      try {
        chunk(out, partHeader("factura.pdf"));
        byte[] megabyte = new byte[1024 * 1024];
        for (int i = 0; i < 20 && !answer.isDone(); i++) {
          chunk(out, megabyte);
        }
      } catch (IOException closedByServer) {
        // the server may close the connection once it has answered: what matters is the answer
      }
      // then 413 with the usual error body
      String response = answer.get(10, TimeUnit.SECONDS);
      assertThat(response).startsWith("HTTP/1.1 413");
      assertThat(response).contains("\"error\":\"TOO_LARGE\"", "\"message\":\"", "\"field\":");
    }
  }

  @Test
  void shouldAnswer503WithinASecondWithoutWaitingForTheBodyWhenEveryPermitIsTaken()
      throws Exception {
    // given every worker and queue place taken
    AdmissionTicket one = admission.tryAdmit().orElseThrow();
    AdmissionTicket two = admission.tryAdmit().orElseThrow();
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      CompletableFuture<String> answer = readAnswer(socket);
      // when an upload announces 10 MB but sends only its headers (a slow client)
      long started = System.nanoTime();
      socket
          .getOutputStream()
          .write(
              ("POST /api/invoices HTTP/1.1\r\nHost: localhost\r\nContent-Length: 10485760\r\n"
                      + "Content-Type: multipart/form-data; boundary="
                      + BOUNDARY
                      + "\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      // then 503 arrives at once, with Retry-After, without the body ever being sent
      String response = answer.get(5, TimeUnit.SECONDS);
      long tookMs = (System.nanoTime() - started) / 1_000_000;
      assertThat(response).startsWith("HTTP/1.1 503");
      assertThat(response)
          .containsIgnoringCase("Retry-After: 5")
          .contains("\"error\":\"OCR_BUSY\"");
      assertThat(tookMs).isLessThan(1_000);
      System.out.printf("busy upload refused in %d ms, no body sent%n", tookMs);
    } finally {
      one.release();
      two.release();
    }
  }

  @Test
  void shouldAnswer413FileTooLargeWhenTheFileIsJustOver15Megabytes() throws Exception {
    // given a file of 15 MB + 1 byte (under Spring's 16 MB part limit, over the reader's 15 MB)
    byte[] file = new byte[15 * 1024 * 1024 + 1];
    System.arraycopy("%PDF-1.7".getBytes(StandardCharsets.US_ASCII), 0, file, 0, 8);
    // when / then
    String response = post(file);
    assertThat(response)
        .startsWith("HTTP/1.1 413")
        .contains("\"error\":\"FILE_TOO_LARGE\"", "\"field\":\"file\"");
  }

  @Test
  void shouldAnswer413InUnderASecondWhenThePdfEmbedsA20000By20000Jpeg() throws Exception {
    // given a server that has served one upload already (classes loaded)
    assertThat(post(HostilePdfs.textPages(12))).startsWith("HTTP/1.1 413");
    // when
    long started = System.nanoTime();
    String response = post(HostilePdfs.jpegBomb());
    long tookMs = (System.nanoTime() - started) / 1_000_000;
    assertThat(response).startsWith("HTTP/1.1 413").contains("\"error\":\"IMAGE_TOO_LARGE\"");
    assertThat(tookMs).isLessThan(1_000);
    System.out.printf("jpeg bomb over HTTP refused in %d ms%n", tookMs);
  }

  @Test
  void shouldAnswer400NotA500WhenTheMultipartBodyIsMalformed() throws Exception {
    // given a multipart body that never closes its part
    byte[] body =
        (partHeaderText("factura.pdf") + "%PDF-1.7 and then nothing")
            .getBytes(StandardCharsets.US_ASCII);
    String response = exchange("Content-Length: " + body.length + "\r\n", body);
    assertThat(response).startsWith("HTTP/1.1 400").contains("\"error\":\"MALFORMED_MULTIPART\"");
  }

  private String post(byte[] file) throws Exception {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(partHeader("factura.pdf"));
    body.write(file);
    body.write(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return exchange("Content-Length: " + body.size() + "\r\n", body.toByteArray());
  }

  private String exchange(String lengthHeader, byte[] body) throws Exception {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      CompletableFuture<String> answer = readAnswer(socket);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/invoices HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                  + lengthHeader
                  + "Content-Type: multipart/form-data; boundary="
                  + BOUNDARY
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      try {
        out.write(body);
        out.flush();
      } catch (IOException closedByServer) {
        // answered before the whole body was taken
      }
      return answer.get(20, TimeUnit.SECONDS);
    }
  }

  private static byte[] partHeader(String filename) {
    return partHeaderText(filename).getBytes(StandardCharsets.US_ASCII);
  }

  private static String partHeaderText(String filename) {
    return "--"
        + BOUNDARY
        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
        + filename
        + "\"\r\nContent-Type: application/pdf\r\n\r\n";
  }

  private static void chunk(OutputStream out, byte[] data) throws IOException {
    out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(data);
    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** Reads the answer while the request is still being written, as a browser would. */
  private static CompletableFuture<String> readAnswer(Socket socket) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
              got.write(buffer, 0, n);
              String text = got.toString(StandardCharsets.UTF_8);
              int headersEnd = text.indexOf("\r\n\r\n");
              if (headersEnd > 0 && text.indexOf('}', headersEnd) > 0) {
                break; // one JSON body is all these answers carry
              }
            }
            return got.toString(StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @Import({
    UploadConfiguration.class,
    InvoiceUploadController.class,
    UploadErrorHandler.class,
    IngestErrorHandler.class,
    ApiErrorHandler.class,
    SecurityConfiguration.class
  })
  static class EdgeApp {

    private static final Clock CLOCK =
        Clock.fixed(Instant.parse("2025-10-20T15:00:00Z"), ZoneOffset.UTC);

    @Bean
    InvoiceService invoiceService() {
      IngestMetrics metrics = new IngestMetrics(new SimpleMeterRegistry());
      InvoiceLedger ledger = new InvoiceLedger();
      return new InvoiceService(
          new InvoiceValidator(new CatalogLookup(new ProductCatalog(), ledger), CLOCK),
          ledger,
          new MeteredEventPublisher(new RecordingPublisher(), metrics),
          Topics.defaults(),
          CLOCK,
          metrics);
    }

    @Bean
    InvoiceReader invoiceReader(OcrSettings settings) {
      OcrEngine noText = (page, dpi, timeoutMillis) -> new OcrEngine.OcrText("", 0);
      return new OcrInvoiceReader(noText, page -> Optional.empty(), settings);
    }
  }
}
