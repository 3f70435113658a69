package almacen.ingest.invoice;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reader's notices (Spanish sentences, {@code ReadInvoice.issues}) that doubt only the text of
 * one row's description or code, never its numbers: "la descripción '…' tiene signos dudosos", "la
 * medida '…' … no termina en una unidad conocida", "'5009' leído como '500g' en la descripción",
 * "código 'A1B-0l' leído como 'A1B-01'", and the OCR's own doubts about a row (ingest's {@code
 * ItemDoubts}: a word it was unsure of, a code of another shape than the rest). A learned
 * correction may settle such a doubt; every other notice (numbers, totals, header, an unreadable
 * row) stays for a person.
 */
final class ReaderDoubts {

  private ReaderDoubts() {}

  private static final Pattern DESCRIPTION =
      Pattern.compile(
          "^Renglón (\\d+): (?:la descripción '(.*)' tiene signos dudosos; revisar\\."
              + "|la medida '(.*)' de la descripción (?:no termina en una unidad conocida"
              + "|parece partida); revisar\\."
              + "|'.*' leído como '(.*)'(?: \\(un punto después de la unidad\\))?"
              + " (?:en|al final de) la descripción\\."
              + "|el OCR no está seguro de '(.*)' en la descripción; revisar\\.)$");

  private static final Pattern CODE =
      Pattern.compile(
          "^Renglón (\\d+): (?:código '.*' leído como '(.*)'\\."
              + "|el código '(.*)' (?:no tiene la forma de los demás códigos de la factura"
              + "|tiene signos dudosos); revisar\\.)$");

  /** A doubt about the text of one row: its number (1-based) and the text it quotes as read. */
  record Doubt(int row, String quoted, boolean aboutCode) {}

  static Optional<Doubt> of(String notice) {
    Matcher m = DESCRIPTION.matcher(notice);
    if (m.matches()) {
      String quoted = firstGroup(m, 2);
      return Optional.of(new Doubt(Integer.parseInt(m.group(1)), quoted, false));
    }
    Matcher c = CODE.matcher(notice);
    if (c.matches()) {
      return Optional.of(new Doubt(Integer.parseInt(c.group(1)), firstGroup(c, 2), true));
    }
    return Optional.empty();
  }

  /** The first of groups {@code from}.. that matched: the quoted text, whichever wording. */
  private static String firstGroup(Matcher m, int from) {
    for (int g = from; g <= m.groupCount(); g++) {
      if (m.group(g) != null) {
        return m.group(g);
      }
    }
    return null;
  }

  /**
   * Whether {@code notice} doubts only the description of row {@code row} whose text was read as
   * {@code readDescription} (the quoted text is in it: a notice about another row numbered alike is
   * left alone).
   */
  static boolean aboutDescription(String notice, int row, String readDescription) {
    return of(notice)
        .filter(d -> !d.aboutCode() && d.row() == row)
        .filter(d -> readDescription != null && readDescription.contains(d.quoted()))
        .isPresent();
  }

  /** Whether {@code notice} doubts only the code of row {@code row}, read as {@code code}. */
  static boolean aboutCode(String notice, int row, String code) {
    return of(notice)
        .filter(d -> d.aboutCode() && d.row() == row && d.quoted().equals(code))
        .isPresent();
  }
}
