package almacen.ingest.ocr;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Finds where on a page a QR code probably is, in a few milliseconds, so zxing can search a small
 * crop instead of the whole photo (the full-page search costs ~1 s per attempt on a phone photo).
 * On a ~600 px copy, a pixel is dark when it is well below its neighbourhood's mean (uneven light
 * does not matter); a QR is a block about half dark with a dark/light change every pixel or two,
 * which neither text (a fifth dark at most, even the big bold type letter) nor a frame edge (few
 * changes) is.
 */
final class QrLocator {

  /** Dark share above which a block is taken for a QR. */
  static final double LIKELY = 0.38;

  /** Dark share under which the page has nothing QR-like at all: no need to search it further. */
  static final double NONE_BELOW = 0.33;

  private static final double MIN_CHANGES = 0.15;
  private static final int SMALL_SIDE = 600;

  /** A box in the caller's pixels and the dark share of the densest window in it. */
  record Spot(int x, int y, int w, int h, double score) {
    boolean likely() {
      return score >= LIKELY;
    }
  }

  private final int w;
  private final int h;
  private final double scale;
  private final int[] dark;
  private final int[] changes;
  private final int side;

  private QrLocator(ZxingQrDecoder.Gray page) {
    scale = Math.min(1.0, SMALL_SIDE / (double) Math.max(page.w, page.h));
    ZxingQrDecoder.Gray s = scale < 1.0 ? page.downscale(scale) : page;
    w = s.w;
    h = s.h;
    side = Math.max(8, w * 6 / 100); // ~0.5 in on an A4: inside any AFIP QR (2–3 cm)
    boolean[] d = darkPixels(s);
    dark = integral(d, null);
    changes =
        integral(
            d,
            (x, y) ->
                (x > 0 && d[y * w + x] != d[y * w + x - 1] ? 1 : 0)
                    + (y > 0 && d[y * w + x] != d[(y - 1) * w + x] ? 1 : 0));
  }

  private interface Cell {
    int value(int x, int y);
  }

  /** The most QR-like spot of the page, or null for a page too small to tell. */
  static Spot find(ZxingQrDecoder.Gray page) {
    if (page.w < 100 || page.h < 100) {
      return null;
    }
    return new QrLocator(page).run();
  }

  private Spot run() {
    int step = Math.max(1, side / 2);
    int cols = (w - side) / step + 1;
    int rows = (h - side) / step + 1;
    if (cols < 1 || rows < 1) {
      return null;
    }
    double[] score = new double[cols * rows];
    int best = 0;
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        int x = c * step;
        int y = r * step;
        double area = side * (double) side;
        double darkShare = sum(dark, x, y) / area;
        double changeRate = sum(changes, x, y) / area;
        score[r * cols + c] = changeRate >= MIN_CHANGES ? darkShare : 0;
        if (score[r * cols + c] > score[best]) {
          best = r * cols + c;
        }
      }
    }
    // grow from the best window through its QR-like neighbours: the box is the whole code
    int minC = best % cols;
    int maxC = minC;
    int minR = best / cols;
    int maxR = minR;
    boolean[] seen = new boolean[score.length];
    Deque<Integer> todo = new ArrayDeque<>();
    todo.add(best);
    seen[best] = true;
    while (!todo.isEmpty()) {
      int i = todo.poll();
      int c = i % cols;
      int r = i / cols;
      minC = Math.min(minC, c);
      maxC = Math.max(maxC, c);
      minR = Math.min(minR, r);
      maxR = Math.max(maxR, r);
      for (int[] n : new int[][] {{c - 1, r}, {c + 1, r}, {c, r - 1}, {c, r + 1}}) {
        int j = n[1] * cols + n[0];
        if (n[0] >= 0
            && n[0] < cols
            && n[1] >= 0
            && n[1] < rows
            && !seen[j]
            && score[j] >= NONE_BELOW * 0.9) {
          seen[j] = true;
          todo.add(j);
        }
      }
    }
    // pad by a window on each side: the quiet zone and the finder patterns' outer rings
    int x0 = Math.max(0, minC * step - side);
    int y0 = Math.max(0, minR * step - side);
    int x1 = Math.min(w, maxC * step + 2 * side);
    int y1 = Math.min(h, maxR * step + 2 * side);
    return new Spot(
        (int) (x0 / scale),
        (int) (y0 / scale),
        (int) ((x1 - x0) / scale),
        (int) ((y1 - y0) / scale),
        score[best]);
  }

  private boolean[] darkPixels(ZxingQrDecoder.Gray s) {
    int[] lum = new int[(w + 1) * (h + 1)];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        lum[(y + 1) * (w + 1) + x + 1] =
            (s.px[y * w + x] & 0xFF)
                + lum[y * (w + 1) + x + 1]
                + lum[(y + 1) * (w + 1) + x]
                - lum[y * (w + 1) + x];
      }
    }
    int r = Math.max(2, w / 30);
    boolean[] d = new boolean[w * h];
    for (int y = 0; y < h; y++) {
      int y0 = Math.max(0, y - r);
      int y1 = Math.min(h, y + r + 1);
      for (int x = 0; x < w; x++) {
        int x0 = Math.max(0, x - r);
        int x1 = Math.min(w, x + r + 1);
        long sum =
            (long) lum[y1 * (w + 1) + x1]
                - lum[y0 * (w + 1) + x1]
                - lum[y1 * (w + 1) + x0]
                + lum[y0 * (w + 1) + x0];
        double mean = sum / (double) ((x1 - x0) * (y1 - y0));
        d[y * w + x] = (s.px[y * w + x] & 0xFF) < 0.8 * mean;
      }
    }
    return d;
  }

  private int[] integral(boolean[] d, Cell cell) {
    int[] sum = new int[(w + 1) * (h + 1)];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int v = cell == null ? (d[y * w + x] ? 1 : 0) : cell.value(x, y);
        sum[(y + 1) * (w + 1) + x + 1] =
            v + sum[y * (w + 1) + x + 1] + sum[(y + 1) * (w + 1) + x] - sum[y * (w + 1) + x];
      }
    }
    return sum;
  }

  private int sum(int[] integral, int x, int y) {
    int x1 = x + side;
    int y1 = y + side;
    return integral[y1 * (w + 1) + x1]
        - integral[y * (w + 1) + x1]
        - integral[y1 * (w + 1) + x]
        + integral[y * (w + 1) + x];
  }
}
