package almacen.ingest.ocr;

import almacen.ingest.ocr.PdfWords.Word;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A page's words rebuilt into printed lines from their positions: words whose baselines are within
 * a fraction of the font size share a line, ordered left to right. As text, words of one phrase are
 * joined by a space and words a column apart by {@link #COLUMN_GAP} (three spaces), so "RAZÓN S.A."
 * and "Punto de Venta: 00006" printed on one baseline never read as one name.
 */
final class PositionedLines {

  /** Baselines closer than this share a line, as a share of the font size. */
  static final float SAME_LINE = 0.45f;

  /**
   * A gap wider than this, as a share of the font size, separates columns: a space is 0.25–0.3 em
   * in the usual fonts, the narrowest column gutter about one em.
   */
  static final float COLUMN_GAP_EM = 0.6f;

  /**
   * ... and wider than this many of the font's spaces: a fixed-width font's space is 0.6 em, so one
   * space between words is no gutter there.
   */
  static final float SPACES_IN_A_GAP = 1.5f;

  static final String COLUMN_GAP = "   ";

  /** One printed line: its words left to right and the page it is on (0-based). */
  record Line(List<Word> words, int page) {

    Line {
      words = List.copyOf(words);
    }

    String text() {
      StringBuilder sb = new StringBuilder();
      Word prev = null;
      for (Word w : words) {
        if (prev != null) {
          sb.append(isColumnGap(prev, w) ? COLUMN_GAP : " ");
        }
        sb.append(w.text());
        prev = w;
      }
      return sb.toString();
    }

    /** Runs of words with no column gap inside: a table's cells. */
    List<List<Word>> cells() {
      List<List<Word>> out = new ArrayList<>();
      List<Word> cur = new ArrayList<>();
      Word prev = null;
      for (Word w : words) {
        if (prev != null && isColumnGap(prev, w)) {
          out.add(cur);
          cur = new ArrayList<>();
        }
        cur.add(w);
        prev = w;
      }
      if (!cur.isEmpty()) {
        out.add(cur);
      }
      return out;
    }
  }

  private PositionedLines() {}

  static boolean isColumnGap(Word left, Word right) {
    float gap = right.x0() - left.x1();
    return gap > COLUMN_GAP_EM * Math.max(left.size(), right.size())
        && gap > SPACES_IN_A_GAP * Math.max(left.space(), right.space());
  }

  /** The lines of one page, top to bottom. */
  static List<Line> of(List<Word> words, int page) {
    List<Word> sorted = new ArrayList<>(words);
    sorted.sort(Comparator.comparingDouble(Word::y).thenComparingDouble(Word::x0));
    List<Line> lines = new ArrayList<>();
    List<Word> cur = new ArrayList<>();
    float lineY = 0;
    for (Word w : sorted) {
      if (!cur.isEmpty() && Math.abs(w.y() - lineY) > SAME_LINE * w.size()) {
        lines.add(line(cur, page));
        cur = new ArrayList<>();
      }
      if (cur.isEmpty()) {
        lineY = w.y();
      }
      cur.add(w);
    }
    if (!cur.isEmpty()) {
      lines.add(line(cur, page));
    }
    return lines;
  }

  private static Line line(List<Word> words, int page) {
    List<Word> byX = new ArrayList<>(words);
    byX.sort(Comparator.comparingDouble(Word::x0));
    return new Line(byX, page);
  }
}
