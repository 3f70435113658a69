package almacen.ingest.ocr;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The totals box: net ("Importe Neto Gravado", else "Subtotal"), IVA per rate, other taxes (the
 * printed "Otros Tributos", else the sum of perceptions and internal taxes) and the total. Each
 * amount is the last number of its labelled line.
 */
final class TotalsReader {

  /**
   * What the totals box says (net and total null when not found).
   *
   * @param ivaByRate rate ({@code 21}, {@code 10.5}) → amount; rates printed as 0,00 are left out
   * @param otherTaxes 0,00 when none printed
   * @param totalFix how OCR's reading of the total was fixed, as an issue; null when read as
   *     printed. Left to the caller: a fix that the AFIP QR or the sums prove is no doubt.
   */
  record PrintedTotals(
      BigDecimal netTotal,
      Map<BigDecimal, BigDecimal> ivaByRate,
      BigDecimal otherTaxes,
      BigDecimal total,
      String totalFix) {}

  /** An amount read from a line, and how OCR's reading of it was fixed (null if it was not). */
  private record Amount(BigDecimal value, String fix) {}

  private static final Pattern IVA_RATE =
      Pattern.compile("\\biva\\s*(?:\\()?\\s*(27|21|10[.,]5|5|2[.,]5|0)\\s*(?:[.,]0+)?\\s*%");
  private static final Pattern SUBTOTAL = Pattern.compile(".*\\bsub\\s*-?\\s*total\\b.*");
  private static final Pattern TOTAL = Pattern.compile(".*\\btotal\\b.*");

  private final PrintedLines text;
  private final ParseIssues issues;

  TotalsReader(PrintedLines text, ParseIssues issues) {
    this.text = text;
    this.issues = issues;
  }

  /**
   * @param from the first line of the totals ({@link TableLayout#totalsStart()})
   */
  PrintedTotals read(int from) {
    BigDecimal net = null;
    BigDecimal subtotal = null;
    BigDecimal other = null;
    BigDecimal perceptions = BigDecimal.ZERO.setScale(2);
    boolean anyPerception = false;
    BigDecimal total = null;
    String totalFix = null;
    Map<BigDecimal, BigDecimal> iva = new TreeMap<>();
    for (int i = Math.min(from, text.size()); i < text.size(); i++) {
      String n = text.norm(i);
      if (n.contains("cae") || n.contains("cuit")) {
        continue;
      }
      Amount read = lastAmount(text.raw(i));
      if (read == null) {
        continue;
      }
      BigDecimal amount = read.value();
      boolean isTotal = false;
      Matcher rate = IVA_RATE.matcher(n);
      if (n.contains("neto gravado") || n.contains("importe neto")) {
        net = net == null ? amount : net;
      } else if (rate.find() && !n.contains("responsable") && !n.contains("inscripto")) {
        BigDecimal r = new BigDecimal(rate.group(1).replace(',', '.'));
        if (amount.signum() != 0) {
          iva.merge(
              r.stripTrailingZeros().scale() < 0 ? r.setScale(0) : r.stripTrailingZeros(),
              amount,
              BigDecimal::add);
        }
      } else if (n.contains("otros tributos") || n.contains("otros impuestos")) {
        other = amount;
      } else if (n.contains("percep")
          || n.contains("perc.")
          || n.contains("impuestos internos")
          || n.contains("imp. int")) {
        perceptions = perceptions.add(amount);
        anyPerception = true;
      } else if (SUBTOTAL.matcher(n).matches()) {
        subtotal = subtotal == null ? amount : subtotal;
      } else if (TOTAL.matcher(n).matches() && !n.contains("c/iva")) {
        total = amount;
        totalFix = read.fix();
        isTotal = true;
      }
      if (read.fix() != null && !isTotal) {
        // the cross-checks prove or refute it (lines = net, net + IVA + others = total)
        issues.correction(read.fix());
      }
    }
    if (other == null && anyPerception) {
      other = perceptions;
    }
    if (net == null && subtotal != null) {
      net = subtotal;
    }
    if (total == null) {
      issues.add("No se encontró el importe total.");
    }
    return new PrintedTotals(
        net, iva, other == null ? BigDecimal.ZERO.setScale(2) : other, total, totalFix);
  }

  /** The line's last token if it reads as money ("Importe Total: $ 60.885,83"), else null. */
  private static Amount lastAmount(String line) {
    String[] toks = line.replace("$ ", "$").split("\\s+", -1);
    for (int k = toks.length - 1; k >= 0; k--) {
      List<Numbers.Cand> c = Numbers.money(toks[k]);
      if (!c.isEmpty()) {
        String fix =
            c.get(0).fix() == null ? null : "Totales: " + c.get(0).fix() + " en '" + line + "'.";
        return new Amount(c.get(0).value().setScale(2, RoundingMode.HALF_UP), fix);
      }
      // a speck after the amount ("343382,83 —") is no label
      if (!toks[k].matches("[^\\p{L}\\p{N}]*")) {
        return null;
      }
    }
    return null;
  }
}
