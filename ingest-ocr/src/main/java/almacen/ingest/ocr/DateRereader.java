package almacen.ingest.ocr;

import almacen.ingest.ocr.PdfWords.Word;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.sourceforge.lept4j.Pix;
import net.sourceforge.tess4j.ITessAPI;
import net.sourceforge.tess4j.TessAPI;

/**
 * Second look at a page's letterhead when its text shows no issue date. In a letterhead of two
 * halves whose lines are printed at different heights ("Razón Social" on the left between "Punto de
 * Venta" and "Fecha de Emisión" on the right), Tesseract's page layout takes the halves for one
 * table and joins a left line with the right line beside it into one text line; the recognizer then
 * reads only one of the two, and the date is lost. Read again as sparse text (PSM 11: every run of
 * words is its own line, no columns or tables assumed), only the part of the page above the item
 * table's header row, the date line comes out whole; it is added to the page's text and words when
 * {@link DateReader} finds a labelled issue date in it. Nothing else of the second reading is used.
 */
final class DateRereader {

  private static final TessAPI TESS = TessAPI.INSTANCE;
  private static final LeptonicaLib LEPT = LeptonicaLib.INSTANCE;

  private DateRereader() {}

  /** The page's text and words, with the reread date line in them (unchanged when none). */
  record Amended(String text, List<Word> words) {}

  /**
   * Whether a page's text lacks a labelled issue date, so its letterhead deserves a second look.
   */
  static boolean wants(String pageText) {
    return DateReader.labelledIssueDate(new PrintedLines(pageText == null ? "" : pageText)) == null;
  }

  /**
   * Reads the letterhead of the page {@code api} has just recognised (from {@code prepared}, page
   * pixels) again; call it after everything else was taken from the page pass.
   */
  static Amended reread(
      ITessAPI.TessBaseAPI api,
      Pointer prepared,
      String text,
      List<Word> words,
      ReadDeadline deadline) {
    int top = tableTop(words);
    if (top <= 0 || deadline.isOver()) {
      return new Amended(text, words);
    }
    List<Word> again = read(api, prepared, top, deadline.millisLeft());
    LocalDate caeDue = new DateReader(new PrintedLines(text), new ParseIssues()).read().caeDue();
    for (PositionedLines.Line line : PositionedLines.of(again, 0)) {
      String printed = line.text();
      if (believable(DateReader.labelledIssueDate(new PrintedLines(printed)), caeDue)) {
        return new Amended(withLine(text, printed), withWords(words, line.words()));
      }
    }
    return new Amended(text, words);
  }

  /** A date read again, never after the CAE's due date printed on the same page (if any). */
  static boolean believable(LocalDate issue, LocalDate caeDue) {
    return issue != null && (caeDue == null || !issue.isAfter(caeDue));
  }

  /** The top of the item table's header row in page pixels, or 0 when the page has none. */
  static int tableTop(List<Word> words) {
    for (PositionedLines.Line line : PositionedLines.of(words, 0)) {
      if (TableLayout.isHeaderRow(PrintedLines.normalize(line.text()))) {
        float top = Float.MAX_VALUE;
        for (Word w : line.words()) {
          top = Math.min(top, w.y() - w.size());
        }
        return Math.max(0, (int) top);
      }
    }
    return 0;
  }

  /**
   * The date line at the end of the letterhead: right before the item table's header row, or after
   * the page's first line when the text shows no header row.
   */
  static String withLine(String text, String line) {
    String[] lines = text.split("\n", -1);
    int at = Math.min(1, lines.length);
    for (int i = 0; i < lines.length; i++) {
      if (TableLayout.isHeaderRow(PrintedLines.normalize(lines[i]))) {
        at = i;
        break;
      }
    }
    List<String> out = new ArrayList<>(List.of(lines));
    out.add(at, line);
    return String.join("\n", out);
  }

  private static List<Word> withWords(List<Word> words, List<Word> added) {
    List<Word> out = new ArrayList<>(words);
    out.addAll(added);
    return out;
  }

  /**
   * The words of the top {@code height} pixels of the page read as sparse text (page pixels: the
   * part starts at the page's corner); empty when it cannot be cut or read.
   */
  private static List<Word> read(
      ITessAPI.TessBaseAPI api, Pointer prepared, int height, long timeoutMillis) {
    LetterBox.Gray part =
        TesseractOcrEngine.region(prepared, 0, 0, LEPT.pixGetWidth(prepared) - 1, height - 1);
    Pointer top = part == null ? null : TesseractOcrEngine.toPix(part);
    if (top == null) {
      return List.of();
    }
    ITessAPI.ETEXT_DESC monitor = TESS.TessMonitorCreate();
    try {
      TESS.TessBaseAPISetPageSegMode(api, ITessAPI.TessPageSegMode.PSM_SPARSE_TEXT);
      TESS.TessBaseAPISetImage2(api, new Pix(top));
      TESS.TessBaseAPISetSourceResolution(api, TesseractOcrEngine.targetDpi(0, 0));
      TESS.TessMonitorSetDeadlineMSecs(monitor, (int) Math.min(Integer.MAX_VALUE, timeoutMillis));
      if (TESS.TessBaseAPIRecognize(api, monitor) != 0) {
        return List.of();
      }
      return TesseractWords.of(api);
    } finally {
      TESS.TessMonitorDelete(monitor);
      TESS.TessBaseAPIClear(api);
      LEPT.pixDestroy(new PointerByReference(top));
    }
  }
}
