package almacen.ingest.ocr;

/**
 * Where the parts of an invoice are in its text: the item table's header row (the line naming
 * quantity, description and an amount), the rows after it, and the line where the totals start.
 * Everything before the totals is header for {@link HeaderReader}; the rows between the table
 * header and the totals are item rows for {@link LineTableReader}; the rest is for {@link
 * TotalsReader}.
 *
 * @param headerRow the table's header row, or -1 when there is none (rows are then looked for from
 *     the first line)
 * @param totalsStart the first line of the totals, or the number of lines when none was found
 * @param columns the column order named by the header row (empty without one)
 */
record TableLayout(int headerRow, int totalsStart, ColumnOrder columns) {

  /** An item row has at least this many numbers (quantity, price, total); a totals line fewer. */
  static final int ITEM_ROW_MIN_NUMBERS = 3;

  static TableLayout of(PrintedLines text) {
    int header = headerRow(text);
    return new TableLayout(
        header,
        totalsStart(text, header),
        header < 0 ? ColumnOrder.NONE : ColumnOrder.fromHeader(text.norm(header)));
  }

  boolean hasHeaderRow() {
    return headerRow >= 0;
  }

  /** The first line that may be an item row. */
  int firstRow() {
    return hasHeaderRow() ? headerRow + 1 : 0;
  }

  /** The header row: it names a quantity, a description and an amount. */
  private static int headerRow(PrintedLines text) {
    for (int i = 0; i < text.size(); i++) {
      if (isHeaderRow(text.norm(i))) {
        return i;
      }
    }
    return -1;
  }

  /** A normalized line that names a quantity, a description and an amount. */
  static boolean isHeaderRow(String n) {
    boolean qty = n.contains("cant");
    boolean desc =
        n.contains("descrip")
            || n.contains("producto")
            || n.contains("detalle")
            || n.contains("articulo")
            || n.contains("concepto");
    boolean money =
        n.contains("precio") || n.contains("unit") || n.contains("importe") || n.contains("total");
    return qty && desc && money;
  }

  /**
   * The first line after the table header that starts with a totals label (neto, subtotal, total,
   * IVA n %) and is not itself an item row (a product named "Total Limpieza" with its numbers).
   */
  private static int totalsStart(PrintedLines text, int header) {
    for (int i = Math.max(0, header + 1); i < text.size(); i++) {
      String n = text.norm(i);
      if (isTotalsLabel(n) && !looksLikeItem(text.raw(i))) {
        return i;
      }
    }
    return text.size();
  }

  /** A normalized line that starts with a totals label (neto, subtotal, total, IVA n %). */
  static boolean isTotalsLabel(String n) {
    return n.matches(
        "^\\W*(importe\\s+)?(neto|subtotal|sub\\s*total|total|importe neto|importe total|iva\\s*\\d).*");
  }

  static boolean looksLikeItem(String line) {
    int nums = 0;
    for (String t : line.split("\\s+", -1)) {
      if (Numbers.digitsOnly(t) != null) {
        nums++;
      }
    }
    return nums >= ITEM_ROW_MIN_NUMBERS;
  }
}
