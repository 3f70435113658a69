package almacen.ingest.ocr;

import almacen.ingest.ocr.RowNumbers.Pick;
import almacen.ingest.ocr.RowNumbers.Tok;
import java.util.Arrays;
import java.util.List;

/**
 * Item rows whose numbers do not close (no quantity × price = total among them, in either column
 * order) get a second, closer OCR look. The second reading lends the first its numbers where both
 * split into the same tokens (the first reading's letters are usually the better ones), and is kept
 * only if the row then closes with numbers near the first reading's. A page whose header shows no
 * type gets a second look at its letter box ({@link LetterBoxRereader}).
 */
final class RowReview implements OcrEngine.LineReview {

  static final RowReview INSTANCE = new RowReview();

  /**
   * A row with fewer money-shaped numbers than this, and fewer than {@link #MIN_NUMBERS} tokens
   * with digits, is not an item row (a total, a date, a header line) and is not read again.
   */
  static final int MIN_AMOUNTS = 2;

  /** Quantity, price and total: an item row shows at least three numbers. */
  static final int MIN_NUMBERS = TableLayout.ITEM_ROW_MIN_NUMBERS;

  private RowReview() {}

  @Override
  public boolean suspect(String line) {
    List<Tok> nums = RowNumbers.numbers(line);
    long money =
        nums.stream()
            .filter(t -> ItemText.MONEY_SHAPE.matcher(Numbers.strip(t.text())).matches())
            .count();
    long withDigits =
        Arrays.stream(RowNumbers.tokens(line))
            .filter(t -> t.matches(".*\\d.*") && !ItemText.isCode(t))
            .count();
    if (money == 0 || (money < MIN_AMOUNTS && withDigits < MIN_NUMBERS)) {
      return false; // not an item row: a total, a date, a header line
    }
    return !RowNumbers.closes(nums)
        && RowNumbers.bestWithDiscount(RowNumbers.tokens(line), nums, true) == null
        && RowNumbers.bestWithDiscount(RowNumbers.tokens(line), nums, false) == null;
  }

  /** A page whose header shows neither the letter nor the AFIP code ({@link HeaderReader}). */
  @Override
  public boolean wantsLetterBox(String pageText) {
    return !HeaderReader.showsType(pageText);
  }

  @Override
  public String keep(String first, String second) {
    String merged = lendNumbers(first, second);
    if (merged != null && closesNear(merged, first)) {
      return merged;
    }
    return closesNear(second, first) ? second : null;
  }

  /**
   * {@code first} with each token that is a number (or a speck) in either reading taken from {@code
   * second}; null when the two readings split into different numbers of tokens.
   */
  static String lendNumbers(String first, String second) {
    String[] a = first.trim().split("\\s+", -1);
    String[] b = second.trim().split("\\s+", -1);
    if (a.length != b.length) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    for (int k = 0; k < a.length; k++) {
      boolean number =
          Numbers.digitsOnly(a[k]) != null
              || Numbers.digitsOnly(b[k]) != null
              || ItemText.isJunk(a[k]);
      out.append(k == 0 ? "" : "  ").append(number ? b[k] : a[k]);
    }
    return out.toString();
  }

  /**
   * The line closes, and its price and total are within {@link RowNumbers#MAX_DIGIT_EDITS} digits
   * of numbers the first reading shows: a second reading confirms and mends, it does not invent (a
   * garbled "3:32 130" would close as 1 × 3,32).
   */
  private static boolean closesNear(String line, String first) {
    List<Tok> nums = RowNumbers.numbers(line);
    if (nums.size() < MIN_NUMBERS) {
      return false;
    }
    Pick pick = RowNumbers.anyClosing(nums);
    if (pick == null) {
      return false;
    }
    List<Tok> seen = RowNumbers.numbers(first);
    return RowNumbers.isNear(pick.p().value(), seen) && RowNumbers.isNear(pick.t().value(), seen);
  }
}
