package almacen.ingest.ocr;

import almacen.ingest.ocr.RowNumbers.Pick;
import almacen.ingest.ocr.RowNumbers.Tok;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The item rows between the table's header row and the totals. Each row is cut into a head (leading
 * numbers: a quantity printed first), the code and description, and a tail (trailing numbers and
 * units); then {@link RowNumbers} finds the quantity, price and total that close (in a table with a
 * bonificación column, also less the printed discount). A row that does not close is mended only
 * when the numbers say how (a lost quantity, one misread digit) and flagged otherwise.
 */
final class LineTableReader {

  /** The rows read and how many of them closed (quantity × price = total). */
  record LineTable(List<ReadLine> lines, int consistentLines) {

    LineTable {
      lines = List.copyOf(lines);
    }
  }

  /** A row needs at least this many tokens: a description and two numbers. */
  static final int MIN_TOKENS = 3;

  /** A row with fewer numbers than this (a price and a total) is not read. */
  static final int MIN_NUMBERS = 2;

  /** A description has at least this many letters; fewer is a speck, a unit or a stray code. */
  static final int MIN_DESCRIPTION_LETTERS = 2;

  private final PrintedLines text;
  private final ParseIssues issues;
  private final ItemText words;
  private final TableLayout layout;
  private int consistent;

  LineTableReader(PrintedLines text, ParseIssues issues, TableLayout layout) {
    this.text = text;
    this.issues = issues;
    this.words = new ItemText(issues);
    this.layout = layout;
  }

  LineTable read() {
    List<ReadLine> out = new ArrayList<>();
    List<WrappedRows.Row> rows = WrappedRows.of(text, layout.firstRow(), layout.totalsStart());
    List<String[]> tokens = new ArrayList<>();
    for (WrappedRows.Row row : rows) {
      String line = row.text().replace("|", " ").replace("$ ", "$").trim();
      tokens.add(RowExtras.withoutBarcodeBesideCode(line.split("\\s+", -1)));
    }
    boolean numbered =
        (layout.hasHeaderRow() && RowExtras.numbersRows(text.norm(layout.headerRow())))
            || (layout.hasHeaderRow()
                && !text.norm(layout.headerRow()).matches("^\\W*cant.*") // 1, 2, 3 units
                && RowExtras.numberedRows(tokens));
    for (int r = 0; r < rows.size(); r++) {
      int i = rows.get(r).line();
      String[] parts = numbered ? RowExtras.withoutRowNumber(tokens.get(r)) : tokens.get(r);
      ReadLine read = item(i, out.size() + 1, parts, true);
      if (read != null) {
        out.add(read);
      }
    }
    if (out.isEmpty()) {
      issues.add("No se encontraron renglones de productos.");
    }
    return new LineTable(out, consistent);
  }

  /**
   * @param i the row's line in the text
   * @param n the row's number as shown to people (1-based, among the rows read)
   * @param mayDropJunk whether a speck where the quantity should be may be dropped and the row read
   *     again
   */
  private ReadLine item(int i, int n, String[] parts, boolean mayDropJunk) {
    if (parts.length < MIN_TOKENS) {
      return null;
    }
    ColumnOrder cols = layout.columns();
    boolean qtyBeforePrice = cols.qtyBeforePrice();
    boolean qtyBeforeDesc = cols.qtyBeforeDesc();
    boolean codeAfterDesc = cols.codeAfterDesc();
    boolean[] numeric = new boolean[parts.length];
    for (int k = 0; k < parts.length; k++) {
      numeric[k] = Numbers.digitsOnly(parts[k]) != null || parts[k].matches("\\$?[0-9.,]+%?");
    }
    // tail: trailing numbers and unit words; head: leading numbers
    int tailStart = parts.length;
    while (tailStart > 0
        && (numeric[tailStart - 1]
            || ItemText.isUnit(parts[tailStart - 1])
            || parts[tailStart - 1].matches("\\d+([.,]\\d+)?%"))) {
      tailStart--;
    }
    int headEnd = 0;
    while (headEnd < tailStart && (numeric[headEnd] || ItemText.isUnit(parts[headEnd]))) {
      headEnd++;
    }
    // a code printed first (letters+digits, or a long digit run such as an EAN) is not a quantity
    String code = null;
    int descFrom = headEnd;
    int descTo = tailStart;
    if ((!qtyBeforeDesc || headEnd == 0) && !codeAfterDesc && ItemText.isCode(parts[0])) {
      code = parts[0];
      descFrom = Math.max(1, headEnd);
      if (headEnd == 1) {
        headEnd = 0;
      }
      // code, then quantity and unit, then the description ("ALM-2001 13 unidades Yerba …")
      int h = 1;
      while (qtyBeforeDesc && h < tailStart && (numeric[h] || ItemText.isUnit(parts[h]))) {
        h++;
      }
      if (h > 1) {
        headEnd = h;
        descFrom = h;
      }
    } else if (qtyBeforeDesc
        && headEnd >= 1
        && headEnd < tailStart
        && ItemText.isCode(parts[headEnd])) {
      code = parts[headEnd];
      descFrom = headEnd + 1;
    } else if (codeAfterDesc
        && tailStart > 0
        && tailStart - 1 > headEnd
        && ItemText.isCode(parts[tailStart - 1])) {
      code = parts[tailStart - 1];
      descTo = tailStart - 1;
    } else if (qtyBeforeDesc && headEnd >= 2 && ItemText.isCode(parts[headEnd - 1])) {
      code = parts[headEnd - 1];
      headEnd--;
      descFrom = headEnd + 1;
    }
    List<Tok> nums = new ArrayList<>();
    for (int k = 0; k < parts.length; k++) {
      boolean inHead = k < headEnd && (code == null || !parts[k].equals(code) || k != descFrom - 1);
      if ((inHead || k >= tailStart) && numeric[k] && !parts[k].endsWith("%")) {
        nums.add(new Tok(parts[k], k));
      }
    }
    if (code != null) {
      final String codeTok = code;
      final int codeAt = descTo;
      nums.removeIf(t -> t.text().equals(codeTok) && (t.index() == 0 || t.index() == codeAt));
    }
    String desc = ItemText.description(parts, descFrom, descTo, descTo);
    // once a speck in the quantity's place was dropped, a price and a total are enough
    int minNumbers = mayDropJunk ? MIN_NUMBERS : MIN_NUMBERS - 1;
    if (nums.size() < minNumbers && mayDropJunk && letters(desc) >= MIN_DESCRIPTION_LETTERS) {
      ReadLine retried = withoutJunkQuantity(i, n, parts, headEnd, tailStart);
      if (retried != null) {
        return retried;
      }
    }
    if (nums.size() < minNumbers || letters(desc) < MIN_DESCRIPTION_LETTERS) {
      // a row of the table with a price or total but not enough readable numbers is reported, not
      // dropped
      if (layout.hasHeaderRow()
          && !nums.isEmpty()
          && letters(desc) >= MIN_DESCRIPTION_LETTERS
          && nums.stream()
              .anyMatch(t -> ItemText.MONEY_SHAPE.matcher(Numbers.strip(t.text())).matches())) {
        issues.add("Renglón " + n + " ilegible: '" + text.raw(i) + "'.");
      }
      return null;
    }
    Pick best = RowNumbers.bestTriple(nums, qtyBeforePrice);
    BigDecimal discount = null;
    if (cols.hasDiscount() && (best == null || best.penalty() > 0)) {
      // tried before any mending: a discounted row would otherwise "recover" a wrong quantity
      RowNumbers.Discounted d = RowNumbers.bestWithDiscount(parts, nums, qtyBeforePrice);
      if (d != null && (best == null || d.pick().penalty() < best.penalty())) {
        best = d.pick();
        discount = d.discountPct();
      }
    }
    if (best == null && mayDropJunk) {
      ReadLine retried = withoutJunkQuantity(i, n, parts, headEnd, tailStart);
      if (retried != null) {
        return retried;
      }
    }
    if (best == null && (qtyBeforePrice || nums.size() < TableLayout.ITEM_ROW_MIN_NUMBERS)) {
      // price, quantity, total: the last two are no price and total; a misread quantity between
      // them is mended by nearestClosing, never replaced by total ÷ quantity
      best = RowNumbers.recoverQuantity(nums);
    }
    if (best == null) {
      best = RowNumbers.nearestClosing(nums, qtyBeforePrice);
    }
    String fixedCode = code == null ? null : words.fixCode(code, n);
    if (best == null && nums.size() < TableLayout.ITEM_ROW_MIN_NUMBERS) {
      issues.add("Renglón " + n + " ilegible: '" + text.raw(i) + "'.");
      return null;
    }
    if (best == null) {
      return positional(i, n, parts, nums, fixedCode, descFrom, descTo);
    }
    // numbers left of the first one used (e.g. "400g" read as "4009") belong to the description
    // (a quantity printed before the description does not end it)
    final int from = descFrom;
    int firstUsed =
        IntStream.of(best.iq(), best.ip(), best.it()).filter(k -> k >= from).min().orElse(descTo);
    int end = Math.max(descTo, firstUsed);
    while (end > descFrom && ItemText.isUnit(parts[end - 1])) {
      end--;
    }
    String description =
        words.fixDescription(ItemText.description(parts, descFrom, descTo, end), n);
    ItemText.checkDescription(description, n, issues);
    issues.rowFixes(n, best);
    consistent++;
    BigDecimal rate = RowNumbers.lineRate(nums, best);
    if (rate == null && cols.names(ColumnOrder.Column.RATE)) {
      rate = RowExtras.rateBetween(parts, best.ip(), best.it());
    }
    return new ReadLine(
        fixedCode,
        description,
        best.q().value().stripTrailingZeros().scale() < 0
            ? best.q().value().setScale(0)
            : best.q().value().stripTrailingZeros(),
        best.p().value().setScale(2, RoundingMode.HALF_UP),
        rate,
        best.t().value().setScale(2, RoundingMode.HALF_UP),
        discount == null ? null : discount.setScale(2, RoundingMode.HALF_UP));
  }

  /**
   * A quantity OCR could not read at all ("a", "»") sits where the number should be: without it the
   * code and description come out right and the quantity is computed. Kept only if the row then
   * closes; otherwise everything the retry recorded is forgotten.
   */
  private ReadLine withoutJunkQuantity(int i, int n, String[] parts, int headEnd, int tailStart) {
    int junk = layout.columns().qtyBeforeDesc() ? (headEnd == 0 ? 0 : -1) : tailStart - 1;
    if (junk < 0 || !ItemText.isSpeck(parts[junk])) {
      return null;
    }
    List<String> rest = new ArrayList<>(List.of(parts));
    rest.remove(junk);
    int issuesBefore = issues.mark();
    int consistentBefore = consistent;
    ReadLine retried = item(i, n, rest.toArray(String[]::new), false);
    if (retried != null && consistent > consistentBefore) {
      issues.insert(
          issuesBefore,
          "Renglón " + n + ": '" + parts[junk] + "' en el lugar de la cantidad, descartado.");
      return retried;
    }
    issues.rollBack(issuesBefore);
    consistent = consistentBefore;
    return null;
  }

  /**
   * Nothing closes even with fixes: the last three numbers are taken as quantity, price and total
   * (in header order) and the row is flagged for review.
   */
  private ReadLine positional(
      int i, int n, String[] parts, List<Tok> nums, String fixedCode, int descFrom, int descTo) {
    Tok tq = nums.get(nums.size() - 3);
    Tok tp = nums.get(nums.size() - 2);
    Tok tt = nums.get(nums.size() - 1);
    List<Numbers.Cand> q = Numbers.qty(tq.text());
    List<Numbers.Cand> p = Numbers.money(tp.text());
    List<Numbers.Cand> t = Numbers.money(tt.text());
    issues.add(
        "Renglón "
            + n
            + ": cantidad × precio no coincide con el importe ('"
            + text.raw(i)
            + "'); revisar.");
    String description =
        words.fixDescription(
            ItemText.description(parts, descFrom, descTo, Math.min(tq.index(), descTo)), n);
    return new ReadLine(
        fixedCode,
        description,
        q.isEmpty() ? null : q.get(0).value(),
        p.isEmpty() ? null : p.get(0).value().setScale(2, RoundingMode.HALF_UP),
        null,
        t.isEmpty() ? null : t.get(0).value().setScale(2, RoundingMode.HALF_UP));
  }

  private static int letters(String s) {
    return s.replaceAll("[^\\p{L}]", "").length();
  }
}
