package almacen.ingest.ocr;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Item rows printed on two lines, as a till roll prints them: "2,000 x 2850,00" on one line and
 * "Yerba Mate 500g (21,00) 5700,00" on the next (or the description first). The two lines are read
 * as one row, description first: "Yerba Mate 500g 2,000 2850,00 5700,00"; the rate in parentheses
 * is the till's IVA note, not an amount.
 */
final class WrappedRows {

  /** One row to read and the line of the text it starts on. */
  record Row(int line, String text) {}

  private static final Pattern QTY_TIMES_PRICE =
      Pattern.compile(
          "^[^\\p{L}\\p{N}]{0,4}\\s*(\\d+(?:[.,]\\d{1,3})?)\\s*[xX×*]\\s*\\$?\\s*(\\d[\\d.,]*\\d)\\s*(.*)$");
  private static final Pattern PAREN_RATE =
      Pattern.compile("\\(\\s*\\d{1,2}(?:[.,]\\d{1,2})?\\s*%?\\s*\\)");

  private WrappedRows() {}

  static List<Row> of(PrintedLines text, int from, int to) {
    List<Row> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      Matcher m = QTY_TIMES_PRICE.matcher(text.raw(i));
      if (!m.matches()) {
        out.add(new Row(i, text.raw(i)));
        continue;
      }
      String rest = m.group(3).strip();
      String numbers = m.group(1) + " " + m.group(2);
      if (rest.isEmpty() && i + 1 < to && letters(text.raw(i + 1)) > 0) {
        // quantity × price first, the description and amount on the next line
        out.add(new Row(i, withNumbers(text.raw(i + 1), numbers, rest)));
        i++;
      } else if (!rest.isEmpty()
          && letters(rest) == 0
          && !out.isEmpty()
          && out.get(out.size() - 1).line() == i - 1
          && letters(text.raw(i - 1)) > 0
          && !TableLayout.looksLikeItem(text.raw(i - 1))) {
        // the description first, then quantity × price and the amount
        Row desc = out.remove(out.size() - 1);
        out.add(new Row(desc.line(), desc.text() + " " + numbers + " " + rest));
      } else {
        out.add(new Row(i, text.raw(i)));
      }
    }
    return out;
  }

  /** The description line with the quantity and price put before its amount. */
  private static String withNumbers(String descLine, String numbers, String restOfFirst) {
    String line = PAREN_RATE.matcher(descLine).replaceAll(" ").strip();
    String[] all = line.split("\\s+", -1);
    int n = all.length;
    while (n > 1 && all[n - 1].matches("[^\\p{L}\\p{N}]*")) {
      n--; // a speck after the amount
    }
    String[] toks = List.of(all).subList(0, n).toArray(String[]::new);
    int k = toks.length;
    while (k > 0
        && Numbers.digitsOnly(toks[k - 1]) != null
        && ItemText.MONEY_SHAPE.matcher(toks[k - 1]).matches()) {
      k--;
    }
    StringBuilder sb = new StringBuilder(String.join(" ", List.of(toks).subList(0, k)));
    sb.append(' ').append(numbers);
    for (int j = k; j < toks.length; j++) {
      sb.append(' ').append(toks[j]);
    }
    if (!restOfFirst.isBlank()) {
      sb.append(' ').append(restOfFirst);
    }
    return sb.toString();
  }

  private static int letters(String s) {
    return s.replaceAll("[^\\p{L}]", "").length();
  }
}
