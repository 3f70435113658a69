package almacen.ingest.ocr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The item table's columns in the order its header row names them. Only the relative order matters
 * to {@link LineTableReader}: whether the quantity comes before the price or the description, and
 * whether the code follows the description. (A reader that learns the columns from the positions of
 * the numbers would produce one of these too.)
 */
record ColumnOrder(List<Column> columns) {

  /** No header row: the common AFIP layout is assumed (code, description, quantity, price). */
  static final ColumnOrder NONE = new ColumnOrder(List.of());

  enum Column {
    CODE,
    DESC,
    QTY,
    UNIT,
    PRICE,
    BONIF,
    SUBTOTAL,
    RATE,
    TOTAL_IVA
  }

  private static final Pattern CODE =
      Pattern.compile("(?<!\\w)(cod|codigo|art\\.?|articulo)(?!\\w*\\s*(descrip|producto))");
  private static final Pattern DESC = Pattern.compile("descrip|producto|detalle|concepto");
  private static final Pattern QTY = Pattern.compile("cant");
  private static final Pattern PRICE = Pattern.compile("precio|p\\.\\s*unit|unitario");

  /**
   * "Bonif.", "% Bonif" (OCR: "Boniíf", "Bon1f"), "Dto.", "Desc." (not "Descripción"), "Descuento".
   */
  private static final Pattern BONIF =
      Pattern.compile("bon[il1]{1,2}f|\\bdto\\b|\\bdesc\\b|descuento|desc\\.?\\s*%|% ?desc");

  private static final Pattern RATE = Pattern.compile("alic|%\\s*iva|iva\\s*%");
  private static final Pattern TOTAL_WITH_IVA =
      Pattern.compile("subtotal c/iva|total c/iva|c/\\s*iva");
  private static final Pattern SUBTOTAL = Pattern.compile("subtotal|importe|total");

  ColumnOrder {
    columns = List.copyOf(columns);
  }

  /**
   * @param header the header row, normalized ({@link PrintedLines#norm})
   */
  static ColumnOrder fromHeader(String header) {
    Map<Integer, Column> at = new TreeMap<>();
    put(at, header, CODE, Column.CODE);
    put(at, header, DESC, Column.DESC);
    put(at, header, QTY, Column.QTY);
    put(at, header, PRICE, Column.PRICE);
    put(at, header, BONIF, Column.BONIF);
    put(at, header, RATE, Column.RATE);
    Matcher withIva = TOTAL_WITH_IVA.matcher(header);
    int totalIva = withIva.find() ? withIva.start() : -1;
    if (totalIva >= 0) {
      at.put(totalIva, Column.TOTAL_IVA);
    }
    Matcher t = SUBTOTAL.matcher(header);
    while (t.find()) {
      if (t.start() != totalIva) {
        at.putIfAbsent(t.start(), Column.SUBTOTAL);
        break;
      }
    }
    return new ColumnOrder(new ArrayList<>(at.values()));
  }

  private static void put(Map<Integer, Column> at, String header, Pattern p, Column column) {
    Matcher m = p.matcher(header);
    if (m.find()) {
      at.put(m.start(), column);
    }
  }

  /** Whether the header row names this column. */
  boolean names(Column column) {
    return columns.contains(column);
  }

  /** Quantity before unit price; also when either is not named (the usual order). */
  boolean qtyBeforePrice() {
    int q = columns.indexOf(Column.QTY);
    int p = columns.indexOf(Column.PRICE);
    return q < 0 || p < 0 || q < p;
  }

  /** Quantity first, then the description ("12 Yerba Mate ... 850,00 10.200,00"). */
  boolean qtyBeforeDesc() {
    int q = columns.indexOf(Column.QTY);
    int d = columns.indexOf(Column.DESC);
    return q >= 0 && d >= 0 && q < d;
  }

  /** The table has a bonificación column: a row's total may be qty × price less a discount. */
  boolean hasDiscount() {
    return columns.contains(Column.BONIF);
  }

  /** The supplier's code printed after the description instead of first. */
  boolean codeAfterDesc() {
    int c = columns.indexOf(Column.CODE);
    int d = columns.indexOf(Column.DESC);
    return c >= 0 && d >= 0 && c > d;
  }
}
