package almacen.ingest.ocr;

import java.util.ArrayList;
import java.util.List;

/**
 * What a parse says about the text, in the order it was read, one Spanish sentence each (they reach
 * the review screen): issues (a value not found, a fix a person should look at) and corrections (a
 * fix with one possible reading: "'1,154,73' con punto de miles leído como coma" in a row that
 * closes, "'500y' leído como '500g'"). Corrections become the invoice's notes when every sum of the
 * invoice closes, and issues when one does not ({@link OcrInvoiceReader#merge}). The parts of the
 * parser share one, so the order stays header → lines → totals → cross-checks.
 */
final class ParseIssues {

  private record Entry(String text, boolean correction) {}

  private final List<Entry> entries = new ArrayList<>();

  void add(String issue) {
    entries.add(new Entry(issue, false));
  }

  /** A fix with one possible reading: a note, unless a sum of the invoice does not close. */
  void correction(String fix) {
    entries.add(new Entry(fix, true));
  }

  /**
   * The fixes of row {@code n}'s numbers, with which quantity × price = total: corrections, except
   * a quantity computed from the price and the total (none was read), which a person checks.
   */
  void rowFixes(int n, RowNumbers.Pick pick) {
    for (Numbers.Cand c : List.of(pick.q(), pick.p(), pick.t())) {
      if (c.fix() == null) {
        continue;
      }
      String fix = "Renglón " + n + ": " + c.fix() + " (cantidad × precio = importe).";
      if (c.derived()) {
        add(fix);
      } else {
        correction(fix);
      }
    }
  }

  /** Turns the issue {@code issue}, said earlier, into a correction: a later reading proved it. */
  void settle(String issue) {
    for (int k = 0; k < entries.size(); k++) {
      if (!entries.get(k).correction() && entries.get(k).text().equals(issue)) {
        entries.set(k, new Entry(issue, true));
      }
    }
  }

  /** Where the next entry will go: a {@link #rollBack} point, or an {@link #insert} position. */
  int mark() {
    return entries.size();
  }

  void insert(int at, String issue) {
    entries.add(at, new Entry(issue, false));
  }

  /** Forgets what was added since {@code mark} (a reading that was tried and dropped). */
  void rollBack(int mark) {
    entries.subList(mark, entries.size()).clear();
  }

  /**
   * The digits of {@code group} with OCR's letter-for-digit confusions undone, or null when it is
   * not a number; a fix is recorded.
   */
  String fixedDigits(String group, String what) {
    String fixed = Numbers.digitsOnly(group);
    if (fixed == null || !fixed.matches("\\d+")) {
      return null;
    }
    noteFix(group, fixed, what);
    return fixed;
  }

  /** Records that {@code original} was read as {@code fixed}, unless only decoration changed. */
  void noteFix(String original, String fixed, String what) {
    String o = original.replaceAll("\\s", "");
    if (!o.replaceAll("[^0-9A-Za-z|!]", "").equals(fixed.replaceAll("[^0-9]", ""))) {
      add("En " + what + " '" + original + "' se leyó como '" + fixed + "'.");
    }
  }

  /** The issues, in order. */
  List<String> list() {
    return entries.stream().filter(e -> !e.correction()).map(Entry::text).toList();
  }

  /** The corrections ({@link #correction}), in order. */
  List<String> corrections() {
    return entries.stream().filter(Entry::correction).map(Entry::text).toList();
  }
}
