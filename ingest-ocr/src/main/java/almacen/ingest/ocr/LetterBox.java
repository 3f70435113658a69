package almacen.ingest.ocr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Image work for the second look at an invoice's letter box ({@link LetterBoxRereader}), on plain
 * gray pixels: a line of print without the rule that crosses it (a rule through «COD. 06» makes OCR
 * read «P6» or «D6»), and the big glyph standing alone in the box, cut out onto white paper so that
 * nothing but the letter is left to read.
 */
final class LetterBox {

  /** A column inked over this share of the rows above and below a line is a rule crossing it. */
  static final double RULE_SHARE = 0.8;

  /** Darker than this is ink (the page is flattened to white paper before OCR). */
  static final int INK = 128;

  /** A region of a gray page: 0 is black, 255 white, row after row. */
  // pixels are worked on in place and never compared or hashed
  @SuppressWarnings("ArrayRecordComponent")
  record Gray(int width, int height, byte[] pixels) {

    Gray {
      if (pixels.length != width * height) {
        throw new IllegalArgumentException("pixels do not fill " + width + "×" + height);
      }
    }

    static Gray white(int width, int height) {
      byte[] px = new byte[width * height];
      Arrays.fill(px, (byte) 255);
      return new Gray(width, height, px);
    }

    int at(int x, int y) {
      return pixels[y * width + x] & 0xff;
    }

    boolean ink(int x, int y) {
      return at(x, y) < INK;
    }

    void set(int x, int y, int value) {
      pixels[y * width + x] = (byte) value;
    }
  }

  /** A glyph's bounds, inclusive, in its region's pixels. */
  record Bounds(int x0, int y0, int x1, int y1) {

    int width() {
      return x1 - x0 + 1;
    }

    int height() {
      return y1 - y0 + 1;
    }
  }

  /** A glyph cut out on white paper, and where it was. */
  record Glyph(Gray image, Bounds bounds) {}

  /**
   * A component this much of whose bounding box is ink is solid like a glyph; a box's outline, a
   * frame or a rule covers far less of its box.
   */
  static final double MIN_FILL = 0.18;

  /** A letter is between this many times as wide as tall and {@link #MAX_ASPECT}. */
  static final double MIN_ASPECT = 0.35;

  static final double MAX_ASPECT = 1.4;

  /**
   * Around the letter, this share of its height must hold no other mark: the box's letter stands
   * alone, a letter of a title ("FACTURA") has neighbours.
   */
  static final double CLEARANCE = 0.3;

  /** Marks smaller than this share of the letter's height are specks, not neighbours. */
  static final double SPECK = 0.15;

  private LetterBox() {}

  /** {@code g} in the middle of white paper, {@code margin} pixels on every side. */
  static Gray onWhite(Gray g, int margin) {
    Gray out = Gray.white(g.width() + 2 * margin, g.height() + 2 * margin);
    for (int y = 0; y < g.height(); y++) {
      System.arraycopy(
          g.pixels(), y * g.width(), out.pixels(), (y + margin) * out.width() + margin, g.width());
    }
    return out;
  }

  /**
   * Rows {@code top..bottom} of {@code g} (a line of print with some page above and below it)
   * without the rules that cross the line: a column inked nearly all the way above the line and
   * below it is a rule's, and inside the line its ink goes, but where a glyph's stroke runs across
   * it on both sides (the top and bottom of a "0" that the rule crosses).
   */
  static Gray withoutCrossingRules(Gray g, int top, int bottom) {
    boolean[] rule = new boolean[g.width()];
    for (int x = 0; x < g.width(); x++) {
      rule[x] =
          inkShare(g, x, 0, top) >= RULE_SHARE
              && inkShare(g, x, bottom + 1, g.height()) >= RULE_SHARE;
    }
    Gray out = rows(g, top, bottom);
    for (int y = 0; y < out.height(); y++) {
      int x = 0;
      while (x < g.width()) {
        if (!rule[x]) {
          x++;
          continue;
        }
        int end = x;
        while (end < g.width() && rule[end]) {
          end++;
        }
        boolean crossed = x > 0 && end < g.width() && out.ink(x - 1, y) && out.ink(end, y);
        if (!crossed) {
          for (int k = x; k < end; k++) {
            out.set(k, y, 255);
          }
        }
        x = end;
      }
    }
    return out;
  }

  /** Rows {@code top..bottom} of {@code g}. */
  static Gray rows(Gray g, int top, int bottom) {
    return new Gray(
        g.width(),
        bottom - top + 1,
        Arrays.copyOfRange(g.pixels(), top * g.width(), (bottom + 1) * g.width()));
  }

  /** The share of rows {@code from..to-1} inked in column {@code x}; 0 when there are none. */
  private static double inkShare(Gray g, int x, int from, int to) {
    if (to <= from) {
      return 0;
    }
    int ink = 0;
    for (int y = from; y < to; y++) {
      ink += g.ink(x, y) ? 1 : 0;
    }
    return (double) ink / (to - from);
  }

  private static boolean inside(Gray g, int x, int y) {
    return x >= 0 && y >= 0 && x < g.width() && y < g.height();
  }

  /**
   * The tallest glyph in {@code g} between {@code minHeight} and {@code maxHeight} pixels tall that
   * stands alone (no other mark within {@link #CLEARANCE} of its height: a box around it keeps its
   * distance), cut out on white with a margin of half its height; null when there is none.
   */
  static Glyph loneGlyph(Gray g, int minHeight, int maxHeight) {
    List<Component> components = components(g);
    Component best = null;
    for (Component c : components) {
      Bounds b = c.bounds();
      double aspect = (double) b.width() / b.height();
      boolean shaped =
          b.height() >= minHeight
              && b.height() <= maxHeight
              && aspect >= MIN_ASPECT
              && aspect <= MAX_ASPECT
              && c.pixels().size() >= MIN_FILL * b.width() * b.height()
              && b.x0() > 0
              && b.y0() > 0
              && b.x1() < g.width() - 1
              && b.y1() < g.height() - 1;
      if (shaped
          && alone(c, components, g.width())
          && (best == null || b.height() > best.bounds().height())) {
        best = c;
      }
    }
    return best == null ? null : cutOut(g, best);
  }

  private record Component(Bounds bounds, List<Integer> pixels) {}

  /**
   * Whether no other mark has ink near {@code c}: a box drawn around the letter keeps its distance,
   * the letters of a word do not.
   */
  private static boolean alone(Component c, List<Component> all, int width) {
    Bounds b = c.bounds();
    int clear = (int) Math.ceil(CLEARANCE * b.height());
    int speck = (int) Math.ceil(SPECK * b.height());
    for (Component o : all) {
      Bounds ob = o.bounds();
      boolean overlaps =
          ob.x1() >= b.x0() - clear
              && ob.x0() <= b.x1() + clear
              && ob.y1() >= b.y0() - clear
              && ob.y0() <= b.y1() + clear;
      if (o == c || !overlaps || (ob.width() < speck && ob.height() < speck)) {
        continue;
      }
      for (int i : o.pixels()) {
        int x = i % width;
        int y = i / width;
        if (x >= b.x0() - clear
            && x <= b.x1() + clear
            && y >= b.y0() - clear
            && y <= b.y1() + clear) {
          return false;
        }
      }
    }
    return true;
  }

  private static Glyph cutOut(Gray g, Component c) {
    Bounds b = c.bounds();
    int margin = Math.max(4, b.height() / 2);
    Gray out = Gray.white(b.width() + 2 * margin, b.height() + 2 * margin);
    for (int i : c.pixels()) {
      int x = i % g.width();
      int y = i / g.width();
      // the glyph's ink and the soft edge around it, nothing else
      for (int dy = -1; dy <= 1; dy++) {
        for (int dx = -1; dx <= 1; dx++) {
          int px = x + dx;
          int py = y + dy;
          if (inside(g, px, py)) {
            int ox = px - b.x0() + margin;
            int oy = py - b.y0() + margin;
            out.set(ox, oy, Math.min(out.at(ox, oy), g.at(px, py)));
          }
        }
      }
    }
    return new Glyph(out, b);
  }

  /** The 8-connected components of ink. */
  private static List<Component> components(Gray g) {
    int w = g.width();
    int h = g.height();
    boolean[] seen = new boolean[w * h];
    List<Component> out = new ArrayList<>();
    int[] stack = new int[w * h];
    for (int start = 0; start < w * h; start++) {
      if (seen[start] || (g.pixels()[start] & 0xff) >= INK) {
        continue;
      }
      List<Integer> pixels = new ArrayList<>();
      int top = 0;
      stack[top++] = start;
      seen[start] = true;
      int x0 = w;
      int y0 = h;
      int x1 = -1;
      int y1 = -1;
      while (top > 0) {
        int i = stack[--top];
        pixels.add(i);
        int x = i % w;
        int y = i / w;
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x);
        y0 = Math.min(y0, y);
        y1 = Math.max(y1, y);
        for (int dy = -1; dy <= 1; dy++) {
          for (int dx = -1; dx <= 1; dx++) {
            int nx = x + dx;
            int ny = y + dy;
            if (inside(g, nx, ny)) {
              int n = ny * w + nx;
              if (!seen[n] && (g.pixels()[n] & 0xff) < INK) {
                seen[n] = true;
                stack[top++] = n;
              }
            }
          }
        }
      }
      out.add(new Component(new Bounds(x0, y0, x1, y1), pixels));
    }
    return out;
  }
}
