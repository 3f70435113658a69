package almacen.ingest.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhotoTransformTest {

  /**
   * A 4 × 2 photo whose top left pixel is black; where that corner lands after a clockwise turn.
   */
  @ParameterizedTest(name = "{0}° → {1}×{2}, corner at ({3},{4})")
  @CsvSource({"0, 4, 2, 0, 0", "90, 2, 4, 1, 0", "180, 4, 2, 3, 1", "270, 2, 4, 0, 3"})
  void shouldTurnThePhotoClockwiseWhenARotationIsAsked(
      int rotate, int width, int height, int cornerX, int cornerY) {
    // given
    BufferedImage photo = photo(4, 2);
    photo.getRaster().setSample(0, 0, 0, 0);

    // when
    BufferedImage turned = new PhotoTransform(rotate, null).apply(photo);

    // then
    assertThat(turned.getWidth()).isEqualTo(width);
    assertThat(turned.getHeight()).isEqualTo(height);
    assertThat(turned.getRaster().getSample(cornerX, cornerY, 0)).isZero();
    assertThat(blackPixels(turned)).isEqualTo(1);
  }

  @ParameterizedTest(name = "turn {0}, crop → {1}×{2}")
  @CsvSource({"0, 50, 20, 1", "90, 25, 40, 0"})
  void shouldKeepTheMarkedPartOfTheTurnedPhotoWhenACropIsAsked(
      int rotate, int width, int height, int blackKept) {
    // given a 100 × 50 photo with one black pixel at (10, 10)
    BufferedImage photo = photo(100, 50);
    photo.getRaster().setSample(10, 10, 0, 0);

    // when: keep the left half, from 20 % down, 40 % high (of the turned photo)
    BufferedImage cropped =
        new PhotoTransform(rotate, new PhotoTransform.Crop(0, 0.2, 0.5, 0.4)).apply(photo);

    // then
    assertThat(cropped.getWidth()).isEqualTo(width);
    assertThat(cropped.getHeight()).isEqualTo(height);
    assertThat(cropped.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
    assertThat(blackPixels(cropped)).isEqualTo(blackKept);
    assertThat(photo.getWidth()).isEqualTo(100);
  }

  @ParameterizedTest(name = "{0},{1},{2},{3}")
  @CsvSource({
    "-0.1, 0, 0.5, 0.5",
    "0.6, 0, 0.5, 0.5",
    "0, 0.96, 0.5, 0.05",
    "0, 0, 0.04, 1",
    "0, 0, 1, NaN",
    "0, 0, Infinity, 1"
  })
  void shouldRefuseACropWhenItLeavesThePhotoOrIsASliver(
      double left, double top, double width, double height) {
    assertThatThrownBy(() -> new PhotoTransform.Crop(left, top, width, height))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("crop must lie inside the photo and keep at least 5 % of each side");
  }

  @ParameterizedTest
  @CsvSource({"45", "-90", "360"})
  void shouldRefuseARotationWhenItIsNotAQuarterTurn(int rotate) {
    assertThatThrownBy(() -> new PhotoTransform(rotate, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rotate must be 0, 90, 180 or 270, not " + rotate);
  }

  private static BufferedImage photo(int width, int height) {
    BufferedImage photo = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        photo.getRaster().setSample(x, y, 0, 255);
      }
    }
    return photo;
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
