package almacen.ingest.ocr;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;

/** Turns a page image into text. Implementations must honour the deadline (504 when exceeded). */
public interface OcrEngine {

  /**
   * Reads the text of {@code page} within {@code timeoutMillis}.
   *
   * @param page upright page image (any type; gray is best)
   * @param sourceDpi the page's resolution in dots per inch (estimated for photos)
   * @param timeoutMillis time left for this page; when it runs out the engine stops and throws 504
   */
  OcrText recognize(BufferedImage page, int sourceDpi, long timeoutMillis)
      throws InvoiceReadException;

  /**
   * Like {@link #recognize(BufferedImage, int, long)}, but the text lines {@code review} finds
   * suspect may be read a second time, more closely; {@code review} then says what to keep. An
   * engine that cannot look twice just ignores it.
   */
  default OcrText recognize(
      BufferedImage page, int sourceDpi, long timeoutMillis, LineReview review)
      throws InvoiceReadException {
    return recognize(page, sourceDpi, timeoutMillis);
  }

  /**
   * Like {@link #recognize(BufferedImage, int, long, LineReview)} with what is left of {@code
   * deadline}; an engine that makes several calls checks the deadline between them (504 when it is
   * over).
   */
  default OcrText recognize(
      BufferedImage page, int sourceDpi, ReadDeadline deadline, LineReview review)
      throws InvoiceReadException {
    deadline.check("empezar el OCR");
    return recognize(page, sourceDpi, deadline.millisLeft(), review);
  }

  /** Which text lines deserve a second reading, and what to keep once there is one. */
  interface LineReview {

    LineReview NONE =
        new LineReview() {
          @Override
          public boolean suspect(String line) {
            return false;
          }

          @Override
          public String keep(String first, String second) {
            return null;
          }
        };

    boolean suspect(String line);

    /**
     * Whether the page's text lacks what its letter box says (an invoice's letter and AFIP code),
     * so the box deserves a second look; an engine that cannot look twice ignores it.
     */
    default boolean wantsLetterBox(String pageText) {
      return false;
    }

    /**
     * Whether the page's text shows no labelled issue date, so its letterhead deserves a second
     * look ({@link DateRereader}); an engine that cannot look twice ignores it.
     */
    default boolean wantsIssueDate(String pageText) {
      return false;
    }

    /** Returns the line to use instead of {@code first}, or null to keep {@code first}. */
    String keep(String first, String second);
  }

  /**
   * The text read from a page.
   *
   * @param meanConfidence 0..1
   * @param words the words with where they are on the page, when the engine gives them (else
   *     empty): the page can then be read by column like a text PDF
   * @param wordConfidence each word's text and the lowest confidence (0..100) the engine gave it on
   *     the page, when the engine says (else empty): an item whose code or description holds a word
   *     the engine doubted is for a person to check ({@link ItemDoubts})
   */
  record OcrText(
      String text,
      double meanConfidence,
      List<PdfWords.Word> words,
      Map<String, Integer> wordConfidence) {

    public OcrText {
      words = List.copyOf(words);
      wordConfidence = Map.copyOf(wordConfidence);
    }

    /** Words with their places, no confidence per word. */
    public OcrText(String text, double meanConfidence, List<PdfWords.Word> words) {
      this(text, meanConfidence, words, Map.of());
    }

    /** Text only: the page is read line by line. */
    public OcrText(String text, double meanConfidence) {
      this(text, meanConfidence, List.of());
    }
  }
}
