package almacen.ingest.ocr;

import com.ochafik.lang.jnaerator.runtime.NativeSize;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import net.sourceforge.lept4j.Pix;
import net.sourceforge.tess4j.ITessAPI;
import net.sourceforge.tess4j.TessAPI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Tesseract 5 ({@code spa}, LSTM) through tess4j's low-level C API, so a deadline monitor can stop
 * recognition natively. A TessBaseAPI is not thread-safe: each call borrows a handle from a pool
 * and gives it back, so a handle is only ever used by one thread at a time (the reader's semaphore
 * bounds how many exist). Before recognition the page is scaled to {@value #TARGET_DPI} dpi,
 * flattened to white with Leptonica background normalisation and deskewed; it is never binarised
 * here (Tesseract's own Otsu on the flattened page does better). Rows the review finds suspect get
 * a second look ({@link LineRereader}), and so does the letter box of a page whose text shows
 * neither the invoice's letter nor its code ({@link LetterBoxRereader}), and so does the letterhead
 * of a page whose text shows no issue date ({@link DateRereader}). Set {@code OMP_THREAD_LIMIT=1}
 * in the environment: OpenMP spinning makes a page 5× slower.
 */
@Component
public class TesseractOcrEngine implements OcrEngine, AutoCloseable {

  /*
   * Interface (lazy) JNA mapping for Tesseract, not the direct-mapped TessAPI1: that binds every symbol
   * at class load and fails on Debian 12's Tesseract 5.3, which lacks newer functions. Leptonica
   * through our own small mapping (see LeptonicaLib).
   */
  private static final TessAPI TESS = TessAPI.INSTANCE;
  private static final LeptonicaLib LEPT = LeptonicaLib.INSTANCE;

  /**
   * Resolution pages are brought to. Not 300: over 8 × 12 generated photos 220 dpi read 98.7 % of
   * the rows exactly against 97.0 % at 300, in three quarters of the time (fewer pixels to lay out
   * and binarise; the LSTM rescales each text line to its own height anyway).
   */
  static final int TARGET_DPI = 220;

  /**
   * Paper is flattened to white, not Leptonica's usual 200: the LSTM reads grey, and grey paper
   * made it read DejaVu Serif 3s as 9s.
   */
  private static final int PAPER = 255;

  static final String DEFAULT_TESSDATA = "/usr/share/tesseract-ocr/5/tessdata";

  private final String tessdata;
  private final String language;
  private final ConcurrentLinkedDeque<ITessAPI.TessBaseAPI> pool = new ConcurrentLinkedDeque<>();
  private volatile boolean closed;

  public TesseractOcrEngine(
      @Value("${almacen.ocr.tessdata:}") String tessdata,
      @Value("${almacen.ocr.language:spa}") String language) {
    this.tessdata = resolveTessdata(tessdata);
    this.language = language;
  }

  static String resolveTessdata(String configured) {
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    String env = System.getenv("TESSDATA_PREFIX");
    if (env != null && !env.isBlank() && Files.isDirectory(Path.of(env))) {
      return env;
    }
    return DEFAULT_TESSDATA;
  }

  @Override
  public OcrText recognize(BufferedImage page, int sourceDpi, long timeoutMillis)
      throws InvoiceReadException {
    return recognize(page, sourceDpi, timeoutMillis, LineReview.NONE);
  }

  @Override
  public OcrText recognize(BufferedImage page, int sourceDpi, long timeoutMillis, LineReview review)
      throws InvoiceReadException {
    if (timeoutMillis <= 0) {
      throw InvoiceReadException.timeout(
          "Se agotó el tiempo para leer la factura antes de empezar el OCR.");
    }
    return recognize(
        page, sourceDpi, ReadDeadline.startingNow(Duration.ofMillis(timeoutMillis)), review);
  }

  /**
   * Checks the deadline before each step (each Leptonica preparation step, the page pass, each
   * second look) and gives Tesseract's own monitor what is left, so a cancelled read stops within
   * one native call.
   */
  @Override
  public OcrText recognize(
      BufferedImage page, int sourceDpi, ReadDeadline deadline, LineReview review)
      throws InvoiceReadException {
    deadline.check("preparar la imagen para el OCR");
    ITessAPI.TessBaseAPI api = borrow();
    Pointer prepared = null;
    ITessAPI.ETEXT_DESC monitor = null;
    Pointer text = null;
    try {
      prepared = prepare(page, sourceDpi, deadline);
      TESS.TessBaseAPISetImage2(api, new Pix(prepared));
      TESS.TessBaseAPISetSourceResolution(api, Math.max(70, targetDpi(sourceDpi, page.getWidth())));
      deadline.check("reconocer el texto");
      monitor = TESS.TessMonitorCreate();
      TESS.TessMonitorSetDeadlineMSecs(
          monitor, (int) Math.min(Integer.MAX_VALUE, deadline.millisLeft()));
      int rc = TESS.TessBaseAPIRecognize(api, monitor);
      if (rc != 0) {
        if (deadline.isOver()) {
          throw InvoiceReadException.timeout(
              "El OCR superó el tiempo máximo de "
                  + deadline.budget().toMillis()
                  + " ms y se detuvo.");
        }
        throw InvoiceReadException.unreadable(
            "Tesseract no pudo reconocer la página (código " + rc + ").");
      }
      text = TESS.TessBaseAPIGetUTF8Text(api);
      String s = text == null ? "" : text.getString(0, "UTF-8");
      int conf = TESS.TessBaseAPIMeanTextConf(api);
      Map<String, Integer> wordConfidence = new HashMap<>();
      List<PdfWords.Word> words = TesseractWords.of(api, wordConfidence);
      LetterBoxRereader.Label label =
          review.wantsLetterBox(s)
              ? LetterBoxRereader.find(api, LEPT.pixGetHeight(prepared))
              : null;
      s = LineRereader.reread(api, prepared, s, review, deadline);
      LetterBoxRereader.Reading letter =
          label == null ? null : LetterBoxRereader.read(api, prepared, label, deadline);
      if (letter != null) {
        LetterBoxRereader.Amended amended = LetterBoxRereader.amend(s, words, label, letter);
        s = amended.text();
        words = amended.words();
      }
      if (review.wantsIssueDate(s)) {
        DateRereader.Amended dated = DateRereader.reread(api, prepared, s, words, deadline);
        s = dated.text();
        words = dated.words();
      }
      return new OcrText(s, Math.max(0, Math.min(100, conf)) / 100.0, words, wordConfidence);
    } finally {
      TESS.TessBaseAPISetPageSegMode(api, ITessAPI.TessPageSegMode.PSM_AUTO);
      if (text != null) {
        TESS.TessDeleteText(text);
      }
      if (monitor != null) {
        TESS.TessMonitorDelete(monitor);
      }
      TESS.TessBaseAPIClear(api);
      if (prepared != null) {
        dispose(prepared);
      }
      giveBack(api);
    }
  }

  /** A4 photos and scans are brought to {@link #TARGET_DPI}. */
  static int targetDpi(int sourceDpi, int width) {
    return TARGET_DPI;
  }

  /** Scale factor that brings the page to about {@link #TARGET_DPI} (between 0.5× and 2.5×). */
  static float scaleFor(int sourceDpi) {
    float f = (float) TARGET_DPI / Math.max(50, sourceDpi);
    return Math.max(0.5f, Math.min(2.5f, f));
  }

  private Pointer prepare(BufferedImage page, int sourceDpi, ReadDeadline deadline)
      throws InvoiceReadException {
    Pointer current = toPix(ImageDecoder.toGray(page));
    try {
      Pointer gray = LEPT.pixConvertTo8(current, 0);
      current = replace(current, gray);
      float scale = scaleFor(sourceDpi);
      if (Math.abs(scale - 1f) > 0.1f) {
        deadline.check("escalar la imagen");
        current = replace(current, LEPT.pixScale(current, scale, scale));
      }
      // flatten uneven light (shadows of the phone, lamp gradients) into white paper; Leptonica's
      // defaults
      // (10×15 tiles, foreground below 100, 50 pixels per tile, smoothing 2×1) but for the paper
      // value
      deadline.check("aclarar el fondo de la imagen");
      current =
          replace(
              current, LEPT.pixBackgroundNorm(current, null, null, 10, 15, 100, 50, PAPER, 2, 1));
      // deskew: a phone held 1–4° off multiplies line errors
      deadline.check("enderezar la imagen");
      current = replace(current, LEPT.pixDeskew(current, 0));
      return current;
    } catch (InvoiceReadException e) {
      dispose(current);
      throw e;
    }
  }

  /** Hands an 8-bit gray image to Leptonica as an in-memory PGM (no encoder, no temp file). */
  private static Pointer toPix(BufferedImage gray) throws InvoiceReadException {
    int w = gray.getWidth();
    int h = gray.getHeight();
    ByteBuffer buf = pgm(w, h);
    byte[] row = new byte[w];
    for (int y = 0; y < h; y++) {
      gray.getRaster().getDataElements(0, y, w, 1, row);
      buf.put(row);
    }
    Pointer pix = pixOf(buf);
    if (pix == null) {
      throw InvoiceReadException.unreadable("No se pudo pasar la imagen al motor de OCR.");
    }
    return pix;
  }

  /** Gray pixels as a Leptonica image (the caller destroys it), or null if Leptonica refused. */
  static Pointer toPix(LetterBox.Gray gray) {
    ByteBuffer buf = pgm(gray.width(), gray.height());
    buf.put(gray.pixels());
    return pixOf(buf);
  }

  /** A direct buffer holding a PGM header, with room for the pixels after it. */
  private static ByteBuffer pgm(int w, int h) {
    byte[] header = ("P5\n" + w + " " + h + "\n255\n").getBytes(StandardCharsets.US_ASCII);
    ByteBuffer buf = ByteBuffer.allocateDirect(header.length + w * h);
    buf.put(header);
    return buf;
  }

  private static Pointer pixOf(ByteBuffer filled) {
    filled.flip();
    return LEPT.pixReadMem(filled, new NativeSize(filled.capacity()));
  }

  /**
   * The pixels of an 8-bit Leptonica image within {@code x0..x1 × y0..y1} (clipped to it); null
   * when the image is not 8-bit gray.
   */
  static LetterBox.Gray region(Pointer pix, int x0, int y0, int x1, int y1) {
    if (LEPT.pixGetDepth(pix) != 8) {
      return null;
    }
    int left = Math.max(0, x0);
    int top = Math.max(0, y0);
    int right = Math.min(LEPT.pixGetWidth(pix) - 1, x1);
    int bottom = Math.min(LEPT.pixGetHeight(pix) - 1, y1);
    if (right < left || bottom < top) {
      return null;
    }
    int w = right - left + 1;
    int h = bottom - top + 1;
    int rowBytes = 4 * LEPT.pixGetWpl(pix);
    Pointer data = LEPT.pixGetData(pix);
    // each 32-bit word holds four pixels, the first in its high byte: in memory that byte comes
    // last on a little-endian machine
    int flip = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? 3 : 0;
    byte[] out = new byte[w * h];
    for (int y = 0; y < h; y++) {
      byte[] row = data.getByteArray((long) (top + y) * rowBytes, rowBytes);
      for (int x = 0; x < w; x++) {
        out[y * w + x] = row[(left + x) ^ flip];
      }
    }
    return new LetterBox.Gray(w, h, out);
  }

  private static void dispose(Pointer pix) {
    if (pix != null) {
      LEPT.pixDestroy(new PointerByReference(pix));
    }
  }

  /**
   * Returns {@code next} after destroying {@code previous}; keeps {@code previous} when Leptonica
   * failed.
   */
  private static Pointer replace(Pointer previous, Pointer next) {
    if (next == null) {
      return previous;
    }
    if (!next.equals(previous)) {
      dispose(previous);
    }
    return next;
  }

  private ITessAPI.TessBaseAPI borrow() throws InvoiceReadException {
    if (closed) {
      throw new InvoiceReadException(503, "OCR_UNAVAILABLE", "El motor de OCR se está cerrando.");
    }
    ITessAPI.TessBaseAPI api = pool.pollFirst();
    if (api != null) {
      return api;
    }
    api = TESS.TessBaseAPICreate();
    int rc =
        TESS.TessBaseAPIInit2(api, tessdata, language, ITessAPI.TessOcrEngineMode.OEM_LSTM_ONLY);
    if (rc != 0) {
      TESS.TessBaseAPIDelete(api);
      throw new InvoiceReadException(
          503,
          "OCR_UNAVAILABLE",
          "No se pudo iniciar Tesseract con el idioma '" + language + "' en " + tessdata + ".");
    }
    TESS.TessBaseAPISetPageSegMode(api, ITessAPI.TessPageSegMode.PSM_AUTO);
    TESS.TessBaseAPISetVariable(api, "preserve_interword_spaces", "1");
    TESS.TessBaseAPISetVariable(api, "debug_file", "/dev/null");
    return api;
  }

  private void giveBack(ITessAPI.TessBaseAPI api) {
    if (closed) {
      destroy(api);
    } else {
      pool.offerFirst(api);
    }
  }

  private static void destroy(ITessAPI.TessBaseAPI api) {
    TESS.TessBaseAPIEnd(api);
    TESS.TessBaseAPIDelete(api);
  }

  @Override
  public void close() {
    closed = true;
    ITessAPI.TessBaseAPI api;
    while ((api = pool.pollFirst()) != null) {
      destroy(api);
    }
  }
}
