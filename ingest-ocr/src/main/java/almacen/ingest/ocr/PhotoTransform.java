package almacen.ingest.ocr;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;

/**
 * What the person asked to do with a photo before it is read (again): turn it clockwise by {@code
 * rotate} degrees, after the orientation its EXIF data gives (so as the browser shows it), then
 * keep the part {@code crop} marks. The sheet is then cut out of what is left as for any photo.
 * While decoding, the crop is mapped back onto the stored photo ({@link #sourceRegion}) so only
 * that part is read, at full resolution (subsampled only if the part alone is over the decoder's
 * pixel bound).
 *
 * @param rotate 0, 90, 180 or 270
 * @param crop the part to keep, as fractions of the turned photo; null for all of it
 */
public record PhotoTransform(int rotate, Crop crop) {

  /** The photo as it came. */
  public static final PhotoTransform NONE = new PhotoTransform(0, null);

  /** The smallest part of a side a crop may keep: less is a slip of the finger, not a sheet. */
  public static final double MIN_CROP_SIDE = 0.05;

  /** How far past an edge a crop may reach and still count as inside (browser rounding). */
  static final double EDGE_SLACK = 1e-6;

  /** The EXIF orientations that mean "turn clockwise by 90 / 180 / 270 to show". */
  private static final int EXIF_CLOCKWISE_90 = 6;

  private static final int EXIF_180 = 3;
  private static final int EXIF_CLOCKWISE_270 = 8;

  public PhotoTransform {
    if (rotate != 0 && rotate != 90 && rotate != 180 && rotate != 270) {
      throw new IllegalArgumentException("rotate must be 0, 90, 180 or 270, not " + rotate);
    }
  }

  /**
   * A rectangle as fractions of the photo's width and height, from its top left corner.
   *
   * @throws IllegalArgumentException when it is not inside the photo or a side is under {@link
   *     #MIN_CROP_SIDE}
   */
  public record Crop(double left, double top, double width, double height) {

    public Crop {
      if (!(left >= 0 && top >= 0 && width >= MIN_CROP_SIDE && height >= MIN_CROP_SIDE)
          || left + width > 1 + EDGE_SLACK
          || top + height > 1 + EDGE_SLACK) {
        throw new IllegalArgumentException(
            "crop must lie inside the photo and keep at least "
                + Math.round(MIN_CROP_SIDE * 100)
                + " % of each side");
      }
    }
  }

  public boolean isNone() {
    return rotate == 0 && crop == null;
  }

  /** The upright photo turned, then cropped (a new image; {@code photo} is left as it was). */
  public BufferedImage apply(BufferedImage photo) {
    BufferedImage turned = turn(photo);
    return crop == null ? turned : cropped(turned, crop);
  }

  /** The upright photo turned clockwise by {@link #rotate} (the crop left aside). */
  BufferedImage turn(BufferedImage photo) {
    return switch (rotate) {
      case 90 -> ImageDecoder.upright(photo, EXIF_CLOCKWISE_90);
      case 180 -> ImageDecoder.upright(photo, EXIF_180);
      case 270 -> ImageDecoder.upright(photo, EXIF_CLOCKWISE_270);
      default -> photo;
    };
  }

  /**
   * The pixels of the stored photo ({@code width} × {@code height}, before its EXIF orientation)
   * that end up in the crop once the photo is set upright and turned: the whole photo without a
   * crop.
   */
  Rectangle sourceRegion(int width, int height, int exifOrientation) {
    if (crop == null) {
      return new Rectangle(0, 0, width, height);
    }
    int turnOrientation =
        switch (rotate) {
          case 90 -> EXIF_CLOCKWISE_90;
          case 180 -> EXIF_180;
          case 270 -> EXIF_CLOCKWISE_270;
          default -> 1;
        };
    double[] a = {crop.left(), crop.top()};
    double[] b = {crop.left() + crop.width(), crop.top() + crop.height()};
    for (int orientation : new int[] {turnOrientation, exifOrientation}) {
      a = backward(orientation, a);
      b = backward(orientation, b);
    }
    return pixels(
        Math.min(a[0], b[0]),
        Math.min(a[1], b[1]),
        Math.abs(a[0] - b[0]),
        Math.abs(a[1] - b[1]),
        width,
        height);
  }

  /**
   * Where a point (fractions of the image) shown after EXIF {@code orientation} lies in the image
   * before it: 6 and 8 undo each other, every other orientation undoes itself.
   */
  private static double[] backward(int orientation, double[] p) {
    double x = p[0];
    double y = p[1];
    return switch (orientation) {
      case 2 -> new double[] {1 - x, y};
      case 3 -> new double[] {1 - x, 1 - y};
      case 4 -> new double[] {x, 1 - y};
      case 5 -> new double[] {y, x};
      case 6 -> new double[] {y, 1 - x};
      case 7 -> new double[] {1 - y, 1 - x};
      case 8 -> new double[] {1 - y, x};
      default -> p;
    };
  }

  /** A rectangle in fractions as whole pixels of a {@code w} × {@code h} image, kept inside it. */
  private static Rectangle pixels(
      double left, double top, double width, double height, int w, int h) {
    int x = Math.max(0, Math.min(w - 1, (int) Math.round(left * w)));
    int y = Math.max(0, Math.min(h - 1, (int) Math.round(top * h)));
    int pw = Math.max(1, Math.min(w - x, (int) Math.round(width * w)));
    int ph = Math.max(1, Math.min(h - y, (int) Math.round(height * h)));
    return new Rectangle(x, y, pw, ph);
  }

  private static BufferedImage cropped(BufferedImage image, Crop crop) {
    Rectangle r =
        pixels(
            crop.left(),
            crop.top(),
            crop.width(),
            crop.height(),
            image.getWidth(),
            image.getHeight());
    int x = r.x;
    int y = r.y;
    int width = r.width;
    int height = r.height;
    BufferedImage out =
        new BufferedImage(
            width,
            height,
            image.getType() == BufferedImage.TYPE_CUSTOM
                ? BufferedImage.TYPE_BYTE_GRAY
                : image.getType());
    image.getSubimage(x, y, width, height).copyData(out.getRaster());
    return out;
  }
}
