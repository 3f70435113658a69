package almacen.ingest.ocr;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes a sniffed JPEG/PNG into an upright gray image. Large photos are subsampled while decoding
 * (never more than ~{@link #MAX_DECODED_PIXELS} decoded pixels); a crop is read alone, before any
 * subsampling, so it keeps the photo's own resolution. A truncated or corrupt stream is a 422.
 */
final class ImageDecoder {

  static final long MAX_DECODED_PIXELS = 16_000_000L;

  private ImageDecoder() {}

  static BufferedImage decode(byte[] bytes, ImageSniffer.Sniffed sniffed)
      throws InvoiceReadException {
    return decode(bytes, sniffed, PhotoTransform.NONE);
  }

  /**
   * Decodes only the part of the photo {@code transform} keeps, at full resolution unless that part
   * alone is over {@link #MAX_DECODED_PIXELS}, then sets it upright and turns it.
   */
  static BufferedImage decode(byte[] bytes, ImageSniffer.Sniffed sniffed, PhotoTransform transform)
      throws InvoiceReadException {
    String format = sniffed.kind() == ImageSniffer.Kind.PNG ? "png" : "jpeg";
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
    if (!readers.hasNext()) {
      throw InvoiceReadException.unsupported("No hay decodificador para " + format + ".");
    }
    ImageReader reader = readers.next();
    List<String> warnings = new ArrayList<>();
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      reader.setInput(in, true, true);
      reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
      Rectangle region =
          transform.sourceRegion(sniffed.width(), sniffed.height(), sniffed.exifOrientation());
      long pixels = (long) region.width * region.height;
      ImageReadParam param = reader.getDefaultReadParam();
      if (transform.crop() != null) {
        param.setSourceRegion(region);
      }
      int step = 1;
      while (pixels / ((long) step * step) > MAX_DECODED_PIXELS) {
        step++;
      }
      if (step > 1) {
        param.setSourceSubsampling(step, step, 0, 0);
      }
      BufferedImage image = reader.read(0, param);
      if (!warnings.isEmpty()) {
        throw InvoiceReadException.unreadable(
            "La imagen está truncada o dañada: " + warnings.get(0));
      }
      return transform.turn(upright(toGray(image), sniffed.exifOrientation()));
    } catch (IOException | RuntimeException e) {
      throw InvoiceReadException.unreadable(
          "La imagen está truncada o dañada y no se puede leer ("
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + e.getMessage())
              + ").",
          e);
    } finally {
      reader.dispose();
    }
  }

  static BufferedImage toGray(BufferedImage src) {
    if (src.getType() == BufferedImage.TYPE_BYTE_GRAY) {
      return src;
    }
    BufferedImage gray =
        new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = gray.createGraphics();
    try {
      g.setColor(java.awt.Color.WHITE); // transparent PNG pixels become paper
      g.fillRect(0, 0, src.getWidth(), src.getHeight());
      g.drawImage(src, 0, 0, null);
    } finally {
      g.dispose();
    }
    return gray;
  }

  /** Applies an EXIF orientation (1..8) so the text reads upright. */
  static BufferedImage upright(BufferedImage img, int orientation) {
    if (orientation <= 1 || orientation > 8) {
      return img;
    }
    int w = img.getWidth();
    int h = img.getHeight();
    boolean swap = orientation >= 5;
    AffineTransform t = new AffineTransform();
    switch (orientation) {
      case 2 -> {
        t.translate(w, 0);
        t.scale(-1, 1);
      }
      case 3 -> {
        t.translate(w, h);
        t.rotate(Math.PI);
      }
      case 4 -> {
        t.translate(0, h);
        t.scale(1, -1);
      }
      case 5 -> {
        t.rotate(-Math.PI / 2);
        t.scale(-1, 1);
      }
      case 6 -> {
        t.translate(h, 0);
        t.rotate(Math.PI / 2);
      }
      case 7 -> {
        t.scale(-1, 1);
        t.translate(-h, 0);
        t.translate(0, w);
        t.rotate(3 * Math.PI / 2);
      }
      case 8 -> {
        t.translate(0, w);
        t.rotate(3 * Math.PI / 2);
      }
      default -> {}
    }
    BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = out.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
      g.drawImage(img, t, null);
    } finally {
      g.dispose();
    }
    return out;
  }
}
