package almacen.ingest.ocr;

import almacen.ingest.invoice.Cuit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The issuer's and the buyer's CUIT. Every valid CUIT (known prefix, check digit right) on the page
 * is scored by the words around it: the buyer's block ("Cliente", "Señor(es)", "Razón Social" of
 * the receptor) counts against, the issuer's ("Ingresos Brutos", "Inicio de Actividades") for. The
 * highest score is the issuer and the lowest the buyer; ties go to the one printed first, as the
 * issuer's block comes first on AFIP layouts.
 *
 * <p>An issuer-only field belongs to the block of the CUIT printed before it (the issuer's fields
 * follow its CUIT), and only when no CUIT is printed before it to the one just after. Counted by
 * distance alone, the issuer's IIBB and activity start, printed at the end of its block, went to
 * the buyer's CUIT right below them, and a scan confirmed with the two CUITs swapped.
 */
final class CuitReader {

  /** Issuer and buyer CUIT, formatted (either null). */
  record Cuits(String issuer, String buyer) {}

  /**
   * A buyer label on the CUIT's own line ("CUIT: 20-… Apellido y Nombre / Razón Social: …"): the
   * strongest sign, it names the block the CUIT is in.
   */
  static final int BUYER_LABEL_ON_LINE = -2;

  /** A buyer label on the line before ("Señor(es):" above the CUIT): weaker, it may end a block. */
  static final int BUYER_LABEL_ABOVE = -1;

  /**
   * An issuer-only field (IIBB, activity start) within {@link #ISSUER_FIELD_REACH} lines: only the
   * issuer prints those, so it outweighs a buyer label above.
   */
  static final int ISSUER_FIELD_NEAR = 2;

  /**
   * Lines before a CUIT searched for issuer-only fields when no CUIT is printed before them (the
   * issuer's block may put them above its CUIT).
   */
  static final int ISSUER_FIELD_REACH = 2;

  /** Lines after a CUIT that still belong to its block, for issuer-only fields. */
  static final int ISSUER_BLOCK_LINES = 8;

  /** CUIT prefixes AFIP gives: people 20/23/24/25/26/27, companies 30/33/34. */
  static final Set<String> PREFIXES = Set.of("20", "23", "24", "25", "26", "27", "30", "33", "34");

  private static final Pattern CUIT =
      Pattern.compile(
          "(?<![0-9])("
              + HeaderReader.D
              + "{2})\\s?[-–.]?\\s?("
              + HeaderReader.D
              + "{8})\\s?[-–.]?\\s?("
              + HeaderReader.D
              + ")(?![0-9])");
  private static final Pattern BUYER_ON_LINE =
      Pattern.compile(
          ".*(cliente|senor|sr\\.|sres|razon social|receptor|comprador|destinatario|apellido y nombre).*");
  private static final Pattern BUYER_ABOVE =
      Pattern.compile(".*(cliente|senor|sres|receptor|comprador|destinatario).*");
  private static final Pattern ISSUER_FIELD =
      Pattern.compile(".*(ingresos brutos|[il1t|]{2}\\.?\\s?bb|inicio de actividad|emisor).*");
  private static final Pattern CUIT_LABEL =
      Pattern.compile(".*(c\\.?u\\.?i\\.?t|cuit|curr|cu1t|cult).*");

  private record Found(String cuit, int line, int score) {}

  private final PrintedLines text;
  private final ParseIssues issues;

  CuitReader(PrintedLines text, ParseIssues issues) {
    this.text = text;
    this.issues = issues;
  }

  Cuits read() {
    List<Found> found = new ArrayList<>();
    for (int i = 0; i < text.size(); i++) {
      Matcher m = CUIT.matcher(text.raw(i));
      while (m.find()) {
        String digits = Numbers.digitsOnly(m.group(1) + m.group(2) + m.group(3));
        if (digits == null || !digits.matches("\\d{11}")) {
          continue;
        }
        if (!PREFIXES.contains(digits.substring(0, 2))) {
          continue;
        }
        if (!Cuit.isValid(digits)) {
          if (CUIT_LABEL.matcher(text.norm(i)).matches()) {
            issues.add(
                "CUIT '" + m.group().trim() + "' con dígito verificador inválido: ignorado.");
          }
          continue;
        }
        issues.noteFix(m.group(1) + m.group(2) + m.group(3), digits, "CUIT");
        String formatted = Cuit.parse(digits).orElseThrow().formatted();
        if (found.stream().noneMatch(f -> f.cuit().equals(formatted))) {
          found.add(new Found(formatted, i, score(i)));
        }
      }
    }
    if (found.isEmpty()) {
      issues.add("No se encontró un CUIT válido del emisor.");
      return new Cuits(null, null);
    }
    Found issuer = found.get(0);
    for (Found f : found) {
      if (f.score() > issuer.score()) {
        issuer = f;
      }
    }
    Found buyer = null;
    for (Found f : found) {
      if (!f.equals(issuer) && (buyer == null || f.score() < buyer.score())) {
        buyer = f;
      }
    }
    if (issuer.score() < 0) {
      issues.add(
          "El único CUIT encontrado parece ser el del cliente; revisar el CUIT del proveedor.");
      return new Cuits(null, issuer.cuit());
    }
    return new Cuits(issuer.cuit(), buyer == null ? null : buyer.cuit());
  }

  /** How much the words around line {@code i} say its CUIT is the issuer's (below 0: buyer's). */
  int score(int i) {
    int score = 0;
    if (BUYER_ON_LINE.matcher(text.norm(i)).matches()) {
      score += BUYER_LABEL_ON_LINE;
    }
    if (i > 0 && BUYER_ABOVE.matcher(text.norm(i - 1)).matches()) {
      score += BUYER_LABEL_ABOVE;
    }
    if (hasIssuerField(i)) {
      score += ISSUER_FIELD_NEAR;
    }
    return score;
  }

  /**
   * Whether an issuer-only field belongs to the block of the CUIT on line {@code i}: on its line or
   * after it up to the next CUIT (within {@link #ISSUER_BLOCK_LINES}), or before it when no CUIT is
   * printed before that field (within {@link #ISSUER_FIELD_REACH}).
   */
  private boolean hasIssuerField(int i) {
    int last = Math.min(text.size() - 1, i + ISSUER_BLOCK_LINES);
    for (int k = i; k <= last && (k == i || !hasCuit(k)); k++) {
      if (ISSUER_FIELD.matcher(text.norm(k)).matches()) {
        return true;
      }
    }
    for (int k = i - 1; k >= Math.max(0, i - ISSUER_FIELD_REACH) && !hasCuit(k); k--) {
      if (ISSUER_FIELD.matcher(text.norm(k)).matches() && noCuitBefore(k)) {
        return true;
      }
    }
    return false;
  }

  private boolean noCuitBefore(int line) {
    for (int k = line - 1; k >= 0; k--) {
      if (hasCuit(k)) {
        return false;
      }
    }
    return true;
  }

  private boolean hasCuit(int line) {
    return CUIT.matcher(text.raw(line)).find();
  }
}
