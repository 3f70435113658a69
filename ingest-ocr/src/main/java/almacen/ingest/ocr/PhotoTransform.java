package almacen.ingest.ocr;

import java.awt.image.BufferedImage;

/**
 * What the person asked to do with a photo before it is read (again): turn it clockwise by {@code
 * rotate} degrees, after the orientation its EXIF data gives (so as the browser shows it), then
 * keep the part {@code crop} marks. The sheet is then cut out of what is left as for any photo.
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
    BufferedImage turned =
        switch (rotate) {
          case 90 -> ImageDecoder.upright(photo, EXIF_CLOCKWISE_90);
          case 180 -> ImageDecoder.upright(photo, EXIF_180);
          case 270 -> ImageDecoder.upright(photo, EXIF_CLOCKWISE_270);
          default -> photo;
        };
    return crop == null ? turned : cropped(turned, crop);
  }

  private static BufferedImage cropped(BufferedImage image, Crop crop) {
    int w = image.getWidth();
    int h = image.getHeight();
    int x = Math.min(w - 1, (int) Math.round(crop.left() * w));
    int y = Math.min(h - 1, (int) Math.round(crop.top() * h));
    int width = Math.max(1, Math.min(w - x, (int) Math.round(crop.width() * w)));
    int height = Math.max(1, Math.min(h - y, (int) Math.round(crop.height() * h)));
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
