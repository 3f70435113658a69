package almacen.ingest.ocr;

import java.util.regex.Matcher;

/**
 * A description's size words judged one at a time, for a row's second, closer reading ({@link
 * RowReview}): which word the description fixes of {@link ItemText} would change or doubt, and
 * whether a second reading of it settles the doubt. The same patterns as those fixes, so the two
 * never disagree about what a size is.
 */
final class SizeWords {

  private SizeWords() {}

  /**
   * A word of a description as {@link ItemText#fixDescription} would leave it, given the words
   * either side of it ({@code next} null when it ends the description): "5009" → "500g", "lkg" →
   * "1kg", "11" after a word → "1L", "1,5L." → "1,5L"; any other word as it is.
   */
  static String fixedSize(String previous, String word, String next) {
    String w = ItemText.ONE_DOUBLED.matcher(word).replaceFirst("1$1");
    w = ItemText.MILLILITRES_MISREAD.matcher(w).replaceFirst("$1ml");
    if (!w.equals(word)) {
      return fixedSize(previous, w, next);
    }
    Matcher one = ItemText.ONE_AS_L.matcher(word);
    if (one.matches()) {
      return "1" + one.group(1);
    }
    Matcher grams = ItemText.GRAMS_MISREAD.matcher(word);
    if (grams.matches()
        && ItemText.packSize(Integer.parseInt(grams.group(1)))
        && (next == null || !ItemText.UNIT_AFTER.matcher(next).matches())) {
      return grams.group(1) + "g";
    }
    Matcher period = ItemText.SYMBOL_WITH_PERIOD.matcher(word);
    if (period.matches()) {
      return period.group(1);
    }
    boolean endsDescription =
        next == null || !next.matches(".*\\p{L}{2,}.*") || ItemText.isUnit(next);
    boolean afterAWord = previous != null && !ItemText.isUnit(previous);
    Matcher litres =
        ItemText.LITRES_MISREAD.matcher((previous == null ? "" : previous) + " " + word);
    if (endsDescription
        && afterAWord
        && litres.matches()
        && ItemText.LITRE_SIZES.contains(litres.group(2))) {
      return litres.group(2) + "L";
    }
    return word;
  }

  /**
   * Whether a word of a description needs a fix ({@link #fixedSize}) or is a size in no unit
   * ("1lkg"): a closer second reading may settle it.
   */
  static boolean doubtfulSize(String previous, String word, String next) {
    return !fixedSize(previous, word, next).equals(word) || ItemText.sizeWithoutUnit(word) != null;
  }

  /**
   * Whether {@code second}, a second reading of the doubtful {@code first}, settles it: it needs no
   * fix and is a size in a known unit, and it is what the fix of {@code first} gives ("4009" read
   * again "400g"), or, when {@code first} has no fix but no unit either ("1lkg"), the same digits.
   */
  static boolean settles(String previous, String first, String second, String next) {
    if (doubtfulSize(previous, second, next) || !ItemText.SIZE.matcher(second).matches()) {
      return false;
    }
    String fixed = fixedSize(previous, first, next);
    if (!fixed.equals(first)) {
      return fixed.equals(second);
    }
    return first.replaceAll("\\D", "").equals(second.replaceAll("\\D", ""));
  }
}
