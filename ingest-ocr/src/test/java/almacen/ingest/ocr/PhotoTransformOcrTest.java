package almacen.ingest.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Reading a photo again turned or cropped, with real Tesseract: a sideways invoice and two invoices
 * photographed side by side read right once the person turns or crops them.
 */
@Tag("slow")
class PhotoTransformOcrTest {

  private static final TesseractOcrEngine ENGINE = new TesseractOcrEngine("", "spa");
  private final OcrInvoiceReader reader =
      new OcrInvoiceReader(ENGINE, page -> Optional.empty(), OcrSettings.defaults());

  @AfterAll
  static void close() {
    ENGINE.close();
  }

  @Test
  void shouldReadAnUpsideDownPhotoRightWhenItIsTurnedBack() throws Exception {
    // given an invoice photographed upside down (from across the counter), no QR to lean on
    InvoiceImageGenerator.Sample sample =
        new InvoiceImageGenerator(17).clean(InvoiceType.A, 0, "DejaVu Sans", 200, false);
    byte[] upsideDown =
        InvoiceImageGenerator.png(new PhotoTransform(180, null).apply(gray(sample.bytes())));

    // when it is read as sent, and again turned 180° (back upright)
    Optional<ReadInvoice> asSent = readOrNothing(upsideDown, PhotoTransform.NONE);
    ReadInvoice read = readOrNothing(upsideDown, new PhotoTransform(180, null)).orElseThrow();

    // then as sent it is not that invoice; turned back it is
    assertThat(
            asSent.filter(
                r ->
                    r.number() != null
                        && r.number() == sample.truth().number()
                        && r.total() != null
                        && r.total().compareTo(sample.truth().total()) == 0))
        .as("read right as sent")
        .isEmpty();
    assertThat(read.supplierCuit()).isEqualTo(sample.truth().supplierCuit());
    assertThat(read.number()).isEqualTo(sample.truth().number());
    assertThat(read.total()).isEqualByComparingTo(sample.truth().total());
    assertThat(read.lines()).hasSize(sample.truth().lines().size());
  }

  @Test
  void shouldReadTheLeftInvoiceWhenTwoSideBySideAreCroppedToTheLeftHalf() throws Exception {
    // given two different invoices photographed side by side
    InvoiceImageGenerator generator = new InvoiceImageGenerator(23);
    InvoiceImageGenerator.Sample left =
        generator.clean(InvoiceType.B, 1, "DejaVu Sans", 200, false);
    InvoiceImageGenerator.Sample right =
        generator.clean(InvoiceType.A, 0, "Liberation Sans", 200, false);
    byte[] both = InvoiceImageGenerator.png(sideBySide(gray(left.bytes()), gray(right.bytes())));

    // when only the left half is kept
    ReadInvoice read =
        reader.read(
            both,
            "central",
            ReadDeadline.startingNow(Duration.ofMinutes(2)),
            new PhotoTransform(0, new PhotoTransform.Crop(0, 0, 0.5, 1)));

    // then
    assertThat(read.supplierCuit()).isEqualTo(left.truth().supplierCuit());
    assertThat(read.number()).isEqualTo(left.truth().number());
    assertThat(read.total()).isEqualByComparingTo(left.truth().total());
  }

  private Optional<ReadInvoice> readOrNothing(byte[] photo, PhotoTransform transform) {
    try {
      return Optional.of(
          reader.read(
              photo, "central", ReadDeadline.startingNow(Duration.ofMinutes(2)), transform));
    } catch (InvoiceReadException e) {
      assertThat(e.status()).isEqualTo(422);
      return Optional.empty();
    }
  }

  private static BufferedImage gray(byte[] png) throws IOException {
    return ImageDecoder.toGray(ImageIO.read(new ByteArrayInputStream(png)));
  }

  private static BufferedImage sideBySide(BufferedImage a, BufferedImage b) {
    int half = Math.max(a.getWidth(), b.getWidth());
    BufferedImage out =
        new BufferedImage(
            2 * half, Math.max(a.getHeight(), b.getHeight()), BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = out.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, out.getWidth(), out.getHeight());
      g.drawImage(a, 0, 0, null);
      g.drawImage(b, half, 0, null);
    } finally {
      g.dispose();
    }
    return out;
  }
}
