package almacen.ingest.ocr;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the sheet in a phone photo (a bright quadrilateral on a darker table) and paints what lies
 * outside it with the paper's own tone. Left alone, the table and the paper's rotated edge reach
 * Tesseract as junk glyphs ("E", "]", ":") at both ends of every text line, which breaks the column
 * parsing of the rows. The sheet's width also gives the real resolution (an A4 is 8.27 in wide; the
 * whole frame overstates it). Works on a 1/f box-averaged copy (sensor noise averages out); each
 * edge is a straight line fitted to the first dark→bright step met from that side of the frame.
 * Scans and PDF renders have no such step: then nothing is painted.
 */
final class PaperFrame {

  static final double A4_WIDTH_INCHES = 8.27;
  private static final int SMALL_SIDE = 500;

  /**
   * @param page the photo with the outside painted; {@code paperWidth} in px, 0 when no sheet edge
   *     was seen on both sides
   */
  record Found(BufferedImage page, int paperWidth) {}

  /** x = a + b·y (or y = a + b·x for top and bottom) in full-resolution pixels. */
  private record Edge(double a, double b) {
    double at(double t) {
      return a + b * t;
    }
  }

  private final int w;
  private final int h;
  private final byte[] px;
  private final int f;
  private final int sw;
  private final int sh;
  private final int[] small;

  private PaperFrame(BufferedImage gray) {
    w = gray.getWidth();
    h = gray.getHeight();
    px = new byte[w * h];
    gray.getRaster().getDataElements(0, 0, w, h, px);
    f = Math.max(1, Math.round(Math.max(w, h) / (float) SMALL_SIDE));
    sw = w / f;
    sh = h / f;
    small = new int[sw * sh];
    for (int y = 0; y < sh * f; y++) {
      int row = y * w;
      int srow = (y / f) * sw;
      for (int x = 0; x < sw * f; x++) {
        small[srow + x / f] += px[row + x] & 0xFF;
      }
    }
    for (int i = 0; i < small.length; i++) {
      small[i] /= f * f;
    }
  }

  static Found isolate(BufferedImage page) {
    PaperFrame frame = new PaperFrame(ImageDecoder.toGray(page));
    return frame.run();
  }

  private Found run() {
    if (sw < 40 || sh < 40) {
      return new Found(toImage(), 0);
    }
    Edge left = fit(scan(true, false));
    Edge right = fit(scan(true, true));
    Edge top = fit(scan(false, false));
    Edge bottom = fit(scan(false, true));
    if (left == null && right == null && top == null && bottom == null) {
      return new Found(toImage(), 0);
    }
    int paperWidth =
        left != null && right != null ? (int) Math.round(right.at(h / 2.0) - left.at(h / 2.0)) : 0;
    // stay a little inside the sheet: its edge is a 1–2 px ramp after blur and JPEG
    int inset = Math.max(2 * f, (paperWidth > 0 ? paperWidth : w) / 120);
    paint(left, right, top, bottom, inset);
    // and drop the frame beyond the sheet's bounding box: a quarter fewer pixels for QR and OCR
    int x0 = left == null ? 0 : clamp((int) Math.min(left.at(0), left.at(h)), w);
    int x1 = right == null ? w : clamp((int) Math.ceil(Math.max(right.at(0), right.at(h))) + 1, w);
    int y0 = top == null ? 0 : clamp((int) Math.min(top.at(0), top.at(w)), h);
    int y1 =
        bottom == null ? h : clamp((int) Math.ceil(Math.max(bottom.at(0), bottom.at(w))) + 1, h);
    BufferedImage painted = toImage();
    if (x1 - x0 < w / 2 || y1 - y0 < h / 2) {
      return new Found(
          painted, paperWidth); // not a sheet filling most of the photo: keep the frame
    }
    return new Found(painted.getSubimage(x0, y0, x1 - x0, y1 - y0), paperWidth);
  }

  private static int clamp(int v, int max) {
    return Math.max(0, Math.min(max, v));
  }

  /**
   * For each small row (horizontal) or column, where the first dark→bright step from one side is,
   * as {position along the scan, position of the step} pairs in small pixels.
   */
  private List<double[]> scan(boolean horizontal, boolean fromEnd) {
    int lines = horizontal ? sh : sw;
    int len = horizontal ? sw : sh;
    List<double[]> steps = new ArrayList<>();
    for (int i = 0; i < lines; i++) {
      int border =
          (at(horizontal, i, fromEnd ? len - 1 : 0) + at(horizontal, i, fromEnd ? len - 2 : 1)) / 2;
      int paper = 0;
      for (int k = 0; k < len; k++) {
        paper = Math.max(paper, at(horizontal, i, k));
      }
      if (paper - border < 40 || paper < border * 1.5) {
        continue; // no table around the paper on this line (a scan, or a line beyond the sheet)
      }
      int threshold = (border + paper) / 2;
      for (int k = 0; k < len / 3; k++) {
        int pos = fromEnd ? len - 1 - k : k;
        if (at(horizontal, i, pos) >= threshold) {
          steps.add(new double[] {i, pos});
          break;
        }
      }
    }
    return steps;
  }

  private int at(boolean horizontal, int line, int k) {
    return horizontal ? small[line * sw + k] : small[k * sw + line];
  }

  /**
   * Least squares twice, the second time without the points more than 2 small px off the first
   * line.
   */
  private Edge fit(List<double[]> points) {
    int minPoints = 20;
    if (points.size() < minPoints) {
      return null;
    }
    Edge first = leastSquares(points);
    if (first == null) {
      return null;
    }
    List<double[]> near =
        points.stream().filter(p -> Math.abs(first.at(p[0]) - p[1]) <= 2).toList();
    Edge second = near.size() >= minPoints ? leastSquares(near) : null;
    if (second == null
        || Math.abs(second.b()) > 0.15) { // a sheet more than ~8° off is not what we met
      return null;
    }
    // small-pixel centres → full resolution
    return new Edge(second.a() * f + f / 2.0, second.b());
  }

  private static Edge leastSquares(List<double[]> points) {
    double n = points.size();
    double st = 0;
    double sv = 0;
    double stt = 0;
    double stv = 0;
    for (double[] p : points) {
      st += p[0];
      sv += p[1];
      stt += p[0] * p[0];
      stv += p[0] * p[1];
    }
    double den = n * stt - st * st;
    if (den == 0) {
      return null;
    }
    double b = (n * stv - st * sv) / den;
    return new Edge((sv - b * st) / n, b);
  }

  /**
   * Paints outside the sheet (plus {@code inset}) with the paper tone found just inside that edge.
   * Tones are sampled inside the sheet also for the rows above and below it (and the columns beside
   * it), so the corners of the frame get paper tone, not table.
   */
  private void paint(Edge left, Edge right, Edge top, Edge bottom, int inset) {
    int reach = inset / f + 2; // small px from the edge to where the paper tone is sampled
    for (int y = 0; y < h; y++) {
      if (left != null) {
        int edge = (int) Math.round(left.at(y)) + inset;
        int sx = edge / f + reach;
        fillRow(y, 0, edge, tone(true, clampRow(y, sx, top, bottom, reach), sx));
      }
      if (right != null) {
        int edge = (int) Math.round(right.at(y)) - inset;
        int sx = edge / f - reach;
        fillRow(y, edge, w, tone(true, clampRow(y, sx, top, bottom, reach), sx));
      }
    }
    for (int x = 0; x < w; x++) {
      if (top != null) {
        int edge = (int) Math.round(top.at(x)) + inset;
        int sy = edge / f + reach;
        fillColumn(x, 0, edge, tone(false, clampColumn(x, sy, left, right, reach), sy));
      }
      if (bottom != null) {
        int edge = (int) Math.round(bottom.at(x)) - inset;
        int sy = edge / f - reach;
        fillColumn(x, edge, h, tone(false, clampColumn(x, sy, left, right, reach), sy));
      }
    }
  }

  /**
   * The small row nearest full-resolution row {@code y} that is inside the sheet at small column
   * {@code sx}.
   */
  private int clampRow(int y, int sx, Edge top, Edge bottom, int reach) {
    int lo = top == null ? 0 : (int) Math.round(top.at(sx * f)) / f + reach;
    int hi = bottom == null ? sh - 1 : (int) Math.round(bottom.at(sx * f)) / f - reach;
    return Math.max(0, Math.min(sh - 1, Math.max(lo, Math.min(hi, y / f))));
  }

  private int clampColumn(int x, int sy, Edge left, Edge right, int reach) {
    int lo = left == null ? 0 : (int) Math.round(left.at(sy * f)) / f + reach;
    int hi = right == null ? sw - 1 : (int) Math.round(right.at(sy * f)) / f - reach;
    return Math.max(0, Math.min(sw - 1, Math.max(lo, Math.min(hi, x / f))));
  }

  /** The brightest of three small pixels around {@code k}: paper, even if a glyph is nearby. */
  private int tone(boolean horizontal, int line, int k) {
    int len = horizontal ? sw : sh;
    int best = 0;
    for (int d = -1; d <= 1; d++) {
      int kk = Math.max(0, Math.min(len - 1, k + d));
      best = Math.max(best, at(horizontal, line, kk));
    }
    return best;
  }

  private void fillRow(int y, int from, int to, int tone) {
    int a = Math.max(0, from);
    int b = Math.min(w, to);
    for (int x = a; x < b; x++) {
      px[y * w + x] = (byte) tone;
    }
  }

  private void fillColumn(int x, int from, int to, int tone) {
    int a = Math.max(0, from);
    int b = Math.min(h, to);
    for (int y = a; y < b; y++) {
      px[y * w + x] = (byte) tone;
    }
  }

  private BufferedImage toImage() {
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    out.getRaster().setDataElements(0, 0, w, h, px);
    return out;
  }
}
