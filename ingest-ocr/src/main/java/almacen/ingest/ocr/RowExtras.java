package almacen.ingest.ocr;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Columns an OCR'd item row may carry besides code, description and numbers: a barcode printed
 * beside the supplier's code (the code is the line's; the barcode is dropped, not read as the
 * description's first word), and the IVA rate printed between the price and the amount.
 */
final class RowExtras {

  /** EAN-8, UPC-A, EAN-13 and ITF-14 lengths. */
  private static final Pattern BARCODE = Pattern.compile("\\d{8}|\\d{12,14}");

  private static final Pattern RATE = Pattern.compile("\\(?(\\d{1,2}(?:[.,]\\d{1,2})?)\\s*%?\\)?");

  /** A header row whose first title numbers the rows ("Item", "#", "Nro.", "Renglón"). */
  private static final Pattern ROW_NUMBER_TITLE =
      Pattern.compile("^\\W*(item|#|n°|nro\\.?|renglon)(\\s|$).*");

  /**
   * Marks OCR leaves inside words ("500m!l", "Paladin!"), a comma ending the description, a pack
   * size whose "g" was read as 8 or 9 ("4008"): no description is printed with them.
   */
  private static final Pattern STRAY =
      Pattern.compile("[!|¡{}\\[\\]]|\\p{L}\\d\\p{L}|,$|[,;:]{2}|(?<![\\d.,])\\d{3}[89]$");

  private RowExtras() {}

  /** Whether the table numbers its rows in a first column, by its header row (normalized). */
  static boolean numbersRows(String header) {
    return ROW_NUMBER_TITLE.matcher(header).matches();
  }

  /**
   * Whether the rows are numbered in their first column, from the numbers themselves: the first
   * tokens of at least two rows read 1, 2, 3… in order (a header title OCR misread, "Htem", says
   * nothing).
   */
  static boolean numberedRows(List<String[]> rows) {
    int expected = 1;
    for (String[] r : rows) {
      if (r.length >= LineTableReader.MIN_TOKENS && r[0].matches("\\d{1,3}\\.?")) {
        if (Integer.parseInt(r[0].replace(".", "")) != expected) {
          return false;
        }
        expected++;
      }
    }
    return expected > 2;
  }

  /** The row without its leading row number (1–999). */
  static String[] withoutRowNumber(String[] parts) {
    if (parts.length > 1 && parts[0].matches("\\d{1,3}\\.?")) {
      return List.of(parts).subList(1, parts.length).toArray(String[]::new);
    }
    return parts;
  }

  /** A barcode: 8 or 12–14 digits (EAN-8, UPC, EAN-13, GTIN-14). */
  static boolean isBarcode(String token) {
    return BARCODE.matcher(token).matches();
  }

  static boolean hasStrayMarks(String description) {
    return STRAY.matcher(description).find();
  }

  /**
   * The row without a barcode that sits beside another code among its first tokens ("7790070410122
   * ALM-2001 Yerba…" or "ALM-2001 7790070410122 Yerba…"); a barcode alone is kept (it is then the
   * line's code).
   */
  static String[] withoutBarcodeBesideCode(String[] parts) {
    for (int k = 0; k + 1 < Math.min(parts.length, 4); k++) {
      String a = parts[k];
      String b = parts[k + 1];
      boolean aBar = BARCODE.matcher(a).matches();
      boolean bBar = BARCODE.matcher(b).matches();
      if (aBar != bBar && ItemText.isCode(aBar ? b : a)) {
        List<String> rest = new ArrayList<>(List.of(parts));
        rest.remove(aBar ? k : k + 1);
        return rest.toArray(String[]::new);
      }
    }
    return parts;
  }

  /** An AFIP rate printed between two tokens ("21", "10,5", "21%", "(21,00)"), or null. */
  static BigDecimal rateBetween(String[] parts, int from, int to) {
    for (int k = Math.max(0, from + 1); k < Math.min(to, parts.length); k++) {
      var m = RATE.matcher(parts[k]);
      if (!m.matches()) {
        continue;
      }
      BigDecimal v = new BigDecimal(m.group(1).replace(',', '.'));
      for (BigDecimal r : RowNumbers.RATES) {
        if (r.signum() > 0 && r.compareTo(v) == 0) {
          return r;
        }
      }
    }
    return null;
  }
}
