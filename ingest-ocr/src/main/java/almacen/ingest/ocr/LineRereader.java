package almacen.ingest.ocr;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;
import net.sourceforge.lept4j.Pix;
import net.sourceforge.tess4j.ITessAPI;
import net.sourceforge.tess4j.TessAPI;

/**
 * Second look at the text lines a first full-page pass got wrong (for invoices: rows whose quantity
 * × price is not the line total). Each such line is cut from the prepared page with a little
 * margin, enlarged 2× and read alone as one text line (PSM 7): a quantity the page pass saw as "A"
 * or "£" usually comes out right. The review decides what of the second reading to keep (for rows:
 * only if the numbers then close). Runs on the same TessBaseAPI right after the page was recognised
 * (the iterator is only valid until then).
 */
final class LineRereader {

  private static final TessAPI TESS = TessAPI.INSTANCE;
  private static final LeptonicaLib LEPT = LeptonicaLib.INSTANCE;

  /**
   * Beyond this many bad lines the page is a bad photo: a second pass would cost time and fix
   * little.
   */
  static final int MAX_LINES = 8;

  private static final int PADDING = 6;

  private LineRereader() {}

  private record Bad(String text, Pointer clip) {}

  static String reread(
      ITessAPI.TessBaseAPI api,
      Pointer page,
      String text,
      OcrEngine.LineReview review,
      ReadDeadline deadline) {
    List<Bad> bad = collect(api, page, review);
    String out = text;
    try {
      for (Bad b : bad) {
        long left = deadline.millisLeft();
        if (deadline.isOver()) {
          break; // what was read so far stands; the caller checks the deadline again and answers
          // 504
        }
        String again = readEnlarged(api, b.clip(), left);
        String kept =
            again == null || again.isBlank() ? null : review.keep(b.text(), again.strip());
        if (kept != null) {
          out = replaceFirst(out, b.text(), kept);
        }
      }
    } finally {
      for (Bad b : bad) {
        LEPT.pixDestroy(new PointerByReference(b.clip()));
      }
    }
    return out;
  }

  private static List<Bad> collect(
      ITessAPI.TessBaseAPI api, Pointer page, OcrEngine.LineReview review) {
    List<Bad> bad = new ArrayList<>();
    ITessAPI.TessResultIterator it = TESS.TessBaseAPIGetIterator(api);
    if (it == null) {
      return bad;
    }
    try {
      ITessAPI.TessPageIterator pageIt = TESS.TessResultIteratorGetPageIterator(it);
      Pix original = new Pix(page);
      do {
        Pointer t =
            TESS.TessResultIteratorGetUTF8Text(it, ITessAPI.TessPageIteratorLevel.RIL_TEXTLINE);
        if (t == null) {
          continue;
        }
        String line = t.getString(0, "UTF-8").strip();
        TESS.TessDeleteText(t);
        if (bad.size() >= MAX_LINES || line.isEmpty() || !review.suspect(line)) {
          continue;
        }
        Pix clip =
            TESS.TessPageIteratorGetImage(
                pageIt,
                ITessAPI.TessPageIteratorLevel.RIL_TEXTLINE,
                PADDING,
                original,
                IntBuffer.allocate(1),
                IntBuffer.allocate(1));
        if (clip != null) {
          bad.add(new Bad(line, clip.getPointer()));
        }
      } while (TESS.TessResultIteratorNext(it, ITessAPI.TessPageIteratorLevel.RIL_TEXTLINE)
          == ITessAPI.TRUE);
    } finally {
      TESS.TessResultIteratorDelete(it);
    }
    return bad;
  }

  private static String readEnlarged(ITessAPI.TessBaseAPI api, Pointer clip, long timeoutMillis) {
    return read(api, clip, 2f, ITessAPI.TessPageSegMode.PSM_SINGLE_LINE, timeoutMillis);
  }

  /**
   * Reads {@code clip} alone, enlarged {@code scale} times, in page segmentation mode {@code psm};
   * null when Tesseract fails or runs out of time. Leaves {@code api} cleared, its mode as given.
   */
  static String read(
      ITessAPI.TessBaseAPI api, Pointer clip, float scale, int psm, long timeoutMillis) {
    Pointer big = scale == 1f ? clip : LEPT.pixScale(clip, scale, scale);
    if (big == null) {
      return null;
    }
    ITessAPI.ETEXT_DESC monitor = TESS.TessMonitorCreate();
    Pointer text = null;
    try {
      TESS.TessBaseAPISetPageSegMode(api, psm);
      TESS.TessBaseAPISetImage2(api, new Pix(big));
      TESS.TessBaseAPISetSourceResolution(
          api, Math.round(scale * TesseractOcrEngine.targetDpi(0, 0)));
      TESS.TessMonitorSetDeadlineMSecs(monitor, (int) Math.min(Integer.MAX_VALUE, timeoutMillis));
      if (TESS.TessBaseAPIRecognize(api, monitor) != 0) {
        return null;
      }
      text = TESS.TessBaseAPIGetUTF8Text(api);
      return text == null ? null : text.getString(0, "UTF-8");
    } finally {
      if (text != null) {
        TESS.TessDeleteText(text);
      }
      TESS.TessMonitorDelete(monitor);
      TESS.TessBaseAPIClear(api);
      if (big != clip) {
        LEPT.pixDestroy(new PointerByReference(big));
      }
    }
  }

  private static String replaceFirst(String text, String line, String replacement) {
    int at = text.indexOf(line);
    return at < 0 ? text : text.substring(0, at) + replacement + text.substring(at + line.length());
  }
}
