package almacen.ingest.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
import almacen.ingest.ocr.PhotoTransform;
import almacen.ingest.publish.IngestMetrics;
import almacen.ingest.publish.MeteredEventPublisher;
import almacen.ingest.publish.RecordingPublisher;
import almacen.ingest.upload.AdmissionSettings;
import almacen.ingest.upload.AdmissionTicket;
import almacen.ingest.upload.ReadWorkers;
import almacen.ingest.upload.UploadAdmission;
import almacen.ingest.upload.UploadAdmissionFilter;
import almacen.ingest.upload.UploadErrorHandler;
import almacen.ingest.upload.UploadSpooler;
import almacen.schemas.Topics;
import almacen.support.web.ApiErrorHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * {@code POST /api/invoices} multipart through the admission filter, the spooler, the workers and
 * the real reader.
 */
class InvoiceUploadControllerTest {

  /**
   * Small, so the over-the-limit test does not push 15 MB through MockMvc (the real limit:
   * UploadEdgeWebTest).
   */
  private static final int SPOOL_LIMIT = 1024 * 1024;

  private static final OcrEngine NO_TEXT =
      (page, dpi, timeoutMillis) -> new OcrEngine.OcrText("", 0);

  @TempDir Path spoolDir;
  private final AtomicInteger ocrCalls = new AtomicInteger();
  private final UploadAdmission admission = new UploadAdmission(3);
  private ReadWorkers workers;

  @AfterEach
  void close() {
    if (workers != null) {
      workers.close();
    }
  }

  @Test
  void shouldAnswer413WithinASecondWithoutOcrWhenPdfEmbedsA20000By20000Jpeg() throws Exception {
    // given the issue's 20000×20000 JPEG bomb in a PDF
    MockMvc mvc = mvc(realReader(), Duration.ofSeconds(30));
    // when
    long started = System.nanoTime();
    MvcResult result =
        mvc.perform(upload(HostilePdfs.jpegBomb()))
            // then
            .andExpect(status().isPayloadTooLarge())
            .andExpect(jsonPath("$.error").value("IMAGE_TOO_LARGE"))
            .andExpect(jsonPath("$.field").value("file"))
            .andReturn();
    long tookMs = (System.nanoTime() - started) / 1_000_000;
    assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
        .contains("20000×20000");
    assertThat(tookMs).isLessThan(1_000);
    assertThat(ocrCalls.get()).isZero();
    awaitAllPermitsBack();
    assertThat(spooledFiles()).isZero();
  }

  @Test
  void shouldReadRepeatedFilePartsAsThePagesOfOneInvoiceWhenTwoPhotosAreSent() throws Exception {
    // given a reader that records the pages it gets, and two photos of one invoice
    AtomicInteger pages = new AtomicInteger();
    InvoiceReader reader =
        new InvoiceReader() {
          @Override
          public almacen.ingest.ocr.ReadInvoice read(
              byte[] bytes, String branch, almacen.ingest.ocr.ReadDeadline deadline)
              throws almacen.ingest.ocr.InvoiceReadException {
            pages.set(1);
            throw new almacen.ingest.ocr.InvoiceReadException(
                422, "NO_INVOICE_FOUND", "sin factura");
          }

          @Override
          public almacen.ingest.ocr.ReadInvoice readPages(
              List<byte[]> photos, String branch, almacen.ingest.ocr.ReadDeadline deadline)
              throws almacen.ingest.ocr.InvoiceReadException {
            pages.set(photos.size());
            throw new almacen.ingest.ocr.InvoiceReadException(
                422, "NO_INVOICE_FOUND", "sin factura");
          }
        };

    // when
    mvc(reader, Duration.ofSeconds(30))
        .perform(
            multipart("/api/invoices")
                .file(new MockMultipartFile("file", "p1.png", "image/png", png(300, 200)))
                .file(new MockMultipartFile("file", "p2.png", "image/png", png(300, 200))))
        // then
        .andExpect(status().isUnprocessableEntity());
    assertThat(pages.get()).isEqualTo(2);
    awaitAllPermitsBack();
    assertThat(spooledFiles()).isZero();
  }

  @Test
  void shouldAnswer413TooManyPagesWhenElevenPhotosAreSent() throws Exception {
    // given 11 photos of "one invoice"
    var request = multipart("/api/invoices");
    for (int k = 0; k < 11; k++) {
      request.file(new MockMultipartFile("file", "p" + k + ".png", "image/png", png(60, 40)));
    }

    // when / then
    mvc(realReader(), Duration.ofSeconds(30))
        .perform(request)
        .andExpect(status().isPayloadTooLarge())
        .andExpect(jsonPath("$.error").value("TOO_MANY_PAGES"));
    assertThat(ocrCalls.get()).isZero();
  }

  @Test
  void shouldAnswer413TooManyPagesWhenPdfHas12Pages() throws Exception {
    mvc(realReader(), Duration.ofSeconds(30))
        .perform(upload(HostilePdfs.textPages(12)))
        .andExpect(status().isPayloadTooLarge())
        .andExpect(jsonPath("$.error").value("TOO_MANY_PAGES"))
        .andExpect(jsonPath("$.field").value("file"));
  }

  @Test
  void shouldAnswer413PageTooLargeWhenPdfPageIs5MetresSquare() throws Exception {
    mvc(realReader(), Duration.ofSeconds(30))
        .perform(upload(HostilePdfs.pageOfSize(14_400, 14_400)))
        .andExpect(status().isPayloadTooLarge())
        .andExpect(jsonPath("$.error").value("PAGE_TOO_LARGE"));
  }

  @Test
  void shouldAnswer413FileTooLargeWhenTheFileIsOverTheSpoolLimit() throws Exception {
    // given the limit + 1 byte, starting like a PDF (the fixture's limit is 1 MB; the service's is
    // 15 MB)
    byte[] big = new byte[SPOOL_LIMIT + 1];
    System.arraycopy("%PDF-1.7".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 8);
    // when / then
    mvc(realReader(), Duration.ofSeconds(30))
        .perform(upload(big))
        .andExpect(status().isPayloadTooLarge())
        .andExpect(jsonPath("$.error").value("FILE_TOO_LARGE"))
        .andExpect(jsonPath("$.field").value("file"));
    assertThat(spooledFiles()).isZero();
  }

  @Test
  void shouldAnswer503WithRetryAfterWhenEveryWorkerAndQueuePlaceIsTaken() throws Exception {
    // given every permit taken by uploads in progress
    List<AdmissionTicket> taken =
        Stream.generate(() -> admission.tryAdmit().orElseThrow()).limit(3).toList();
    // when / then
    mvc(realReader(), Duration.ofSeconds(30))
        .perform(upload(HostilePdfs.textPages(1)))
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().string("Retry-After", "5"))
        .andExpect(jsonPath("$.error").value("OCR_BUSY"));
    assertThat(ocrCalls.get()).isZero();
    assertThat(taken).hasSize(3);
  }

  @Test
  void shouldAnswer504WhenTheReadRunsOverTheTimeout() throws Exception {
    // given a read that takes 2 s and a 200 ms timeout
    InvoiceReader slow =
        (bytes, branch, deadline) -> {
          long until = System.nanoTime() + 2_000_000_000L;
          while (System.nanoTime() < until && !deadline.isOver()) {
            Thread.onSpinWait();
          }
          deadline.check("the next stage");
          throw new AssertionError("the read went on after its deadline");
        };
    // when
    long started = System.nanoTime();
    mvc(slow, Duration.ofMillis(200))
        .perform(upload(HostilePdfs.textPages(1)))
        // then
        .andExpect(status().isGatewayTimeout())
        .andExpect(jsonPath("$.error").value("OCR_TIMEOUT"));
    assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(1_000);
  }

  @Test
  void shouldAnswerTheReadersNotesApartFromItsIssuesWhenPreviewingAPhoto() throws Exception {
    // given a reader that fixed a price's lost decimal comma, proven by the sums, and doubted a
    // code
    String note =
        "Renglón 1: '85000' sin coma decimal leído como 850,00 (cantidad × precio = importe).";
    String issue = "Renglón 1: código 'AL!-2001' leído como 'ALI-2001'.";
    InvoiceReader reader =
        new InvoiceReader() {
          @Override
          public almacen.ingest.ocr.ReadInvoice read(
              byte[] bytes, String branch, almacen.ingest.ocr.ReadDeadline deadline) {
            return new almacen.ingest.ocr.ReadInvoice(
                almacen.ingest.ocr.InvoiceType.A,
                3,
                12345L,
                java.time.LocalDate.of(2025, 10, 15),
                "30-71234567-1",
                "DISTRIBUIDORA DEL PLATA S.A.",
                null,
                null,
                null,
                List.of(
                    new almacen.ingest.ocr.ReadLine(
                        "ALI-2001",
                        "Yerba Mate Playadito 500g",
                        new java.math.BigDecimal("12"),
                        new java.math.BigDecimal("850.00"),
                        new java.math.BigDecimal("21"),
                        new java.math.BigDecimal("10200.00"))),
                new java.math.BigDecimal("10200.00"),
                java.util.Map.of(
                    new java.math.BigDecimal("21"), new java.math.BigDecimal("2142.00")),
                new java.math.BigDecimal("2142.00"),
                java.math.BigDecimal.ZERO,
                new java.math.BigDecimal("12342.00"),
                false,
                null,
                0.9,
                List.of(issue),
                almacen.ingest.ocr.SourceKind.PHOTO,
                "sha",
                branch,
                null,
                List.of(note));
          }
        };

    // when
    mvc(reader, Duration.ofSeconds(30))
        .perform(upload(png(300, 200)).param("preview", "true"))
        // then
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.notes.length()").value(1))
        .andExpect(jsonPath("$.notes[0]").value(note))
        .andExpect(jsonPath("$.issues", org.hamcrest.Matchers.hasItem(issue)));
  }

  @Test
  void shouldReadThePdfTextLayerWhenPreviewingAnInvoicePdf() throws Exception {
    mvc(realReader(), Duration.ofSeconds(30))
        .perform(upload(HostilePdfs.textPages(1)).param("preview", "true"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.source.kind").value("PDF"))
        .andExpect(jsonPath("$.type").value("B"));
    assertThat(ocrCalls.get()).isZero();
  }

  static Stream<Arguments> hostileFiles() throws IOException {
    byte[] pdf = HostilePdfs.textPages(2);
    byte[] jpeg = jpeg(400, 300);
    byte[] png = png(400, 300);
    return Stream.of(
        Arguments.of("zero bytes", new byte[0], 400, "MISSING_PART"),
        Arguments.of(
            "text named .pdf",
            "hola".getBytes(StandardCharsets.US_ASCII),
            415,
            "UNSUPPORTED_MEDIA_TYPE"),
        Arguments.of("encrypted PDF", HostilePdfs.encrypted(), 422, "ENCRYPTED_PDF"),
        Arguments.of("PDF cut in half", Arrays.copyOf(pdf, pdf.length / 2), 422, "UNREADABLE_FILE"),
        Arguments.of(
            "PDF header only",
            "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII),
            422,
            "UNREADABLE_FILE"),
        Arguments.of(
            "PDF of random bytes", withPrefix("%PDF-1.4\n", 20_000), 422, "UNREADABLE_FILE"),
        Arguments.of(
            "JPEG cut in half", Arrays.copyOf(jpeg, jpeg.length / 2), 422, "UNREADABLE_FILE"),
        Arguments.of("JPEG cut before its size", Arrays.copyOf(jpeg, 12), 422, "UNREADABLE_FILE"),
        Arguments.of(
            "PNG cut in half",
            Arrays.copyOf(png, Math.max(40, png.length / 2)),
            422,
            "UNREADABLE_FILE"),
        Arguments.of("PNG header only", Arrays.copyOf(png, 20), 422, "UNREADABLE_FILE"),
        Arguments.of(
            "JPEG declaring 400 megapixels",
            HostilePdfs.jpegDeclaring(20_000, 20_000),
            413,
            "FILE_TOO_LARGE"),
        Arguments.of("inline image bomb", HostilePdfs.inlineImageBomb(), 413, "IMAGE_TOO_LARGE"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileFiles")
  void shouldAnswerAClear4xxNeverA500WhenTheFileIsHostile(
      String what, byte[] bytes, int expected, String code) throws Exception {
    MvcResult result =
        mvc(realReader(), Duration.ofSeconds(30))
            .perform(upload(bytes))
            .andExpect(status().is(expected))
            .andExpect(jsonPath("$.error").value(code))
            .andReturn();
    assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
        .contains("\"message\":\"");
    awaitAllPermitsBack();
  }

  @Test
  void shouldHandTheTurnAndTheCropToTheReaderWhenAPhotoIsReadAgainWithThem() throws Exception {
    // given a reader that records what it was asked to do with the photo
    AtomicReference<PhotoTransform> asked = new AtomicReference<>();
    InvoiceReader reader =
        new InvoiceReader() {
          @Override
          public almacen.ingest.ocr.ReadInvoice read(
              byte[] bytes, String branch, almacen.ingest.ocr.ReadDeadline deadline) {
            throw new AssertionError("read without the transform");
          }

          @Override
          public almacen.ingest.ocr.ReadInvoice readPages(
              List<byte[]> photos,
              String branch,
              almacen.ingest.ocr.ReadDeadline deadline,
              PhotoTransform transform)
              throws almacen.ingest.ocr.InvoiceReadException {
            asked.set(transform);
            throw new almacen.ingest.ocr.InvoiceReadException(
                422, "NO_INVOICE_FOUND", "sin factura");
          }
        };

    // when
    mvc(reader, Duration.ofSeconds(30))
        .perform(
            multipart("/api/invoices")
                .file(new MockMultipartFile("file", "p1.jpg", "image/jpeg", jpeg(300, 200)))
                .param("preview", "true")
                .param("rotate", "90")
                .param("crop", "0.1,0.05,0.8,0.9"))
        // then
        .andExpect(status().isUnprocessableEntity());
    assertThat(asked.get())
        .isEqualTo(new PhotoTransform(90, new PhotoTransform.Crop(0.1, 0.05, 0.8, 0.9)));
    awaitAllPermitsBack();
  }

  static Stream<Arguments> nonsenseTransforms() {
    return Stream.of(
        Arguments.of("rotate", "45", "INVALID_ROTATION"),
        Arguments.of("rotate", "-90", "INVALID_ROTATION"),
        Arguments.of("crop", "0.5,0.5,0.6,0.2", "INVALID_CROP"),
        Arguments.of("crop", "izquierda", "INVALID_CROP"));
  }

  @ParameterizedTest(name = "{0}={1}")
  @MethodSource("nonsenseTransforms")
  void shouldAnswer400BeforeReadingWhenTheTurnOrCropIsNonsense(
      String param, String value, String code) throws Exception {
    // given / when
    mvc(realReader(), Duration.ofSeconds(30))
        .perform(
            multipart("/api/invoices")
                .file(new MockMultipartFile("file", "p1.png", "image/png", png(300, 200)))
                .param(param, value)
                .header("Accept-Language", "es-AR"))
        // then
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").value(code))
        .andExpect(jsonPath("$.field").value(param));
    assertThat(ocrCalls.get()).isZero();
    awaitAllPermitsBack();
    assertThat(spooledFiles()).isZero();
  }

  @Test
  void shouldAnswer400NotAPhotoWhenAPdfIsSentWithATurn() throws Exception {
    // given / when
    mvc(realReader(), Duration.ofSeconds(30))
        .perform(upload(HostilePdfs.textPages(1)).param("preview", "true").param("rotate", "180"))
        // then
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").value("NOT_A_PHOTO"))
        .andExpect(jsonPath("$.field").value("rotate"))
        .andExpect(
            jsonPath("$.message")
                .value("rotate and crop apply to photos (JPEG/PNG), not to a PDF"));
    assertThat(ocrCalls.get()).isZero();
    awaitAllPermitsBack();
  }

  @Test
  void shouldTurnEveryPageWhenSeveralPhotosOfOneInvoiceAreSentWithATurn() throws Exception {
    // given the real reader (no text on these blank pages) and two photos
    // when
    mvc(realReader(), Duration.ofSeconds(30))
        .perform(
            multipart("/api/invoices")
                .file(new MockMultipartFile("file", "p1.png", "image/png", png(300, 200)))
                .file(new MockMultipartFile("file", "p2.png", "image/png", png(300, 200)))
                .param("rotate", "270")
                .param("crop", "0,0,0.5,1"))
        // then: both pages were read, turned and cropped, and nothing was found on them
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.error").value("NO_INVOICE_FOUND"));
    assertThat(ocrCalls.get()).isEqualTo(2);
    awaitAllPermitsBack();
  }

  private MockMvc mvc(InvoiceReader reader, Duration timeout) {
    workers =
        new ReadWorkers(
            reader, new OcrSettings(timeout), new AdmissionSettings(2, 1, Duration.ofSeconds(5)));
    RecordingPublisher publisher = new RecordingPublisher();
    IngestMetrics metrics = new IngestMetrics(new SimpleMeterRegistry());
    InvoiceLedger ledger = new InvoiceLedger();
    InvoiceService invoices =
        new InvoiceService(
            new InvoiceValidator(new CatalogLookup(new ProductCatalog(), ledger), WebFixture.CLOCK),
            ledger,
            new MeteredEventPublisher(publisher, metrics),
            Topics.defaults(),
            WebFixture.CLOCK,
            metrics);
    return MockMvcBuilders.standaloneSetup(
            new InvoiceUploadController(
                workers, new UploadSpooler(spoolDir, SPOOL_LIMIT), invoices))
        .setControllerAdvice(
            new UploadErrorHandler(), new IngestErrorHandler(), new ApiErrorHandler())
        .addFilters(new UploadAdmissionFilter(admission))
        .build();
  }

  private InvoiceReader realReader() {
    OcrEngine counted =
        (page, dpi, timeoutMillis) -> {
          ocrCalls.incrementAndGet();
          return NO_TEXT.recognize(page, dpi, timeoutMillis);
        };
    return new OcrInvoiceReader(counted, page -> Optional.empty(), OcrSettings.defaults());
  }

  private static org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder
      upload(byte[] bytes) {
    return multipart("/api/invoices")
        .file(new MockMultipartFile("file", "factura.pdf", "application/pdf", bytes));
  }

  /** The worker lets go of its permit just after it hands over the result. */
  private void awaitAllPermitsBack() {
    await("every permit back")
        .atMost(Duration.ofSeconds(2))
        .untilAsserted(() -> assertThat(admission.available()).isEqualTo(admission.capacity()));
  }

  private long spooledFiles() throws IOException {
    try (Stream<Path> files = Files.list(spoolDir)) {
      return files.count();
    }
  }

  private static byte[] withPrefix(String prefix, int randomBytes) {
    byte[] head = prefix.getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[head.length + randomBytes];
    new java.util.Random(7).nextBytes(all);
    System.arraycopy(head, 0, all, 0, head.length);
    return all;
  }

  private static byte[] jpeg(int w, int h) throws IOException {
    return encode(w, h, "jpeg");
  }

  private static byte[] png(int w, int h) throws IOException {
    return encode(w, h, "png");
  }

  private static byte[] encode(int w, int h, String format) throws IOException {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    java.awt.Graphics2D g = image.createGraphics();
    g.drawString("FACTURA", 20, 40); // some content, so the cut falls inside the image data
    g.fillRect(50, 50, 200, 100);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, format, out);
    return out.toByteArray();
  }
}
