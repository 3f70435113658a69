package almacen.ingest.ocr;

import almacen.ingest.ocr.LineTableReader.LineTable;
import almacen.ingest.ocr.PdfWords.Word;
import almacen.ingest.ocr.RowNumbers.Pick;
import almacen.ingest.ocr.RowNumbers.Tok;
import almacen.ingest.ocr.TableColumns.Kind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The item rows of a PDF's text layer, read by position: each row's words go under the column of
 * its page's header row ({@link TableColumns}), so the code, EAN, description, quantity, unit
 * price, IVA rate and amount are each read from their own column, exactly as printed. A row with
 * only a description continues the previous item's; a row whose numbers do not close is kept and
 * flagged.
 */
final class PositionedTable {

  private final List<PositionedLines.Line> lines;
  private final List<TableColumns> pageColumns;
  private final boolean ocr;

  /** A document's joined text and its lines by position. */
  record Joined(String text, PositionedTable table) {}

  /**
   * @param lines the document's lines, one for each line of the text being parsed
   * @param pageColumns each page's columns (a page without a header row: the previous page's), or
   *     null
   */
  PositionedTable(List<PositionedLines.Line> lines, List<TableColumns> pageColumns) {
    this(lines, pageColumns, false);
  }

  /**
   * @param ocr the words were recognised (a scan, a photo), not printed in a text layer: codes and
   *     descriptions get OCR's usual fixes and checks ({@link ItemText}), as read line by line
   */
  PositionedTable(List<PositionedLines.Line> lines, List<TableColumns> pageColumns, boolean ocr) {
    this.lines = List.copyOf(lines);
    this.pageColumns = pageColumns == null ? List.of() : List.copyOf(pageColumns);
    this.ocr = ocr;
  }

  /**
   * Pages of lines joined into one invoice ({@link PageJoin}): the text to parse, and the kept
   * lines with each page's columns.
   *
   * @param ocr whether the words were recognised by OCR
   */
  static Joined join(List<List<PositionedLines.Line>> pages, boolean ocr) {
    List<List<String>> texts =
        pages.stream().map(p -> p.stream().map(PositionedLines.Line::text).toList()).toList();
    List<PositionedLines.Line> kept = new ArrayList<>();
    StringBuilder sb = new StringBuilder();
    for (PageJoin.At at : PageJoin.join(texts)) {
      PositionedLines.Line line = pages.get(at.page()).get(at.line());
      kept.add(line);
      sb.append(line.text()).append('\n');
    }
    return new Joined(sb.toString(), new PositionedTable(kept, columns(pages), ocr));
  }

  /**
   * Each page's table columns; a page without a header row takes the previous page's. A title OCR
   * garbled ("lmporte") names no column: it takes the kind of the column printed at the same place
   * in another page's header row ({@link TableColumns#mendedBy}), so one misread title never loses
   * a whole page's rows.
   */
  private static List<TableColumns> columns(List<List<PositionedLines.Line>> pages) {
    List<TableColumns> own = new ArrayList<>();
    for (List<PositionedLines.Line> p : pages) {
      TableColumns found = null;
      for (PositionedLines.Line l : p) {
        if (TableLayout.isHeaderRow(PrintedLines.normalize(l.text()))) {
          found = TableColumns.of(l);
          break;
        }
      }
      own.add(found);
    }
    List<TableColumns> out = new ArrayList<>();
    TableColumns last = null;
    for (int p = 0; p < own.size(); p++) {
      TableColumns cols = own.get(p);
      if (cols != null) {
        for (int q = 0; q < own.size(); q++) {
          if (q != p && own.get(q) != null) {
            cols = cols.mendedBy(own.get(q));
          }
        }
        last = cols;
      }
      out.add(last);
    }
    TableColumns first = out.stream().filter(Objects::nonNull).findFirst().orElse(null);
    if (first == null) {
      return List.of();
    }
    out.replaceAll(c -> c == null ? first : c);
    return out;
  }

  /** Whether the table can be read by position: a header row whose columns say where numbers go. */
  boolean readable(TableLayout layout) {
    if (!layout.hasHeaderRow() || layout.headerRow() >= lines.size()) {
      return false;
    }
    TableColumns cols = columnsOf(lines.get(layout.headerRow()));
    return cols != null && cols.has(Kind.DESC) && cols.has(Kind.TOTAL) && cols.has(Kind.PRICE);
  }

  LineTable read(TableLayout layout, ParseIssues issues) {
    List<ReadLine> out = new ArrayList<>();
    int consistent = 0;
    for (int i = layout.firstRow(); i < Math.min(layout.totalsStart(), lines.size()); i++) {
      PositionedLines.Line line = lines.get(i);
      TableColumns cols = columnsOf(line);
      if (TableLayout.isHeaderRow(PrintedLines.normalize(line.text()))) {
        continue; // a page's repeated header
      }
      Map<Kind, String> cells = cells(line, cols, ocr);
      String desc = cells.getOrDefault(Kind.DESC, "");
      boolean numbers =
          number(cells.get(Kind.QTY)) != null
              || cells.containsKey(Kind.PRICE)
              || cells.containsKey(Kind.TOTAL);
      if (!numbers) {
        if (!out.isEmpty()
            && !desc.isBlank()
            && cells.keySet().stream().allMatch(k -> k == Kind.DESC)) {
          ReadLine prev = out.remove(out.size() - 1);
          out.add(
              new ReadLine(
                  prev.supplierCode(),
                  prev.description() + " " + desc,
                  prev.qty(),
                  prev.unitPrice(),
                  prev.ivaRatePct(),
                  prev.lineTotal()));
        }
        continue;
      }
      int n = out.size() + 1;
      // a text layer has the printed characters: only OCR's numbers are mended, never a discount's
      boolean mend = ocr && cols != null && !cols.has(Kind.BONIF);
      ReadLine read = row(n, line, ocr ? cleaned(n, cells, issues) : cells, mend, issues);
      if (read != null) {
        out.add(read);
        if (read.qty() != null && read.unitPrice() != null && read.lineTotal() != null) {
          consistent += closes(read) ? 1 : 0;
        }
      }
    }
    if (out.isEmpty()) {
      issues.add("No se encontraron renglones de productos.");
    }
    return new LineTable(out, consistent);
  }

  private TableColumns columnsOf(PositionedLines.Line line) {
    if (pageColumns.isEmpty()) {
      return null;
    }
    return pageColumns.get(Math.min(line.page(), pageColumns.size() - 1));
  }

  /** The row's text under each column; a word of letters under a number column is description. */
  static Map<Kind, String> cells(PositionedLines.Line line, TableColumns cols) {
    return cells(line, cols, false);
  }

  /**
   * As {@link #cells(PositionedLines.Line, TableColumns)}; when OCR read the words ({@code ocr}), a
   * speck under the quantity's own title ({@link ItemText#isSpeck}: "YA", "d:1") stays there as a
   * quantity OCR could not read, out of the description.
   */
  static Map<Kind, String> cells(PositionedLines.Line line, TableColumns cols, boolean ocr) {
    Map<Kind, StringBuilder> at = new EnumMap<>(Kind.class);
    for (List<Word> cell : line.cells()) {
      int whole = cols.columnOf(cell.get(0).x0(), cell.get(cell.size() - 1).x1());
      int prev = -1;
      for (Word w : cell) {
        int own = overlapped(cols, w);
        int k = own >= 0 ? own : (prev >= 0 ? prev : whole);
        prev = k;
        Kind kind = cols.columns().get(k).kind();
        boolean garbledQty = ocr && kind == Kind.QTY && own >= 0 && ItemText.isSpeck(w.text());
        if (kind.numeric()
            && Numbers.digitsOnly(w.text()) == null
            && !decoration(w.text())
            && !garbledQty) {
          kind = Kind.DESC;
        }
        at.computeIfAbsent(kind, x -> new StringBuilder());
        StringBuilder sb = at.get(kind);
        if (sb.length() > 0) {
          sb.append(' ');
        }
        sb.append(w.text());
      }
    }
    Map<Kind, String> out = new EnumMap<>(Kind.class);
    at.forEach((k, v) -> out.put(k, v.toString()));
    return out;
  }

  /** The column whose title the word itself overlaps, or -1. */
  private static int overlapped(TableColumns cols, Word w) {
    for (int k = 0; k < cols.columns().size(); k++) {
      TableColumns.Column c = cols.columns().get(k);
      if (Math.min(w.x1(), c.x1()) - Math.max(w.x0(), c.x0()) > 0) {
        return k;
      }
    }
    return -1;
  }

  private static boolean decoration(String t) {
    return t.matches("[$%()]+|\\$?[0-9.,]+%?|\\([0-9.,]+%?\\)");
  }

  private static ReadLine row(
      int n, PositionedLines.Line line, Map<Kind, String> cells, boolean mend, ParseIssues issues) {
    String code = cells.get(Kind.CODE);
    String desc = cells.getOrDefault(Kind.DESC, "").strip();
    if (code == null && mend && cells.containsKey(Kind.EAN)) {
      // OCR lost the code's column (its title read into the description's): a supplier's code
      // (letters and digits) starting the description beside a barcode is the code, not a word
      String[] words = desc.split("\\s+", 2);
      if (words.length == 2
          && ItemText.isCode(words[0])
          && words[0].matches(".*\\p{L}.*")
          && !RowExtras.isBarcode(words[0])) {
        code = words[0];
        desc = words[1];
      }
    }
    if (code == null) {
      code = cells.get(Kind.EAN);
    }
    String q = number(cells.get(Kind.QTY));
    String p = number(cells.get(Kind.PRICE));
    String t = number(cells.get(Kind.TOTAL));
    if (q == null && p != null && t != null) {
      // OCR read the quantity as a speck under its title ("YA") or lost it altogether (a recognizer
      // skips a short word alone between wide gaps): computed as total ÷ price, and said so
      ReadLine computed =
          mend ? garbledQuantity(n, code, desc, p, t, rate(cells.get(Kind.RATE)), issues) : null;
      if (computed == null) {
        issues.add("Renglón " + n + ": sin cantidad impresa ('" + line.text() + "'); revisar.");
      }
      return computed;
    }
    if (q == null || p == null || t == null) {
      issues.add("Renglón " + n + " ilegible: '" + line.text() + "'.");
      return null;
    }
    List<Tok> toks = new ArrayList<>(List.of(new Tok(q, 0), new Tok(p, 1), new Tok(t, 2)));
    String withIva = number(cells.get(Kind.TOTAL_IVA));
    if (withIva != null) {
      toks.add(new Tok(withIva, 3));
    }
    Pick pick = RowNumbers.bestTriple(toks, true);
    if (pick == null && mend) {
      // one number off by a digit or two: mended only when the other two prove it, said so
      pick = RowNumbers.nearestClosing(toks.subList(0, 3), true);
    }
    BigDecimal rate = rate(cells.get(Kind.RATE));
    if (pick == null) {
      issues.add(
          "Renglón "
              + n
              + ": cantidad × precio no coincide con el importe ('"
              + line.text()
              + "'); revisar.");
      List<Numbers.Cand> qc = Numbers.qty(q);
      List<Numbers.Cand> pc = Numbers.money(p);
      List<Numbers.Cand> tc = Numbers.money(t);
      return new ReadLine(
          code,
          desc,
          qc.isEmpty() ? null : qc.get(0).value(),
          pc.isEmpty() ? null : pc.get(0).value().setScale(2, RoundingMode.HALF_UP),
          rate,
          tc.isEmpty() ? null : tc.get(0).value().setScale(2, RoundingMode.HALF_UP));
    }
    issues.rowFixes(n, pick);
    if (rate == null && withIva != null) {
      rate = RowNumbers.lineRate(toks, pick);
    }
    BigDecimal qty = pick.q().value().stripTrailingZeros();
    return new ReadLine(
        code,
        desc,
        qty.scale() < 0 ? qty.setScale(0) : qty,
        pick.p().value().setScale(2, RoundingMode.HALF_UP),
        rate,
        pick.t().value().setScale(2, RoundingMode.HALF_UP));
  }

  /**
   * A quantity OCR read as a speck ("YA"): computed as total ÷ price when that is a clean quantity
   * ({@link RowNumbers#recoverQuantity}), said so; null when it is not.
   */
  private static ReadLine garbledQuantity(
      int n, String code, String desc, String p, String t, BigDecimal rate, ParseIssues issues) {
    Pick rec = RowNumbers.recoverQuantity(List.of(new Tok(p, 1), new Tok(t, 2)));
    if (rec == null) {
      return null;
    }
    issues.rowFixes(n, rec);
    return new ReadLine(
        code,
        desc,
        rec.q().value(),
        rec.p().value().setScale(2, RoundingMode.HALF_UP),
        rate,
        rec.t().value().setScale(2, RoundingMode.HALF_UP));
  }

  /**
   * The code and description of a row OCR read, with OCR's usual confusions undone and doubtful
   * descriptions flagged, as a row read line by line gets them ({@link ItemText}).
   */
  private static Map<Kind, String> cleaned(int n, Map<Kind, String> cells, ParseIssues issues) {
    Map<Kind, String> out = new EnumMap<>(cells);
    ItemText words = new ItemText(issues);
    for (Kind k : List.of(Kind.CODE, Kind.EAN)) {
      if (out.containsKey(k)) {
        out.put(k, words.fixCode(out.get(k), n));
      }
    }
    String desc = words.fixDescription(out.getOrDefault(Kind.DESC, ""), n);
    ItemText.checkDescription(desc, n, issues);
    out.put(Kind.DESC, desc);
    return out;
  }

  /** A cell's number without currency signs or spaces ("$ 1.234,56" → "1.234,56"). */
  private static String number(String cell) {
    if (cell == null) {
      return null;
    }
    String s = cell.replace("$", "").replaceAll("\\s+", "");
    return s.isEmpty() || Numbers.digitsOnly(s) == null ? null : s;
  }

  /** "21%", "10,5", "(21,00)" → one of the AFIP rates, else null. */
  static BigDecimal rate(String cell) {
    if (cell == null) {
      return null;
    }
    String s = cell.replaceAll("[%()\\s]", "");
    List<Numbers.Cand> c = Numbers.money(s);
    if (c.isEmpty()) {
      return null;
    }
    BigDecimal v = c.get(0).value();
    for (BigDecimal r : RowNumbers.RATES) {
      if (r.compareTo(v) == 0) {
        return r;
      }
    }
    return null;
  }

  private static boolean closes(ReadLine l) {
    return l.qty()
            .multiply(l.unitPrice())
            .subtract(l.lineTotal())
            .abs()
            .compareTo(RowNumbers.CLOSE_TOLERANCE)
        <= 0;
  }
}
