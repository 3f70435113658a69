package almacen.ingest.ocr;

import java.util.ArrayList;
import java.util.List;

/**
 * The issues a parse collects, in the order the text was read: every OCR fix and every value that
 * was not found, one Spanish sentence each (they reach the review screen). The parts of the parser
 * share one, so the order stays header → lines → totals → cross-checks.
 */
final class ParseIssues {

  private final List<String> issues = new ArrayList<>();

  void add(String issue) {
    issues.add(issue);
  }

  /** Where the next issue will go: a {@link #rollBack} point, or an {@link #insert} position. */
  int mark() {
    return issues.size();
  }

  void insert(int at, String issue) {
    issues.add(at, issue);
  }

  /** Forgets the issues added since {@code mark} (a reading that was tried and dropped). */
  void rollBack(int mark) {
    issues.subList(mark, issues.size()).clear();
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
      issues.add("En " + what + " '" + original + "' se leyó como '" + fixed + "'.");
    }
  }

  List<String> list() {
    return List.copyOf(issues);
  }
}
