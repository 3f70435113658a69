package almacen.ingest.ocr;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A document of several pages read as one invoice: the first page whole up to where its table ends,
 * then only the item rows of the pages in between (their letterhead and repeated table header
 * dropped), and the last page's rows and totals. Carry lines ("Transporte", "A transportar", "De
 * transporte", "Subtotal" at the foot of a page that goes on) and page numbers ("Página 1 de 2")
 * are not items and are left out on every page.
 */
final class PageJoin {

  /** A line that carries a running sum from one page to the next. */
  private static final Pattern CARRY =
      Pattern.compile(
          "^\\W*(a\\s+transportar|de\\s+transporte|transporte|transportado|viene\\s+de|vienen|van|suma\\s+anterior|saldo\\s+anterior)\\b.*");

  private static final Pattern PAGE_NUMBER =
      Pattern.compile(
          "^\\W*(pagina|pag\\.?|hoja)\\s*(n\\W?\\s*)?\\d{1,2}\\s*(de|/)\\s*\\d{1,2}\\W*$");

  /** Where a kept line comes from. */
  record At(int page, int line) {}

  private PageJoin() {}

  /**
   * @param pages each page's non-blank lines as printed
   * @return the lines to read, in order
   */
  static List<At> join(List<List<String>> pages) {
    List<At> out = new ArrayList<>();
    int last = pages.size() - 1;
    for (int p = 0; p <= last; p++) {
      List<String> lines = pages.get(p);
      int header = -1;
      for (int i = 0; i < lines.size() && header < 0; i++) {
        if (TableLayout.isHeaderRow(PrintedLines.normalize(lines.get(i)))) {
          header = i;
        }
      }
      int from = p > 0 && header >= 0 ? header + 1 : 0;
      int to = lines.size();
      if (p < last) {
        for (int i = Math.max(from, header + 1); i < lines.size(); i++) {
          String n = PrintedLines.normalize(lines.get(i));
          if ((isCarry(n) || TableLayout.isTotalsLabel(n))
              && !TableLayout.looksLikeItem(lines.get(i))) {
            to = i;
            break;
          }
        }
      }
      for (int i = from; i < to; i++) {
        String n = PrintedLines.normalize(lines.get(i));
        boolean carry = isCarry(n) && !TableLayout.looksLikeItem(lines.get(i));
        if (!carry && !PAGE_NUMBER.matcher(n).matches()) {
          out.add(new At(p, i));
        }
      }
    }
    return out;
  }

  /** The text of the kept lines, one per line. */
  static String text(List<List<String>> pages) {
    StringBuilder sb = new StringBuilder();
    for (At at : join(pages)) {
      sb.append(pages.get(at.page()).get(at.line())).append('\n');
    }
    return sb.toString();
  }

  /** Non-blank lines of an OCR'd page. */
  static List<String> lines(String text) {
    List<String> out = new ArrayList<>();
    for (String l : text.split("\\R", -1)) {
      if (!l.isBlank()) {
        out.add(l.strip());
      }
    }
    return out;
  }

  static boolean isCarry(String normalized) {
    return CARRY.matcher(normalized).matches();
  }
}
