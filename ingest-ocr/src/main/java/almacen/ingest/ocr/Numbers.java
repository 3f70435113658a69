package almacen.ingest.ocr;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * es-AR number reading for OCR text ({@code 1.234,56}), with the usual OCR confusions turned into
 * <em>candidates</em> carrying a penalty and a description of the fix; the caller picks the
 * candidate that fits the context (qty × price ≈ total, totals adding up) and records the fix as an
 * issue.
 */
final class Numbers {

  /**
   * A reading of a token: its value, how unlikely it is (0 = as printed), what was changed, and
   * whether the value was computed from the row's other numbers instead of read ({@code derived}: a
   * person checks those).
   */
  record Cand(BigDecimal value, int penalty, String fix, boolean derived) {

    Cand(BigDecimal value, int penalty, String fix) {
      this(value, penalty, fix, false);
    }

    /** A value computed from the row's other numbers, said by {@code fix}. */
    static Cand derived(BigDecimal value, int penalty, String fix) {
      return new Cand(value, penalty, fix, true);
    }
  }

  private static final Pattern AR_DECIMAL =
      Pattern.compile("\\d{1,3}(\\.\\d{3})*,\\d{1,3}|\\d+,\\d{1,3}");
  private static final Pattern AR_THOUSANDS = Pattern.compile("\\d{1,3}(\\.\\d{3})+");
  private static final Pattern INTEGER = Pattern.compile("\\d+");
  private static final Pattern DOT_DECIMAL =
      Pattern.compile("\\d{1,3}(\\.\\d{3})*\\.\\d{2}|\\d+\\.\\d{1,2}");
  private static final Pattern COMMA_THOUSANDS = Pattern.compile("\\d{1,3}(,\\d{3})+,\\d{2}");
  private static final Pattern DOUBLED_SEPARATOR = Pattern.compile("[.,]{2,}");
  private static final Pattern COLON_INSIDE = Pattern.compile("(?<=\\d)[:;](?=\\d)");
  private static final Pattern COLON_DECIMAL = Pattern.compile("(?<=\\d)[:;](?=\\d{2}$)");
  private static final Pattern LOOKS_NUMERIC = Pattern.compile("[\\d.,OoIlS|!]+");

  private Numbers() {}

  /**
   * Maps letters OCR confuses with digits (O→0, l/I/|/!→1, S→5) when the token is mostly digits.
   * Returns null when the token is not a number even after that.
   */
  static String digitsOnly(String token) {
    String t = strip(token);
    if (t.isEmpty() || !LOOKS_NUMERIC.matcher(t).matches()) {
      return null;
    }
    long digits = t.chars().filter(Character::isDigit).count();
    long letters = t.chars().filter(c -> "OoIlS|!".indexOf(c) >= 0).count();
    if (digits == 0 || letters > digits + 1) {
      return null;
    }
    StringBuilder sb = new StringBuilder(t.length());
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      sb.append(
          switch (c) {
            case 'O', 'o' -> '0';
            case 'I', 'l', '|', '!' -> '1';
            case 'S' -> '5';
            default -> c;
          });
    }
    return sb.toString();
  }

  /** Removes currency signs and decorations OCR puts around a number. */
  static String strip(String token) {
    String t = token.trim();
    if (COLON_INSIDE.matcher(t).find()) {
      // a separator seen as ':' or ';' — the decimal comma before the last two digits, else a
      // thousands period
      t = COLON_DECIMAL.matcher(t).replaceAll(",");
      t = COLON_INSIDE.matcher(t).replaceAll(".");
    }
    t = t.replaceAll("^[$(\\[:]+", "").replaceAll("[)\\]:;]+$", "");
    if (t.startsWith("$")) {
      t = t.substring(1);
    }
    // a trailing single dot or comma is punctuation, not a separator
    if (t.endsWith(".") || t.endsWith(",")) {
      t = t.substring(0, t.length() - 1);
    }
    return t;
  }

  /**
   * Candidate money readings (2 decimals) of a token, best first. Empty when it is not a number.
   */
  static List<Cand> money(String token) {
    List<Cand> out = new ArrayList<>();
    String t = digitsOnly(token);
    if (t == null) {
      return out;
    }
    String letterFix =
        t.equals(strip(token)) ? null : "'" + strip(token) + "' leído como '" + t + "'";
    int base = letterFix == null ? 0 : 1;
    if (DOUBLED_SEPARATOR.matcher(t).find()) {
      // a speck read next to a separator: 195.,370,12 → the comma (es-AR decimals end in a comma)
      String single =
          DOUBLED_SEPARATOR.matcher(t).replaceAll(m -> m.group().contains(",") ? "," : ".");
      letterFix =
          join(letterFix, "'" + t + "' con un separador de más leído como '" + single + "'");
      base++;
      t = single;
    }
    if (COMMA_THOUSANDS.matcher(t).matches()) {
      // the thousands period read as a comma: 12,400,00 → 12.400,00
      String fixed =
          t.substring(0, t.lastIndexOf(',')).replace(",", "")
              + "."
              + t.substring(t.lastIndexOf(',') + 1);
      add(
          out,
          new BigDecimal(fixed),
          base + 1,
          join(letterFix, "'" + t + "' con punto de miles leído como coma"));
      return out;
    }
    if (AR_DECIMAL.matcher(t).matches()) {
      BigDecimal v = parseAr(t);
      if (v.scale() <= 2) {
        add(out, v, base, letterFix);
      }
      return out;
    }
    if (DOT_DECIMAL.matcher(t).matches()) {
      // comma read as a period: 1.234.56 / 850.00
      String fixed =
          t.substring(0, t.lastIndexOf('.')).replace(".", "")
              + "."
              + t.substring(t.lastIndexOf('.') + 1);
      add(
          out,
          new BigDecimal(fixed),
          base + 1,
          join(letterFix, "'" + t + "' con punto decimal leído como coma"));
    }
    String digits = t.replace(".", "").replace(",", "");
    if (t.indexOf(',') < 0 && digits.length() >= 3) {
      // decimal comma lost: 1.23456 → 1.234,56 ; 85000 → 850,00
      BigDecimal v = new BigDecimal(digits).movePointLeft(2);
      add(
          out,
          v,
          base + 1,
          join(letterFix, "'" + t + "' sin coma decimal leído como " + format(v)));
    }
    if (AR_THOUSANDS.matcher(t).matches() || INTEGER.matcher(t).matches()) {
      add(out, new BigDecimal(digits).setScale(2), base + 1, letterFix);
    }
    return out;
  }

  /** Candidate quantity readings (up to 3 decimals, kg), best first. */
  static List<Cand> qty(String token) {
    List<Cand> out = new ArrayList<>();
    String t = digitsOnly(token);
    if (t == null) {
      return out;
    }
    String letterFix =
        t.equals(strip(token)) ? null : "'" + strip(token) + "' leído como '" + t + "'";
    int base = letterFix == null ? 0 : 1;
    if (INTEGER.matcher(t).matches()) {
      add(out, new BigDecimal(t), base, letterFix);
      if (t.length() >= 4) {
        // kg with the comma lost: 2350 → 2,350
        add(
            out,
            new BigDecimal(t).movePointLeft(3),
            base + 2,
            join(
                letterFix,
                "'"
                    + t
                    + "' sin coma decimal leído como "
                    + new BigDecimal(t).movePointLeft(3).toPlainString().replace('.', ',')));
      }
      return out;
    }
    if (AR_DECIMAL.matcher(t).matches()) {
      add(out, parseAr(t), base, letterFix);
      return out;
    }
    if (t.matches("\\d+\\.\\d{1,3}")) {
      // 2.350: es-AR thousands (2350 units) or a decimal point (2,350 kg); context decides
      add(
          out,
          new BigDecimal(t),
          base + 1,
          join(letterFix, "'" + t + "' leído como " + t.replace('.', ',')));
      if (t.matches("\\d{1,3}\\.\\d{3}")) {
        add(out, new BigDecimal(t.replace(".", "")), base, letterFix);
      }
      return out;
    }
    if (AR_THOUSANDS.matcher(t).matches()) {
      add(out, new BigDecimal(t.replace(".", "")), base, letterFix);
    }
    return out;
  }

  private static void add(List<Cand> out, BigDecimal v, int penalty, String fix) {
    for (Cand c : out) {
      if (c.value().compareTo(v) == 0) {
        return;
      }
    }
    out.add(new Cand(v, penalty, fix));
  }

  private static String join(String a, String b) {
    return a == null ? b : a + "; " + b;
  }

  static BigDecimal parseAr(String t) {
    return new BigDecimal(t.replace(".", "").replace(',', '.'));
  }

  /** Best (least penalty) money reading or null. */
  static BigDecimal moneyValue(String token) {
    List<Cand> c = money(token);
    return c.isEmpty() ? null : c.get(0).value().setScale(2, RoundingMode.HALF_UP);
  }

  /** Edit distance between the digits of {@code v} (2 decimals) and those of an OCR token. */
  static int digitDistance(BigDecimal v, String token) {
    return digitDistance(v.setScale(2, RoundingMode.HALF_UP).unscaledValue().toString(), token);
  }

  /** Digit edits between the digits {@code a} and those {@code token} shows. */
  static int digitDistance(String a, String token) {
    String t = digitsOnly(token);
    String b = (t == null ? token : t).replaceAll("\\D", "");
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] swap = prev;
      prev = cur;
      cur = swap;
    }
    return prev[b.length()];
  }

  static String format(BigDecimal v) {
    DecimalFormat f =
        new DecimalFormat(
            "#,##0.00", DecimalFormatSymbols.getInstance(Locale.forLanguageTag("es-AR")));
    return f.format(v);
  }
}
