package almacen.ingest.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Hostile PDFs are refused from their dictionaries, before anything in them is rendered or decoded.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class PdfLimitsTest {

  private final FakeOcrEngine engine = new FakeOcrEngine(ParserSamples.FACTURA_B);
  private final OcrInvoiceReader reader =
      new OcrInvoiceReader(engine, page -> Optional.empty(), OcrSettings.defaults());

  @Test
  void shouldAnswer413InMillisecondsWithFlatHeapWhenPdfEmbedsA20000By20000Jpeg() throws Exception {
    // given the bomb: a small PDF whose one image declares 20000×20000 (400 megapixels)
    byte[] bomb = HostilePdfs.jpegBomb();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long heapBefore = memory.getHeapMemoryUsage().getUsed();
    // when
    long started = System.nanoTime();
    Throwable refused = catchRead(bomb);
    long tookMs = (System.nanoTime() - started) / 1_000_000;
    long heapGrowthMb = (memory.getHeapMemoryUsage().getUsed() - heapBefore) / (1024 * 1024);
    // then 413 naming the image, nothing rendered or recognised, no big allocation
    assertThat(refused)
        .isInstanceOfSatisfying(
            InvoiceReadException.class,
            e -> {
              assertThat(e.status()).isEqualTo(413);
              assertThat(e.code()).isEqualTo("IMAGE_TOO_LARGE");
              assertThat(e.getMessage()).contains("20000×20000", "400 megapíxeles", "página 1");
            });
    assertThat(bomb.length).isLessThan(5_000);
    assertThat(tookMs).isLessThan(1_000);
    assertThat(heapGrowthMb).isLessThan(64);
    assertThat(engine.calls()).isZero();
    System.out.printf(
        "jpeg bomb: %d bytes refused in %d ms, heap +%d MB%n", bomb.length, tookMs, heapGrowthMb);
  }

  @Test
  void shouldAnswer413WhenJpegHeaderClaimsMoreThanItsDictionary() {
    // given a dictionary saying 100×100 around a JPEG whose SOF says 20000×20000 (the decoder
    // believes the SOF)
    byte[] liar = HostilePdfs.pageWithJpeg(100, 100, HostilePdfs.jpegDeclaring(20_000, 20_000));
    // when / then
    assertThat(catchRead(liar))
        .isInstanceOfSatisfying(
            InvoiceReadException.class,
            e -> {
              assertThat(e.status()).isEqualTo(413);
              assertThat(e.getMessage()).contains("JPEG", "20000×20000");
            });
  }

  @Test
  void shouldAnswer413WhenTheHugeImageIsInsideAFormXObject() {
    assertThat(catchRead(HostilePdfs.jpegBombInForm()))
        .isInstanceOfSatisfying(
            InvoiceReadException.class, e -> assertThat(e.code()).isEqualTo("IMAGE_TOO_LARGE"));
  }

  @Test
  void shouldAnswer413WhenAnInlineImageDeclares400Megapixels() {
    assertThat(catchRead(HostilePdfs.inlineImageBomb()))
        .isInstanceOfSatisfying(
            InvoiceReadException.class,
            e -> {
              assertThat(e.status()).isEqualTo(413);
              assertThat(e.getMessage()).contains("incrustada", "20000×20000");
            });
  }

  @Test
  void shouldAnswer413TooManyPagesWhenPdfHas12Pages() {
    // given a 12-page text PDF
    byte[] twelve = HostilePdfs.textPages(12);
    // when / then refused before any page is read
    assertThat(catchRead(twelve))
        .isInstanceOfSatisfying(
            InvoiceReadException.class,
            e -> {
              assertThat(e.status()).isEqualTo(413);
              assertThat(e.code()).isEqualTo("TOO_MANY_PAGES");
              assertThat(e.getMessage()).contains("más de 10 páginas", "declara 12");
            });
  }

  @Test
  void shouldReadTheTextLayerWhenPdfHasExactly10Pages() throws Exception {
    // given 10 pages, the most allowed
    ReadInvoice read = reader.read(HostilePdfs.textPages(10), "central");
    // then read from its text layer, no OCR
    assertThat(read.sourceKind()).isEqualTo(SourceKind.PDF);
    assertThat(engine.calls()).isZero();
  }

  @Test
  void shouldAnswer413PageTooLargeWhenMediaBoxIs200InchesSquare() {
    // given one page of 14400×14400 pt: 60000×60000 pixels at 300 dpi
    assertThat(catchRead(HostilePdfs.pageOfSize(14_400, 14_400)))
        .isInstanceOfSatisfying(
            InvoiceReadException.class,
            e -> {
              assertThat(e.status()).isEqualTo(413);
              assertThat(e.code()).isEqualTo("PAGE_TOO_LARGE");
              assertThat(e.getMessage()).contains("página 1", "3600 megapíxeles");
            });
  }

  @Test
  void shouldCountAnA3PageAs17MegapixelsAt300Dpi() {
    // given A3 (842×1191 pt): under the 40-megapixel limit at the OCR resolution
    assertThat(
            PdfLimits.renderPixels(
                new org.apache.pdfbox.pdmodel.PDPage(
                    org.apache.pdfbox.pdmodel.common.PDRectangle.A3),
                300))
        .isBetween(17_000_000L, 18_000_000L);
  }

  @Test
  void shouldAnswer422EncryptedWhenPdfNeedsAPassword() {
    assertThat(catchRead(HostilePdfs.encrypted()))
        .isInstanceOfSatisfying(
            InvoiceReadException.class,
            e -> {
              assertThat(e.status()).isEqualTo(422);
              assertThat(e.code()).isEqualTo("ENCRYPTED_PDF");
              assertThat(e.getMessage()).contains("contraseña");
            });
  }

  @Test
  void shouldAnswer422WhenPdfIsCutInHalf() {
    byte[] pdf = HostilePdfs.textPages(2);
    assertThat(catchRead(Arrays.copyOf(pdf, pdf.length / 2)))
        .isInstanceOfSatisfying(InvoiceReadException.class, e -> assertThat(e.status()).isIn(422));
  }

  @Test
  void shouldAnswer422WhenPdfIsOnlyAHeader() {
    assertThat(catchRead("%PDF-1.7\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
        .isInstanceOfSatisfying(
            InvoiceReadException.class, e -> assertThat(e.status()).isEqualTo(422));
  }

  private Throwable catchRead(byte[] bytes) {
    try {
      reader.read(bytes, "central");
      return null;
    } catch (InvoiceReadException e) {
      return e;
    }
  }
}
