package almacen.ingest.ocr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * QR decoding with zxing ({@code TRY_HARDER}, QR only). First only around the spot {@link
 * QrLocator} finds (a crop, then averaged, median-filtered and enlarged copies of it); a page with
 * nothing QR-like is not searched further. Otherwise a ladder of retries over the whole photo: the
 * page as is; downscaled by area averaging (a 4000 px photo of a 2 cm QR has fuzzy, noisy modules
 * that averaging cleans up); a 3×3 median filter (JPEG/sensor noise); then overlapping tiles of the
 * lower half (where AFIP puts the QR) upscaled 2×. Prefers an AFIP URL when several codes decode. A
 * cancelled read (its thread interrupted) skips the remaining rungs.
 */
@Component
public class ZxingQrDecoder implements QrDecoder {

  private static final Map<DecodeHintType, Object> HINTS = new EnumMap<>(DecodeHintType.class);

  static {
    HINTS.put(DecodeHintType.TRY_HARDER, true);
    HINTS.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
    HINTS.put(DecodeHintType.CHARACTER_SET, "UTF-8");
  }

  @Override
  public Optional<String> decode(BufferedImage page) {
    Gray g = Gray.of(page);
    QrLocator.Spot spot = QrLocator.find(g);
    if (spot != null && spot.likely()) {
      Optional<String> r = nearSpot(g, spot);
      if (r.isPresent()) {
        return r;
      }
    }
    if (spot != null && spot.score() < QrLocator.NONE_BELOW) {
      return Optional.empty(); // nothing on the page looks like a QR: spare the ~1–2 s full search
    }
    return wholePage(g);
  }

  /** The crop around a likely QR: as is, averaged down, median-filtered, enlarged. */
  private static Optional<String> nearSpot(Gray g, QrLocator.Spot spot) {
    int x = Math.max(0, spot.x());
    int y = Math.max(0, spot.y());
    Gray crop = g.crop(x, y, Math.min(spot.w(), g.w - x), Math.min(spot.h(), g.h - y));
    List<Gray> tries = new ArrayList<>();
    tries.add(crop);
    if (Math.max(crop.w, crop.h) > 400) {
      tries.add(crop.downscale(0.5));
    }
    tries.add(crop.median3());
    if (Math.max(crop.w, crop.h) < 800) {
      tries.add(crop.upscale(2.0));
    }
    for (Gray t : tries) {
      Optional<String> r = attempt(t);
      if (r.isPresent()) {
        return r;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> wholePage(Gray g) {
    List<Gray> ladder = new ArrayList<>();
    ladder.add(g);
    int longSide = Math.max(g.w, g.h);
    if (longSide > 1800) {
      ladder.add(g.downscale(1800.0 / longSide));
    }
    if (longSide > 1200) {
      ladder.add(g.downscale(1200.0 / longSide));
    }
    for (Gray candidate : ladder) {
      Optional<String> r = attempt(candidate);
      if (r.isPresent()) {
        return r;
      }
    }
    Gray median = (longSide > 1800 ? g.downscale(1800.0 / longSide) : g).median3();
    Optional<String> r = attempt(median);
    if (r.isPresent()) {
      return r;
    }
    // tiles of the lower half, half the width each, overlapping by a quarter, upscaled 2x
    int tileW = g.w / 2;
    int tileH = g.h / 4;
    for (int y = g.h / 2; y + tileH <= g.h; y += tileH / 2) {
      for (int x = 0; x + tileW <= g.w; x += tileW / 2) {
        Gray tile = g.crop(x, y, tileW, tileH);
        r = attempt(tile);
        if (r.isEmpty()) {
          r = attempt(tile.downscale(0.5)); // averaging 2×2 halves sensor/JPEG noise
        }
        if (r.isEmpty()) {
          r = attempt(tile.median3());
        }
        if (r.isPresent()) {
          return r;
        }
        double scale = Math.min(2.0, 1600.0 / Math.max(tileW, tileH));
        Gray up = scale > 1.05 ? tile.upscale(scale) : tile;
        r = attempt(up);
        if (r.isPresent()) {
          return r;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> attempt(Gray g) {
    if (Thread.currentThread().isInterrupted()) {
      return Optional
          .empty(); // the read was cancelled at its deadline: every remaining rung is skipped
    }
    LuminanceSource source = new PlanarYUVLuminanceSource(g.px, g.w, g.h, 0, 0, g.w, g.h, false);
    for (int binarizer = 0; binarizer < 2; binarizer++) {
      BinaryBitmap bitmap =
          new BinaryBitmap(
              binarizer == 0 ? new HybridBinarizer(source) : new GlobalHistogramBinarizer(source));
      try {
        Result result = new MultiFormatReader().decode(bitmap, HINTS);
        return Optional.ofNullable(result.getText());
      } catch (NotFoundException e) {
        // no QR at this rung of the ladder: the caller tries the next one
      }
    }
    return Optional.empty();
  }

  /** A plain 8-bit gray raster, enough for the retry ladder without java.awt scaling quirks. */
  static final class Gray {
    final int w;
    final int h;
    final byte[] px;

    Gray(int w, int h, byte[] px) {
      this.w = w;
      this.h = h;
      this.px = px;
    }

    static Gray of(BufferedImage img) {
      BufferedImage gray = ImageDecoder.toGray(img);
      int w = gray.getWidth();
      int h = gray.getHeight();
      byte[] px = new byte[w * h];
      gray.getRaster().getDataElements(0, 0, w, h, px);
      return new Gray(w, h, px);
    }

    /** Area-averaging downscale by {@code f} < 1. */
    Gray downscale(double f) {
      int nw = Math.max(1, (int) Math.round(w * f));
      int nh = Math.max(1, (int) Math.round(h * f));
      byte[] out = new byte[nw * nh];
      for (int y = 0; y < nh; y++) {
        int y0 = (int) ((long) y * h / nh);
        int y1 = Math.max(y0 + 1, (int) ((long) (y + 1) * h / nh));
        for (int x = 0; x < nw; x++) {
          int x0 = (int) ((long) x * w / nw);
          int x1 = Math.max(x0 + 1, (int) ((long) (x + 1) * w / nw));
          int sum = 0;
          for (int yy = y0; yy < y1; yy++) {
            int row = yy * w;
            for (int xx = x0; xx < x1; xx++) {
              sum += px[row + xx] & 0xFF;
            }
          }
          out[y * nw + x] = (byte) (sum / ((y1 - y0) * (x1 - x0)));
        }
      }
      return new Gray(nw, nh, out);
    }

    /** Bilinear upscale by {@code f} > 1. */
    Gray upscale(double f) {
      int nw = (int) Math.round(w * f);
      int nh = (int) Math.round(h * f);
      byte[] out = new byte[nw * nh];
      for (int y = 0; y < nh; y++) {
        double sy = Math.min(h - 1.001, y / f);
        int y0 = (int) sy;
        double fy = sy - y0;
        for (int x = 0; x < nw; x++) {
          double sx = Math.min(w - 1.001, x / f);
          int x0 = (int) sx;
          double fx = sx - x0;
          double a = px[y0 * w + x0] & 0xFF;
          double b = px[y0 * w + x0 + 1] & 0xFF;
          double c = px[(y0 + 1) * w + x0] & 0xFF;
          double d = px[(y0 + 1) * w + x0 + 1] & 0xFF;
          out[y * nw + x] =
              (byte)
                  Math.round(
                      a * (1 - fx) * (1 - fy)
                          + b * fx * (1 - fy)
                          + c * (1 - fx) * fy
                          + d * fx * fy);
        }
      }
      return new Gray(nw, nh, out);
    }

    Gray median3() {
      byte[] out = px.clone();
      int[] win = new int[9];
      for (int y = 1; y < h - 1; y++) {
        for (int x = 1; x < w - 1; x++) {
          int k = 0;
          for (int dy = -1; dy <= 1; dy++) {
            int row = (y + dy) * w + x;
            win[k++] = px[row - 1] & 0xFF;
            win[k++] = px[row] & 0xFF;
            win[k++] = px[row + 1] & 0xFF;
          }
          java.util.Arrays.sort(win);
          out[y * w + x] = (byte) win[4];
        }
      }
      return new Gray(w, h, out);
    }

    Gray crop(int x0, int y0, int cw, int ch) {
      byte[] out = new byte[cw * ch];
      for (int y = 0; y < ch; y++) {
        System.arraycopy(px, (y0 + y) * w + x0, out, y * cw, cw);
      }
      return new Gray(cw, ch, out);
    }
  }
}
