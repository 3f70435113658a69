package almacen.ingest.ocr;

import almacen.ingest.ocr.PdfWords.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The item table's columns where they are printed, learned from the header row's cells (each a run
 * of words without a column gap, {@link PositionedLines.Line#cells()}): what each column holds,
 * from its title, and where it runs, from the title's left and right edge. A row's cells are then
 * put under the column they overlap most, so an EAN, a supplier code and a description stay apart
 * however close they are printed.
 */
final class TableColumns {

  enum Kind {
    ITEM,
    EAN,
    CODE,
    DESC,
    QTY,
    UNIT,
    PRICE,
    BONIF,
    RATE,
    TOTAL_IVA,
    TOTAL,
    OTHER;

    /** Columns whose cells are numbers: a word of letters found under one belongs elsewhere. */
    boolean numeric() {
      return this == QTY
          || this == PRICE
          || this == BONIF
          || this == RATE
          || this == TOTAL_IVA
          || this == TOTAL;
    }
  }

  /** One column: what it holds and the span of its title, in points. */
  record Column(Kind kind, float x0, float x1) {}

  // order matters: the first pattern a title matches names its column
  private static final List<Object[]> TITLES =
      List.of(
          new Object[] {Kind.EAN, Pattern.compile("\\bean\\b|barra|gtin|\\bupc\\b")},
          new Object[] {Kind.TOTAL_IVA, Pattern.compile("c/\\s*iva|con\\s+iva|iva\\s+incl")},
          new Object[] {Kind.BONIF, Pattern.compile("bonif|dto|desc\\.?\\s*%|%\\s*desc|descuento")},
          new Object[] {Kind.RATE, Pattern.compile("alic|iva")},
          new Object[] {Kind.DESC, Pattern.compile("descrip|producto|detalle|concepto|articulo$")},
          new Object[] {Kind.QTY, Pattern.compile("cant")},
          new Object[] {Kind.PRICE, Pattern.compile("precio|p\\.\\s*u|unitario|p/u|\\bunit\\b")},
          new Object[] {
            Kind.UNIT, Pattern.compile("u\\.\\s*m|medida|unidad|\\bum\\b|\\bunid|\\bu\\.?$")
          },
          new Object[] {Kind.TOTAL, Pattern.compile("total|importe|monto|neto")},
          new Object[] {Kind.CODE, Pattern.compile("cod|\\bart\\b|\\bart\\.|\\bsku\\b|\\bref")},
          new Object[] {Kind.ITEM, Pattern.compile("^(item|#|nro\\.?|n°|renglon)$")});

  private final List<Column> columns;

  private TableColumns(List<Column> columns) {
    this.columns = List.copyOf(columns);
  }

  List<Column> columns() {
    return columns;
  }

  /** The columns named by a header row. */
  static TableColumns of(PositionedLines.Line header) {
    List<Column> out = new ArrayList<>();
    for (List<Word> cell : header.cells()) {
      StringBuilder sb = new StringBuilder();
      cell.forEach(w -> sb.append(w.text()).append(' '));
      out.add(
          new Column(
              kind(PrintedLines.normalize(sb.toString().strip())),
              cell.get(0).x0(),
              cell.get(cell.size() - 1).x1()));
    }
    return new TableColumns(out);
  }

  static Kind kind(String title) {
    for (Object[] t : TITLES) {
      if (((Pattern) t[1]).matcher(title).find()) {
        return (Kind) t[0];
      }
    }
    return Kind.OTHER;
  }

  /**
   * These columns with each title that named nothing ({@link Kind#OTHER}: OCR misread it) named as
   * the column of {@code other} (another page's header row of the same table) it overlaps most,
   * when that kind is not already among these columns; the positions stay these.
   */
  TableColumns mendedBy(TableColumns other) {
    List<Column> out = new ArrayList<>(columns);
    for (int k = 0; k < out.size(); k++) {
      Column c = out.get(k);
      if (c.kind() != Kind.OTHER) {
        continue;
      }
      int at = other.columnOf(c.x0(), c.x1());
      if (at < 0) {
        continue;
      }
      Column there = other.columns().get(at);
      boolean overlaps = Math.min(c.x1(), there.x1()) > Math.max(c.x0(), there.x0());
      Kind kind = there.kind();
      if (overlaps && kind != Kind.OTHER && out.stream().noneMatch(x -> x.kind() == kind)) {
        out.set(k, new Column(kind, c.x0(), c.x1()));
      }
    }
    return out.equals(columns) ? this : new TableColumns(out);
  }

  boolean has(Kind kind) {
    return columns.stream().anyMatch(c -> c.kind() == kind);
  }

  /**
   * The column for a run of words: the one whose title it overlaps most, else the nearest; {@code
   * -1} when there are no columns.
   */
  int columnOf(float x0, float x1) {
    int best = -1;
    float bestOverlap = 0;
    for (int k = 0; k < columns.size(); k++) {
      Column c = columns.get(k);
      float overlap = Math.min(x1, c.x1()) - Math.max(x0, c.x0());
      if (overlap > bestOverlap) {
        bestOverlap = overlap;
        best = k;
      }
    }
    if (best >= 0) {
      return best;
    }
    float nearest = Float.MAX_VALUE;
    for (int k = 0; k < columns.size(); k++) {
      Column c = columns.get(k);
      float d = Math.max(c.x0() - x1, x0 - c.x1());
      if (d < nearest) {
        nearest = d;
        best = k;
      }
    }
    return best;
  }
}
