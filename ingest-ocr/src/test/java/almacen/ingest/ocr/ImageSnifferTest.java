package almacen.ingest.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 2, unit = TimeUnit.SECONDS)
class ImageSnifferTest {

  private final FakeOcrEngine engine = new FakeOcrEngine("");
  private final OcrInvoiceReader reader =
      new OcrInvoiceReader(engine, page -> java.util.Optional.empty(), OcrSettings.defaults());

  @Test
  void shouldAnswer415WhenBytesAreNotAnImageOrPdf() {
    // given a text file whatever its name would say
    byte[] bytes = "GIF89a not really an invoice".getBytes(StandardCharsets.US_ASCII);
    // when / then
    assertThatThrownBy(() -> reader.read(bytes, "central"))
        .isInstanceOfSatisfying(
            InvoiceReadException.class,
            e -> {
              assertThat(e.status()).isEqualTo(415);
              assertThat(e.code()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
            });
  }

  @Test
  void shouldAnswer415WhenFileIsEmpty() {
    assertThatThrownBy(() -> reader.read(new byte[0], "central"))
        .isInstanceOfSatisfying(
            InvoiceReadException.class, e -> assertThat(e.status()).isEqualTo(415));
  }

  @Test
  void shouldAnswer422WhenJpegIsTruncatedAfterItsHeader() {
    // given a valid JPEG cut in half
    byte[] jpeg =
        InvoiceImageGenerator.jpeg(
            new java.awt.image.BufferedImage(400, 300, java.awt.image.BufferedImage.TYPE_BYTE_GRAY),
            0.6f);
    byte[] truncated = Arrays.copyOf(jpeg, jpeg.length / 2);
    // when / then
    assertThatThrownBy(() -> reader.read(truncated, "central"))
        .isInstanceOfSatisfying(
            InvoiceReadException.class,
            e -> {
              assertThat(e.status()).isEqualTo(422);
              assertThat(e.getMessage()).contains("truncada");
            });
    assertThat(engine.calls()).isZero();
  }

  @Test
  void shouldAnswer422WhenJpegEndsBeforeDeclaringItsSize() {
    byte[] jpeg =
        InvoiceImageGenerator.jpeg(
            new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_BYTE_GRAY),
            0.6f);
    byte[] truncated = Arrays.copyOf(jpeg, 12);
    assertThatThrownBy(() -> ImageSniffer.sniff(truncated))
        .isInstanceOfSatisfying(
            InvoiceReadException.class, e -> assertThat(e.status()).isEqualTo(422));
  }

  @Test
  void shouldAnswer413WhenPngHeaderDeclares20000By20000Pixels() {
    // given a crafted 20000×20000 PNG header: nothing is ever allocated for its raster
    byte[] bomb = pngHeader(20_000, 20_000);
    // when / then
    assertThatThrownBy(() -> reader.read(bomb, "central"))
        .isInstanceOfSatisfying(
            InvoiceReadException.class,
            e -> {
              assertThat(e.status()).isEqualTo(413);
              assertThat(e.getMessage()).contains("400 megapíxeles");
            });
  }

  @Test
  void shouldAnswer413WhenJpegSofDeclaresMoreThan40Megapixels() {
    // given SOI + SOF0 declaring 8000×6000
    byte[] sof = {
      (byte) 0xFF,
      (byte) 0xD8,
      (byte) 0xFF,
      (byte) 0xC0,
      0x00,
      0x11,
      0x08,
      (byte) (6000 >> 8),
      (byte) (6000 & 0xFF),
      (byte) (8000 >> 8),
      (byte) (8000 & 0xFF),
      0x03
    };
    assertThatThrownBy(() -> ImageSniffer.sniff(sof))
        .isInstanceOfSatisfying(
            InvoiceReadException.class, e -> assertThat(e.status()).isEqualTo(413));
  }

  @Test
  void shouldAnswer413WhenFileIs30Megabytes() {
    byte[] big = new byte[30 * 1024 * 1024];
    big[0] = (byte) 0xFF;
    big[1] = (byte) 0xD8;
    big[2] = (byte) 0xFF;
    assertThatThrownBy(() -> reader.read(big, "central"))
        .isInstanceOfSatisfying(
            InvoiceReadException.class,
            e -> {
              assertThat(e.status()).isEqualTo(413);
              assertThat(e.code()).isEqualTo("FILE_TOO_LARGE");
            });
  }

  @Test
  void shouldReadOnlyThePngWhenAZipIsAppendedToIt() throws Exception {
    // given a PNG/ZIP polyglot (a PNG followed by a zip archive with a ../ entry)
    byte[] png =
        InvoiceImageGenerator.png(
            new java.awt.image.BufferedImage(
                300, 200, java.awt.image.BufferedImage.TYPE_BYTE_GRAY));
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(zip)) {
      z.putNextEntry(new ZipEntry("../../evil.sh"));
      z.write("rm -rf /".getBytes(StandardCharsets.US_ASCII));
      z.closeEntry();
    }
    byte[] polyglot = concat(png, zip.toByteArray());
    FakeOcrEngine ocr = new FakeOcrEngine(ParserSamples.FACTURA_B);
    OcrInvoiceReader r =
        new OcrInvoiceReader(ocr, page -> java.util.Optional.empty(), OcrSettings.defaults());
    // when
    ReadInvoice read = r.read(polyglot, "central");
    // then it is sniffed and decoded as the PNG it starts with, and hashed as uploaded
    assertThat(ImageSniffer.sniff(polyglot))
        .isEqualTo(new ImageSniffer.Sniffed(ImageSniffer.Kind.PNG, 300, 200, 1));
    assertThat(ocr.lastPageSize()).isEqualTo("300x200");
    assertThat(read.sourceKind()).isEqualTo(SourceKind.PHOTO);
    assertThat(read.sha256()).isEqualTo(OcrInvoiceReader.sha256(polyglot));
  }

  @Test
  void shouldAnswer422WhenPdfHasNoTextAndNoImage() throws IOException {
    // given a PDF with one empty page
    byte[] pdf;
    try (PDDocument doc = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      doc.addPage(new PDPage());
      doc.save(out);
      pdf = out.toByteArray();
    }
    // when / then
    byte[] bytes = pdf;
    assertThatThrownBy(() -> reader.read(bytes, "central"))
        .isInstanceOfSatisfying(
            InvoiceReadException.class,
            e -> {
              assertThat(e.status()).isEqualTo(422);
              assertThat(e.code()).isEqualTo("NO_INVOICE_FOUND");
            });
    assertThat(engine.calls()).isZero();
  }

  @Test
  void shouldAnswer422WhenPngIsTruncatedAfterItsHeader() {
    // given a valid PNG with the second half of its image data missing
    byte[] png =
        InvoiceImageGenerator.png(
            new java.awt.image.BufferedImage(
                400, 300, java.awt.image.BufferedImage.TYPE_BYTE_GRAY));
    byte[] truncated = Arrays.copyOf(png, Math.max(40, png.length / 2));
    // when / then
    assertThatThrownBy(() -> reader.read(truncated, "central"))
        .isInstanceOfSatisfying(
            InvoiceReadException.class,
            e -> {
              assertThat(e.status()).isEqualTo(422);
              assertThat(e.code()).isEqualTo("UNREADABLE_FILE");
            });
    assertThat(engine.calls()).isZero();
  }

  @Test
  void shouldAnswer422WhenPdfIsCorrupt() {
    byte[] bytes =
        "%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage".getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> reader.read(bytes, "central"))
        .isInstanceOfSatisfying(
            InvoiceReadException.class, e -> assertThat(e.status()).isEqualTo(422));
  }

  @Test
  void shouldReadExifOrientationWhenJpegCarriesIt() {
    // given an APP1 Exif segment (big-endian) with Orientation = 6
    byte[] exif = {
      'E', 'x', 'i', 'f', 0, 0, 'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0,
      6, 0, 0, 0, 0, 0, 0
    };
    // when / then
    assertThat(ImageSniffer.exifOrientation(exif, 0, exif.length, 1)).isEqualTo(6);
  }

  static byte[] pngHeader(int width, int height) {
    byte[] b = new byte[33];
    byte[] sig = {
      (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'
    };
    System.arraycopy(sig, 0, b, 0, sig.length);
    putInt(b, 16, width);
    putInt(b, 20, height);
    b[24] = 8; // bit depth
    b[25] = 0; // gray
    CRC32 crc = new CRC32();
    crc.update(b, 12, 17);
    putInt(b, 29, (int) crc.getValue());
    return b;
  }

  private static void putInt(byte[] b, int at, int v) {
    b[at] = (byte) (v >>> 24);
    b[at + 1] = (byte) (v >>> 16);
    b[at + 2] = (byte) (v >>> 8);
    b[at + 3] = (byte) v;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
