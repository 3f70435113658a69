package almacen.ingest.ocr;

import almacen.ingest.ocr.RowNumbers.Pick;
import almacen.ingest.ocr.RowNumbers.Tok;
import java.util.Arrays;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

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

  /** A word as {@link RowNumbers#tokens} cuts them. */
  private static final Pattern WORD = Pattern.compile("[^\\s|]+");

  private RowReview() {}

  @Override
  public boolean suspect(String line) {
    return numbersOff(line) || hasDoubtfulSize(line);
  }

  /** An item row none of whose readings closes (quantity × price = total). */
  private static boolean numbersOff(String line) {
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

  /** A row with an amount and a size its description would need fixed ({@link ItemText}). */
  static boolean hasDoubtfulSize(String line) {
    String[] t = RowNumbers.tokens(line);
    boolean amount =
        Arrays.stream(t).anyMatch(k -> ItemText.MONEY_SHAPE.matcher(Numbers.strip(k)).matches());
    for (int k = 0; amount && k < t.length; k++) {
      if (SizeWords.doubtfulSize(at(t, k - 1), t[k], at(t, k + 1))) {
        return true;
      }
    }
    return false;
  }

  private static String at(String[] tokens, int k) {
    return k >= 0 && k < tokens.length ? tokens[k] : null;
  }

  /** A page whose header shows neither the letter nor the AFIP code ({@link HeaderReader}). */
  @Override
  public boolean wantsLetterBox(String pageText) {
    return !HeaderReader.showsType(pageText);
  }

  @Override
  public boolean wantsIssueDate(String pageText) {
    return DateRereader.wants(pageText);
  }

  /**
   * For a row that did not close, the second reading's numbers if the row then closes (else its
   * own: a till's row closes with the line above it); then, in what is kept, each doubtful size of
   * the description the second reading settles ({@link #settleSizes}); null when nothing changed.
   */
  @Override
  public String keep(String first, String second) {
    String kept = first;
    if (numbersOff(first)) {
      String merged = lendNumbers(first, second);
      if (merged != null && closesNear(merged, first)) {
        kept = merged;
      } else if (closesNear(second, first)) {
        kept = second;
      }
    }
    String settled = settleSizes(kept, second);
    return settled.equals(first) ? null : settled;
  }

  /**
   * {@code first} with each doubtful size ("4009", "lkg", "1,5L.") replaced by the word the second
   * reading has after the same word ("Salamandra 400g"), when that word settles it ({@link
   * SizeWords#settles}): two readings agree, one closer than the other, so nothing is left to fix.
   */
  static String settleSizes(String first, String second) {
    List<MatchResult> a = WORD.matcher(first).results().toList();
    String[] b = WORD.matcher(second).results().map(MatchResult::group).toArray(String[]::new);
    StringBuilder out = new StringBuilder();
    int last = 0;
    for (int k = 0; k < a.size(); k++) {
      String previous = k > 0 ? a.get(k - 1).group() : null;
      String next = k + 1 < a.size() ? a.get(k + 1).group() : null;
      String word = a.get(k).group();
      if (SizeWords.doubtfulSize(previous, word, next)) {
        String again = after(b, previous);
        if (again != null && SizeWords.settles(previous, word, again, next)) {
          out.append(first, last, a.get(k).start()).append(again);
          last = a.get(k).end();
        }
      }
    }
    return out.append(first.substring(last)).toString();
  }

  /** The word after the only {@code previous} among {@code words}; null if none or several. */
  private static String after(String[] words, String previous) {
    if (previous == null) {
      return null;
    }
    String found = null;
    int seen = 0;
    for (int k = 0; k + 1 < words.length; k++) {
      if (words[k].equals(previous)) {
        found = words[k + 1];
        seen++;
      }
    }
    return seen == 1 ? found : null;
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
