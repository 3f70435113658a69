package almacen.ingest.ocr;

import almacen.ingest.ocr.PdfWords.Word;
import com.sun.jna.Pointer;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.sourceforge.tess4j.ITessAPI;
import net.sourceforge.tess4j.TessAPI;

/**
 * The words Tesseract recognised on a page with where they are (pixels of the page it was given),
 * in the shape a PDF's text layer gives them ({@link PdfWords.Word}), so a scan or a photo can be
 * rebuilt into lines and read by column ({@link PositionedLines}, {@link PositionedTable}) like a
 * text PDF. A word's size is its text line's height (about an em); its "space" is the line's mean
 * glyph width, so a column gap is a gap wider than one and a half glyphs, in any font. Read right
 * after the page pass, while the engine's results are valid.
 */
final class TesseractWords {

  private static final TessAPI TESS = TessAPI.INSTANCE;

  private TesseractWords() {}

  /** The words of the page {@code api} has just recognised, line by line; empty if none. */
  static List<Word> of(ITessAPI.TessBaseAPI api) {
    return of(api, new HashMap<>());
  }

  /**
   * The words of the page {@code api} has just recognised, line by line; each word's text with the
   * lowest confidence Tesseract gave it (0..100) is put in {@code confidence}.
   */
  static List<Word> of(ITessAPI.TessBaseAPI api, Map<String, Integer> confidence) {
    List<Word> out = new ArrayList<>();
    ITessAPI.TessResultIterator it = TESS.TessBaseAPIGetIterator(api);
    if (it == null) {
      return out;
    }
    try {
      ITessAPI.TessPageIterator page = TESS.TessResultIteratorGetPageIterator(it);
      List<Raw> line = new ArrayList<>();
      int lineHeight = 0;
      do {
        if (TESS.TessPageIteratorIsAtBeginningOf(page, ITessAPI.TessPageIteratorLevel.RIL_TEXTLINE)
            == ITessAPI.TRUE) {
          flush(line, lineHeight, out);
          int[] box = box(page, ITessAPI.TessPageIteratorLevel.RIL_TEXTLINE);
          lineHeight = box == null ? 0 : box[3] - box[1];
        }
        Raw w = word(it, page);
        if (w != null) {
          line.add(w);
          int c =
              Math.round(
                  TESS.TessResultIteratorConfidence(it, ITessAPI.TessPageIteratorLevel.RIL_WORD));
          confidence.merge(w.text(), Math.max(0, Math.min(100, c)), Math::min);
        }
      } while (TESS.TessResultIteratorNext(it, ITessAPI.TessPageIteratorLevel.RIL_WORD)
          == ITessAPI.TRUE);
      flush(line, lineHeight, out);
    } finally {
      TESS.TessResultIteratorDelete(it);
    }
    return out;
  }

  /** A word as Tesseract gives it: text, box and baseline height, in pixels. */
  private record Raw(String text, int x0, int x1, float baseline) {}

  private static Raw word(ITessAPI.TessResultIterator it, ITessAPI.TessPageIterator page) {
    Pointer t = TESS.TessResultIteratorGetUTF8Text(it, ITessAPI.TessPageIteratorLevel.RIL_WORD);
    if (t == null) {
      return null;
    }
    String text = t.getString(0, "UTF-8").strip();
    TESS.TessDeleteText(t);
    int[] box = box(page, ITessAPI.TessPageIteratorLevel.RIL_WORD);
    if (text.isEmpty() || box == null) {
      return null;
    }
    IntBuffer x1 = IntBuffer.allocate(1);
    IntBuffer y1 = IntBuffer.allocate(1);
    IntBuffer x2 = IntBuffer.allocate(1);
    IntBuffer y2 = IntBuffer.allocate(1);
    float baseline =
        TESS.TessPageIteratorBaseline(page, ITessAPI.TessPageIteratorLevel.RIL_WORD, x1, y1, x2, y2)
                == ITessAPI.TRUE
            ? (y1.get(0) + y2.get(0)) / 2f
            : box[3];
    return new Raw(text, box[0], box[2], baseline);
  }

  /** left, top, right, bottom; or null. */
  private static int[] box(ITessAPI.TessPageIterator page, int level) {
    IntBuffer l = IntBuffer.allocate(1);
    IntBuffer t = IntBuffer.allocate(1);
    IntBuffer r = IntBuffer.allocate(1);
    IntBuffer b = IntBuffer.allocate(1);
    if (TESS.TessPageIteratorBoundingBox(page, level, l, t, r, b) != ITessAPI.TRUE) {
      return null;
    }
    return new int[] {l.get(0), t.get(0), r.get(0), b.get(0)};
  }

  private static void flush(List<Raw> line, int height, List<Word> out) {
    if (line.isEmpty()) {
      return;
    }
    int width = 0;
    int glyphs = 0;
    for (Raw w : line) {
      width += w.x1() - w.x0();
      glyphs += w.text().codePointCount(0, w.text().length());
    }
    float size = Math.max(1, height);
    float glyph = glyphs == 0 ? size / 2 : (float) width / glyphs;
    for (Raw w : line) {
      out.add(new Word(w.text(), w.x0(), w.x1(), w.baseline(), size, glyph));
    }
    line.clear();
  }
}
