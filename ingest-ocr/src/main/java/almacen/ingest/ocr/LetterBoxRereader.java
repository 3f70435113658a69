package almacen.ingest.ocr;

import almacen.ingest.ocr.PdfWords.Word;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sourceforge.tess4j.ITessAPI;
import net.sourceforge.tess4j.TessAPI;

/**
 * Second look at the letter box of a page whose first pass read neither the invoice's letter nor
 * its AFIP code. The page pass misses both on scans: the big letter inside its box is dropped as a
 * picture, and the rule that runs down from the box crosses «COD. 06», which reads «P6». Found by
 * the code's label ("COD."), in the top of the page: the label's line is cut out to the height of
 * its glyphs, the rule's ink above and below left behind ({@link LetterBox#withoutCrossingRules}),
 * and read alone (one text line); the letter is the big glyph standing alone above it ({@link
 * LetterBox#loneGlyph}), cut out onto white paper and read alone (one character). Both are kept
 * only when they agree (the code's letter is the printed letter): two readings of two different
 * marks naming the same type. Then the page's text gets the letter on a line of its own before the
 * label's line, whose code is the one read again; the words get them too, where they are printed.
 */
final class LetterBoxRereader {

  private static final TessAPI TESS = TessAPI.INSTANCE;

  /** The label is in this top share of the page: the letter box heads the invoice. */
  static final double HEADER_SHARE = 0.4;

  /** The code's label as a word, maybe with the code glued to it ("COD.|11"). */
  private static final Pattern LABEL = Pattern.compile("(?i)(c[o0]d(?:igo)?[.,:;|]*)(\\S{0,4})");

  /**
   * What the code printed after its label is: at most this many glyphs (the code, or a misread).
   */
  static final int CODE_MAX_LENGTH = 4;

  /** The label's line read again: "COD. 06", "Código N° 01". */
  private static final Pattern CODE_READ =
      Pattern.compile("(?i)\\bc[o0]d(?:igo)?\\s*[.,:]?\\s*(?:n\\s*[°º]\\s*)?(\\d{2,3})\\b");

  private static final Pattern LETTER = Pattern.compile("[ABCM]");

  /**
   * The letter is between these many times as tall as the label (its glyphs' height): a box's
   * letter is printed 3–5 times the size of the small print under it.
   */
  static final int LETTER_MIN_HEIGHTS = 2;

  static final int LETTER_MAX_HEIGHTS = 8;

  /** How far above the label, in label heights, the letter is looked for. */
  static final int LETTER_REACH_UP = 12;

  /** How far either side of the label, in label heights, the letter is looked for. */
  static final int LETTER_REACH_SIDE = 3;

  private LetterBoxRereader() {}

  /**
   * The code's label on the page the engine has just recognised: its word (and the code's word
   * after it, if apart), with the box around both in page pixels.
   */
  record Label(String label, String code, int x0, int y0, int x1, int y1, int top, int bottom) {

    int height() {
      return Math.max(1, y1 - y0 + 1);
    }
  }

  /** What the second look read: the printed letter, where it is (page pixels) and the code. */
  record Reading(InvoiceType letter, LetterBox.Bounds letterBox, String code) {}

  /** The text and words of a page with the second look's letter and code in them. */
  record Amended(String text, List<Word> words) {}

  /** A word the page pass read, with its box and the number of its text line. */
  record Seen(String text, LetterBox.Bounds box, int line) {}

  /**
   * The first code label in the top {@link #HEADER_SHARE} of the page, with its code's word, or
   * null. Read from the engine's results, so call it before anything else is recognised.
   */
  static Label find(ITessAPI.TessBaseAPI api, int pageHeight) {
    ITessAPI.TessResultIterator it = TESS.TessBaseAPIGetIterator(api);
    if (it == null) {
      return null;
    }
    List<Seen> seen = new ArrayList<>();
    try {
      ITessAPI.TessPageIterator page = TESS.TessResultIteratorGetPageIterator(it);
      int line = 0;
      do {
        if (TESS.TessPageIteratorIsAtBeginningOf(page, ITessAPI.TessPageIteratorLevel.RIL_TEXTLINE)
            == ITessAPI.TRUE) {
          line++;
        }
        String text = word(it);
        LetterBox.Bounds box = box(page);
        if (text != null && box != null && box.y1() < HEADER_SHARE * pageHeight) {
          seen.add(new Seen(text, box, line));
        }
      } while (TESS.TessResultIteratorNext(it, ITessAPI.TessPageIteratorLevel.RIL_WORD)
          == ITessAPI.TRUE);
    } finally {
      TESS.TessResultIteratorDelete(it);
    }
    return label(seen);
  }

  /** The first label among {@code words}, in reading order; null when there is none. */
  static Label label(List<Seen> words) {
    for (int i = 0; i < words.size(); i++) {
      Seen w = words.get(i);
      Seen next =
          i + 1 < words.size() && words.get(i + 1).line() == w.line() ? words.get(i + 1) : null;
      Label l = label(w, next);
      if (l != null) {
        return l;
      }
    }
    return null;
  }

  /**
   * A label made of {@code word} and the {@code next} word on its line (null at the line's end):
   * the code glued to the label, or a short word after it; null when {@code word} is no label.
   */
  private static Label label(Seen word, Seen next) {
    Matcher m = LABEL.matcher(word.text());
    if (!m.matches()) {
      return null;
    }
    LetterBox.Bounds box = word.box();
    if (!m.group(2).isEmpty()) {
      return new Label(
          word.text(), null, box.x0(), box.y0(), box.x1(), box.y1(), box.y0(), box.y1());
    }
    if (next == null || next.text().length() > CODE_MAX_LENGTH) {
      return null; // "Código  Producto": a table's heading, not the voucher's code
    }
    LetterBox.Bounds nb = next.box();
    return new Label(
        word.text(),
        next.text(),
        box.x0(),
        Math.min(box.y0(), nb.y0()),
        nb.x1(),
        Math.max(box.y1(), nb.y1()),
        box.y0(),
        box.y1());
  }

  /**
   * Reads the label's line without its rules and the lone letter above it; null unless both were
   * read and agree.
   */
  static Reading read(ITessAPI.TessBaseAPI api, Pointer page, Label label, ReadDeadline deadline) {
    int h = label.height();
    String code = code(api, page, label, deadline);
    if (code == null) {
      return null;
    }
    InvoiceType byCode = InvoiceType.ofAfipCode(Integer.parseInt(code)).orElse(null);
    int left = Math.max(0, label.x0() - LETTER_REACH_SIDE * h);
    int top = Math.max(0, label.y0() - LETTER_REACH_UP * h);
    LetterBox.Gray above =
        TesseractOcrEngine.region(
            page, left, top, label.x1() + LETTER_REACH_SIDE * h, label.y1() + h);
    if (byCode == null || above == null || deadline.isOver()) {
      return null;
    }
    LetterBox.Glyph glyph =
        LetterBox.loneGlyph(above, LETTER_MIN_HEIGHTS * h, LETTER_MAX_HEIGHTS * h);
    if (glyph == null) {
      return null;
    }
    String letterText =
        readGray(api, glyph.image(), 1f, ITessAPI.TessPageSegMode.PSM_SINGLE_CHAR, deadline);
    String letter = letterText == null ? "" : letterText.strip();
    if (!LETTER.matcher(letter).matches() || InvoiceType.valueOf(letter) != byCode) {
      return null;
    }
    LetterBox.Bounds b = glyph.bounds();
    return new Reading(
        byCode,
        new LetterBox.Bounds(left + b.x0(), top + b.y0(), left + b.x1(), top + b.y1()),
        code);
  }

  /**
   * The code read again from the label's line cut to the height of the label's own glyphs and set
   * on white paper: as it is, so that a rule crossing the line leaves only the piece that lies on
   * the glyphs ("06", not "P6"); failing that, with the rule's ink taken out where no stroke
   * crosses it (a rule through the hole of a "0" makes it read "D"). Null when neither reads a
   * code.
   */
  private static String code(
      ITessAPI.TessBaseAPI api, Pointer page, Label label, ReadDeadline deadline) {
    int h = label.height();
    LetterBox.Gray around =
        TesseractOcrEngine.region(
            page, label.x0() - h, label.top() - h, label.x1() + 2 * h, label.bottom() + h);
    if (around == null) {
      return null;
    }
    int top = label.top() - Math.max(0, label.top() - h);
    int bottom = Math.min(around.height() - 1, top + label.bottom() - label.top());
    List<LetterBox.Gray> tries =
        List.of(
            LetterBox.rows(around, top, bottom),
            LetterBox.withoutCrossingRules(around, top, bottom));
    for (LetterBox.Gray line : tries) {
      if (deadline.isOver()) {
        return null;
      }
      String text =
          readGray(
              api,
              LetterBox.onWhite(line, h),
              2f,
              ITessAPI.TessPageSegMode.PSM_SINGLE_LINE,
              deadline);
      Matcher m = text == null ? null : CODE_READ.matcher(text);
      if (m != null && m.find()) {
        return m.group(1);
      }
    }
    return null;
  }

  private static String readGray(
      ITessAPI.TessBaseAPI api, LetterBox.Gray g, float scale, int psm, ReadDeadline deadline) {
    Pointer pix = TesseractOcrEngine.toPix(g);
    if (pix == null) {
      return null;
    }
    try {
      return LineRereader.read(api, pix, scale, psm, deadline.millisLeft());
    } finally {
      LeptonicaLib.INSTANCE.pixDestroy(new PointerByReference(pix));
    }
  }

  /**
   * The page's text with the letter on a line of its own before the label's line and the code read
   * again in that line; its words with the letter and the code. Unchanged when the label's line is
   * not in the text.
   */
  static Amended amend(String text, List<Word> words, Label label, Reading reading) {
    String now = label.code() == null ? labelPart(label.label()) + reading.code() : reading.code();
    Pattern printed =
        label.code() == null
            ? Pattern.compile(Pattern.quote(label.label()))
            : Pattern.compile(Pattern.quote(label.label()) + "\\s*" + Pattern.quote(label.code()));
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher m = printed.matcher(lines[i]);
      if (m.find()) {
        String fixed =
            lines[i].substring(0, m.start())
                + (label.code() == null ? now : label.label() + " " + now)
                + lines[i].substring(m.end());
        lines[i] = reading.letter().name() + "\n" + fixed;
        return new Amended(String.join("\n", lines), amendWords(words, label, reading));
      }
    }
    return new Amended(text, words);
  }

  private static List<Word> amendWords(List<Word> words, Label label, Reading reading) {
    List<Word> out = new ArrayList<>();
    for (Word w : words) {
      String target = label.code() == null ? label.label() : label.code();
      boolean isIt =
          w.text().equals(target) && w.x1() <= label.x1() + 1 && w.x0() >= label.x0() - 1;
      String now =
          label.code() == null ? labelPart(label.label()) + reading.code() : reading.code();
      out.add(isIt ? new Word(now, w.x0(), w.x1(), w.y(), w.size(), w.space()) : w);
    }
    LetterBox.Bounds b = reading.letterBox();
    out.add(new Word(reading.letter().name(), b.x0(), b.x1(), b.y1(), b.height(), b.width()));
    return out;
  }

  private static String labelPart(String glued) {
    Matcher m = LABEL.matcher(glued);
    return m.matches() ? m.group(1) : glued;
  }

  private static String word(ITessAPI.TessResultIterator it) {
    Pointer t = TESS.TessResultIteratorGetUTF8Text(it, ITessAPI.TessPageIteratorLevel.RIL_WORD);
    if (t == null) {
      return null;
    }
    String text = t.getString(0, "UTF-8").strip();
    TESS.TessDeleteText(t);
    return text.isEmpty() ? null : text;
  }

  /** The word's box; or null. */
  private static LetterBox.Bounds box(ITessAPI.TessPageIterator page) {
    IntBuffer l = IntBuffer.allocate(1);
    IntBuffer t = IntBuffer.allocate(1);
    IntBuffer r = IntBuffer.allocate(1);
    IntBuffer b = IntBuffer.allocate(1);
    if (TESS.TessPageIteratorBoundingBox(page, ITessAPI.TessPageIteratorLevel.RIL_WORD, l, t, r, b)
        != ITessAPI.TRUE) {
      return null;
    }
    return new LetterBox.Bounds(l.get(0), t.get(0), r.get(0), b.get(0));
  }
}
