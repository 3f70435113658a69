package almacen.ingest.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageDecoderCropTest {

  @Test
  void shouldKeepTheFullResolutionOfTheCropWhenThePhotoIsTooLargeToDecodeWhole() throws Exception {
    // given a 6000 × 4000 photo (24 MP: decoded whole it is subsampled by 2) with a one-pixel dot
    // at (3001, 2001), inside its bottom right quarter
    BufferedImage photo = white(6000, 4000);
    photo.getRaster().setSample(3001, 2001, 0, 0);
    byte[] png = png(photo);
    ImageSniffer.Sniffed sniffed = ImageSniffer.sniff(png);

    // when the whole photo is decoded, and when only its bottom right quarter is kept
    BufferedImage whole = ImageDecoder.decode(png, sniffed);
    BufferedImage cropped =
        ImageDecoder.decode(
            png, sniffed, new PhotoTransform(0, new PhotoTransform.Crop(0.5, 0.5, 0.5, 0.5)));

    // then the whole photo lost half its resolution and the dot; the quarter kept both
    assertThat(whole.getWidth()).isEqualTo(3000);
    assertThat(whole.getHeight()).isEqualTo(2000);
    assertThat(cropped.getWidth()).isEqualTo(3000);
    assertThat(cropped.getHeight()).isEqualTo(2000);
    assertThat(cropped.getRaster().getSample(1, 1, 0)).isZero();
    assertThat(blackPixels(cropped)).isEqualTo(1);
  }

  @Test
  void shouldStillSubsampleWhenTheCropAloneIsOverTheDecodingBound() throws Exception {
    // given a 6000 × 4000 photo
    byte[] png = png(white(6000, 4000));

    // when 90 % of each side is kept (19.4 MP, over the 16 MP bound)
    BufferedImage cropped =
        ImageDecoder.decode(
            png,
            ImageSniffer.sniff(png),
            new PhotoTransform(90, new PhotoTransform.Crop(0, 0, 0.9, 0.9)));

    // then it is read at half resolution: 3600 × 5400 pixels of the turned photo → 1800 × 2700
    assertThat(cropped.getWidth()).isEqualTo(1800);
    assertThat(cropped.getHeight()).isEqualTo(2700);
  }

  /**
   * The crop read from the stored photo is exactly what cropping the upright, turned photo gives,
   * for every EXIF orientation and turn.
   */
  @ParameterizedTest(name = "EXIF {0}, turn {1}")
  @CsvSource({
    "1, 0", "1, 90", "1, 180", "1, 270", "2, 0", "2, 90", "2, 180", "2, 270", "3, 0", "3, 90",
    "3, 180", "3, 270", "4, 0", "4, 90", "4, 180", "4, 270", "5, 0", "5, 90", "5, 180", "5, 270",
    "6, 0", "6, 90", "6, 180", "6, 270", "7, 0", "7, 90", "7, 180", "7, 270", "8, 0", "8, 90",
    "8, 180", "8, 270"
  })
  void shouldCropTheSamePixelsAsTheTurnedPhotoWhenTheRegionIsReadFromTheStoredPhoto(
      int exifOrientation, int rotate) throws Exception {
    // given a 40 × 20 photo whose every pixel has its own value, stored with an EXIF orientation
    BufferedImage stored = new BufferedImage(40, 20, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < 20; y++) {
      for (int x = 0; x < 40; x++) {
        stored.getRaster().setSample(x, y, 0, (x * 20 + y) % 251);
      }
    }
    byte[] png = png(stored);
    ImageSniffer.Sniffed sniffed =
        new ImageSniffer.Sniffed(ImageSniffer.Kind.PNG, 40, 20, exifOrientation);
    PhotoTransform transform =
        new PhotoTransform(rotate, new PhotoTransform.Crop(0.25, 0.2, 0.5, 0.6));

    // when only the region is decoded
    BufferedImage read = ImageDecoder.decode(png, sniffed, transform);

    // then it equals the whole photo decoded, set upright, turned and cropped
    BufferedImage expected = transform.apply(ImageDecoder.decode(png, sniffed));
    assertThat(read.getWidth()).isEqualTo(expected.getWidth());
    assertThat(read.getHeight()).isEqualTo(expected.getHeight());
    for (int y = 0; y < expected.getHeight(); y++) {
      for (int x = 0; x < expected.getWidth(); x++) {
        assertThat(read.getRaster().getSample(x, y, 0))
            .as("pixel (%d, %d)", x, y)
            .isEqualTo(expected.getRaster().getSample(x, y, 0));
      }
    }
  }

  private static BufferedImage white(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
    java.util.Arrays.fill(
        ((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData(), (byte) 255);
    return image;
  }

  private static byte[] png(BufferedImage image) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  private static int blackPixels(BufferedImage image) {
    int black = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if (image.getRaster().getSample(x, y, 0) == 0) {
          black++;
        }
      }
    }
    return black;
  }
}
