package almacen.ingest.ocr;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What makes an OCR'd item doubtful even when its numbers close: a code or description one glyph
 * off ("LAC3104" among "LAC-3101"s, "zz Gaseosa", "Se]" after a name) or a code column printed but
 * lost. The numbers of such a row still add up, so the cross-checks pass; without these doubts the
 * invoice would confirm a wrong code or name on its own. Each doubt is an issue: the invoice waits
 * for a person. Only OCR'd text is doubted: a PDF's text layer carries the exact characters. Chosen
 * on the development seeds (docs/ocr.md, "Renglones dudosos"):
 *
 * <ul>
 *   <li>a supplier code whose shape (letters, digit runs, separators) differs from the shape most
 *       of the invoice's codes share;
 *   <li>a code or description with a glyph a product name does not carry ("]", "|", "—"), left by a
 *       table rule or a smudge;
 *   <li>a description word Tesseract gave a confidence below {@link #DOUBTED_BELOW} (not a code:
 *       Tesseract is unsure of most codes, right or wrong, since no dictionary knows them);
 *   <li>a description word with letters no Spanish word puts together, the trace of an i read as a
 *       j ("Higjenico": no "gj", no j before a consonant); Tesseract is sure of such words (92);
 *   <li>a size split in two ("Lata 47 3cc"): a number before a size that is no pack size, which
 *       glued to it makes one;
 *   <li>item codes printed on the page (as many as the items) while no item was read with one.
 * </ul>
 *
 * @param ocr whether the text was OCR'd (else nothing is doubted)
 * @param wordConfidence each OCR'd word with the lowest confidence (0..100) the engine gave it,
 *     when the engine says (else empty)
 * @param printedCodes how many item-code-shaped words ("LIM-7001", an EAN-13) the text shows
 */
record ItemDoubts(boolean ocr, Map<String, Integer> wordConfidence, int printedCodes) {

  // each row's doubt is worded as ReaderDoubts (ingest's invoice package) knows it, so a correction
  // a review taught for that row's text settles it

  /** Exact text (a PDF's text layer, a typed invoice): nothing to doubt. */
  static final ItemDoubts NONE = new ItemDoubts(false, Map.of(), 0);

  /** Below this confidence (Tesseract's 0..100) a description word is doubted. */
  static final int DOUBTED_BELOW = 20;

  /** Of the codes read, at least this many make an invoice's usual code shape. */
  static final int MIN_CODES_FOR_SHAPE = 3;

  private static final Pattern SPACES = Pattern.compile("\\s+");

  /** In a code: what a code never carries. */
  private static final Pattern STRAY_IN_CODE = Pattern.compile("[\\[\\]{}|!¡\\\\_~—–«»¦]");

  /** In a description: what the parser does not already flag ({@link RowExtras#hasStrayMarks}). */
  private static final Pattern STRAY_IN_DESCRIPTION = Pattern.compile("[\\\\_~—–«»¦]");

  /**
   * An i read as a j: after a consonant no Spanish word puts a j after, or a j before a consonant.
   */
  private static final Pattern I_AS_J =
      Pattern.compile("(?i)[cfghklmpqtvwz]j|j[bcdfghjklmnpqrstvwxz]");

  /** A number (not a flour's "000") before a size: "47 3cc". */
  private static final Pattern NUMBER_BEFORE_SIZE =
      Pattern.compile("(?<![\\p{L}\\d.,])([1-9]\\d{0,2}) (\\d{1,3})(g|gr|kg|ml|cc)(?![\\p{L}\\d])");

  private static final Pattern ITEM_CODE =
      Pattern.compile("(?<![\\w-])(?:[A-Z]{2,5}-?\\d{2,6}|\\d{13})(?![\\w-])");

  ItemDoubts {
    wordConfidence = Map.copyOf(wordConfidence);
  }

  /** The doubts an OCR'd text can raise: its words' confidence and the item codes it prints. */
  static ItemDoubts ofOcr(Map<String, Integer> wordConfidence, String text) {
    long codes = ITEM_CODE.matcher(text == null ? "" : text).results().count();
    return new ItemDoubts(true, wordConfidence, (int) codes);
  }

  /** Adds {@code page}'s words to {@code all}, keeping each word's lowest confidence. */
  static void add(Map<String, Integer> all, Map<String, Integer> page) {
    page.forEach((word, c) -> all.merge(word, c, Math::min));
  }

  /** One issue per doubtful item, numbered as printed (1-based), then one for lost codes. */
  void check(List<ReadLine> lines, Consumer<String> issues) {
    if (!ocr) {
      return;
    }
    String usual = usualShape(lines);
    boolean anyCode = false;
    for (int k = 0; k < lines.size(); k++) {
      ReadLine line = lines.get(k);
      String code = line.supplierCode() == null ? null : line.supplierCode().strip();
      boolean hasCode = code != null && !code.isEmpty();
      anyCode |= hasCode;
      String doubt = null;
      if (hasCode && usual != null && !shape(code).equals(usual)) {
        doubt = "el código '" + code + "' no tiene la forma de los demás códigos de la factura";
      } else if (hasCode && STRAY_IN_CODE.matcher(code).find()) {
        doubt = "el código '" + code + "' tiene signos dudosos";
      } else if (line.description() != null
          && STRAY_IN_DESCRIPTION.matcher(line.description()).find()) {
        doubt = ItemText.strayMarks(line.description());
      } else {
        doubt = doubtedWord(line.description());
      }
      if (doubt == null) {
        doubt = unlikelyText(line.description());
      }
      if (doubt != null) {
        issues.accept("Renglón " + (k + 1) + ": " + doubt + "; revisar.");
      }
    }
    if (!anyCode && !lines.isEmpty() && printedCodes >= lines.size()) {
      issues.accept(
          "La página muestra códigos de artículo que no quedaron en ningún renglón; revisá los"
              + " códigos.");
    }
  }

  /**
   * The shape ({@link #shape}) more than half of the invoice's codes share, if at least {@link
   * #MIN_CODES_FOR_SHAPE} codes were read; else null.
   */
  static String usualShape(List<ReadLine> lines) {
    Map<String, Integer> count = new HashMap<>();
    int codes = 0;
    for (ReadLine l : lines) {
      if (l.supplierCode() != null && !l.supplierCode().isBlank()) {
        count.merge(shape(l.supplierCode().strip()), 1, Integer::sum);
        codes++;
      }
    }
    if (codes < MIN_CODES_FOR_SHAPE) {
      return null;
    }
    for (Map.Entry<String, Integer> e : count.entrySet()) {
      if (2 * e.getValue() > codes) {
        return e.getKey();
      }
    }
    return null;
  }

  /**
   * Each letter "A", each run of digits "9", other glyphs as printed: "LAC-3101" → "AAA-9",
   * "7790401109893" → "9", so codes of one supplier share a shape whatever their digits.
   */
  static String shape(String code) {
    StringBuilder out = new StringBuilder();
    for (int k = 0; k < code.length(); k++) {
      char c = code.charAt(k);
      if (Character.isLetter(c)) {
        out.append('A');
      } else if (!Character.isDigit(c)) {
        out.append(c);
      } else if (out.isEmpty() || out.charAt(out.length() - 1) != '9') {
        out.append('9');
      }
    }
    return out.toString();
  }

  /**
   * A word with an i read as a j, or a size split in two ({@link #I_AS_J}, {@link
   * #NUMBER_BEFORE_SIZE}).
   */
  static String unlikelyText(String description) {
    if (description == null) {
      return null;
    }
    for (String w : SPACES.split(description.strip())) {
      if (w.chars().allMatch(Character::isLetter) && I_AS_J.matcher(w).find()) {
        return "el OCR no está seguro de '" + w + "' en la descripción";
      }
    }
    Matcher m = NUMBER_BEFORE_SIZE.matcher(description);
    while (m.find()) {
      int size = Integer.parseInt(m.group(2));
      if (!ItemText.packSize(size)
          && ItemText.packSize(Integer.parseInt(m.group(1) + m.group(2)))) {
        return "la medida '" + m.group() + "' de la descripción parece partida";
      }
    }
    return null;
  }

  private String doubtedWord(String description) {
    if (description == null || wordConfidence.isEmpty()) {
      return null;
    }
    for (String w : SPACES.split(description.strip())) {
      Integer c = wordConfidence.get(w);
      if (c != null && c < DOUBTED_BELOW) {
        return "el OCR no está seguro de '" + w + "' en la descripción";
      }
    }
    return null;
  }
}
