package almacen.ingest.ocr;

import almacen.events.InvoiceKind;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header of an invoice: type (letter and AFIP code), kind (invoice, credit or debit note: the
 * code, else the printed title), point of sale and number, dates, CUITs, CAE and the supplier's
 * name. Only the lines before the totals are searched for the identity fields, so a "Nro" in the
 * totals or the CAE block is never taken for the invoice's number.
 */
final class HeaderReader {

  /** Digit class that tolerates the letters OCR confuses with digits. */
  static final String D = "[0-9OoIlS|!]";

  /**
   * The supplier's "Razón Social:" is among the first lines (the buyer's comes later); further down
   * it is taken only before the buyer's block starts ({@link #BUYER_BLOCK}).
   */
  static final int NAME_LABEL_REACH = 8;

  /**
   * A line of the buyer's block: AFIP's receptor box says "Apellido y Nombre / Razón Social",
   * others "Cliente" or "Señor(es)".
   */
  private static final Pattern BUYER_BLOCK =
      Pattern.compile(".*\\b(apellido|nombre|cliente|senor|receptor|comprador|adquirente).*");

  /**
   * Without a label the name is the first line with words at the top of the page (above the letter
   * box or beside it); past these lines it would be an address or the buyer.
   */
  static final int NAME_UNLABELLED_REACH = 6;

  /** Fewer letters than this is a speck or a stray box, not a company name. */
  static final int NAME_MIN_LETTERS = 4;

  private static final Pattern CODE =
      Pattern.compile(
          "c[o0]d(?:igo)?\\s*[.:]?\\s*(?:n\\s*[°º*o.]?\\s*)?[:.\\[(|]?\\s*(" + D + "{2,3})\\b");
  private static final Pattern LETTER_BOX =
      Pattern.compile("([ABCM])(?:\\s*[|\\]\\[]\\s*|\\s+)(?:FACTURA|NOTA)\\b");
  private static final Pattern LETTER_LINE = Pattern.compile("^[\\s\\[|(]*([ABCM])[\\s\\]|)]*$");
  private static final Pattern FACTURA_LETTER =
      Pattern.compile(
          "\\b(?:factura|nota\\s+de\\s+(?:credito|debito))\\s*[\"'|\\[(]?\\s*([abcm])\\b");

  /** "NOTA DE CRÉDITO", "Nota de Crédito Electrónica", "N. DE CREDITO" (normalized: no accents). */
  private static final Pattern CREDIT_TITLE =
      Pattern.compile("\\bn(?:ota|\\.)\\s*de\\s*cr[e3]dito\\b");

  private static final Pattern DEBIT_TITLE =
      Pattern.compile("\\bn(?:ota|\\.)\\s*de\\s*d[e3]bito\\b");
  private static final Pattern POS =
      Pattern.compile(
          "(?:punto\\s*de\\s*venta|pto\\.?\\s*(?:de\\s*)?v(?:en)?ta\\.?|p\\.\\s*v(?:ta)?\\.?)\\s*[:.]?\\s*(?:n\\s*[°º*o.]?\\s*)?[:.]?\\s*("
              + D
              + "{4,5})\\b");
  private static final Pattern NUMBER =
      Pattern.compile(
          "(?:comp(?:robante)?\\.?\\s*)?n(?:ro|°|º|\\*|o|um(?:ero)?)\\.?\\s*[:.]?\\s*("
              + D
              + "{8})\\b");
  private static final Pattern POS_NUMBER =
      Pattern.compile("\\b(" + D + "{4,5})\\s*[-–]\\s*(" + D + "{8})\\b");
  private static final Pattern CAE =
      Pattern.compile("c\\.?\\s?a\\.?\\s?e\\.?\\s?a?\\b[^0-9]{0,14}(" + D + "{14})\\b");
  private static final Pattern DIGITS14 = Pattern.compile("(?<![0-9])([0-9]{14})(?![0-9])");

  /** "Razón Social:", also with one of its letters misread ("Rezón", "Raz0n"). */
  private static final Pattern NAME_LABEL =
      Pattern.compile(
          "(?:raz[oó0]n\\s+social\\s*:?|\\br[\\p{L}0]{3}n\\s+social\\s*:)\\s*(.+)",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern NOT_A_NAME =
      Pattern.compile(
          ".*(original|duplicado|factura|nota de|cod|fecha|punto|comp|responsable|inscripto"
              + "|monotribut|exento|consumidor final|domicilio|ingresos brutos|actividades).*");

  private final PrintedLines text;
  private final ParseIssues issues;
  private final int limit;

  /**
   * @param limit the first line of the totals ({@link TableLayout#totalsStart()})
   */
  HeaderReader(PrintedLines text, ParseIssues issues, int limit) {
    this.text = text;
    this.issues = issues;
    this.limit = Math.min(limit, text.size());
  }

  /** Whether {@code text} shows the invoice's letter or its AFIP code where a header is read. */
  static boolean showsType(String text) {
    PrintedLines lines = new PrintedLines(text == null ? "" : text);
    HeaderReader r =
        new HeaderReader(lines, new ParseIssues(), TableLayout.of(lines).totalsStart());
    return r.afipCode() != null || r.letter() != null;
  }

  /** Reads the header; issues are recorded in the order code, type, number, dates, CUITs, CAE. */
  InvoiceHeader read() {
    Integer code = afipCode();
    InvoiceType type = type(code);
    Integer[] posNum = pointOfSaleAndNumber();
    DateReader.Dates dates = new DateReader(text, issues).read();
    CuitReader.Cuits cuits = new CuitReader(text, issues).read();
    String cae = cae();
    InvoiceKind kind = kind(code);
    return new InvoiceHeader(
        type,
        code,
        posNum[0],
        posNum[1] == null ? null : posNum[1].longValue(),
        dates.issue(),
        cuits.issuer(),
        supplierName(),
        cuits.buyer(),
        cae,
        dates.caeDue(),
        kind);
  }

  /**
   * The AFIP code says which document it is; without one, the printed title ("NOTA DE CRÉDITO").
   * When the two disagree the code wins, said so.
   */
  private InvoiceKind kind(Integer code) {
    InvoiceKind byCode = code == null ? null : InvoiceType.kindOfAfipCode(code).orElse(null);
    InvoiceKind byTitle = title();
    if (byCode != null && byTitle != null && byCode != byTitle) {
      issues.add(
          "El título impreso ("
              + spanish(byTitle)
              + ") no coincide con el código "
              + String.format(Locale.ROOT, "%02d", code)
              + " ("
              + spanish(byCode)
              + "); se usa el código.");
    }
    if (byCode != null) {
      return byCode;
    }
    return byTitle != null ? byTitle : InvoiceKind.INVOICE;
  }

  /** A note's title among the header lines; null when none is printed (an invoice). */
  private InvoiceKind title() {
    for (int i = 0; i < limit; i++) {
      String n = text.norm(i);
      if (CREDIT_TITLE.matcher(n).find()) {
        return InvoiceKind.CREDIT_NOTE;
      }
      if (DEBIT_TITLE.matcher(n).find()) {
        return InvoiceKind.DEBIT_NOTE;
      }
    }
    return null;
  }

  static String spanish(InvoiceKind kind) {
    return switch (kind) {
      case INVOICE -> "factura";
      case CREDIT_NOTE -> "nota de crédito";
      case DEBIT_NOTE -> "nota de débito";
    };
  }

  private Integer afipCode() {
    for (int i = 0; i < limit; i++) {
      Matcher m = CODE.matcher(text.norm(i));
      while (m.find()) {
        String fixed = Numbers.digitsOnly(m.group(1));
        if (fixed == null) {
          continue;
        }
        int c = Integer.parseInt(fixed);
        if (InvoiceType.ofAfipCode(c).isPresent()) {
          issues.noteFix(m.group(1), fixed, "código de comprobante");
          return c;
        }
      }
    }
    return null;
  }

  /** The AFIP code wins over the printed letter (a big lone glyph OCR often gets wrong). */
  private InvoiceType type(Integer code) {
    InvoiceType byLetter = letter();
    InvoiceType byCode = code == null ? null : InvoiceType.ofAfipCode(code).orElse(null);
    if (code != null && InvoiceType.kindOfAfipCode(code).isEmpty()) {
      issues.add(
          "El comprobante tiene código "
              + String.format(Locale.ROOT, "%02d", code)
              + ": no es una factura ni una nota de crédito o débito (recibo o nota de venta).");
    }
    if (byCode != null && byLetter != null && byCode != byLetter) {
      issues.add(
          "La letra impresa ("
              + byLetter
              + ") no coincide con el código "
              + String.format(Locale.ROOT, "%02d", code)
              + " ("
              + byCode
              + "); se usa el código.");
    }
    if (byCode == null && byLetter == null) {
      issues.add(InvoiceCrossChecks.NO_TYPE);
    }
    return byCode != null ? byCode : byLetter;
  }

  /**
   * The letter: a line with only the letter, "A | FACTURA", "FACTURA A", or a lone capital on a
   * line that says "factura".
   */
  private InvoiceType letter() {
    InvoiceType byLetter = null;
    for (int i = 0; i < limit && byLetter == null; i++) {
      String raw = text.raw(i);
      Matcher m = LETTER_LINE.matcher(raw);
      if (m.matches()) {
        return InvoiceType.valueOf(m.group(1));
      }
      Matcher box = LETTER_BOX.matcher(PrintedLines.normalize(raw).toUpperCase(Locale.ROOT));
      if (box.find()) {
        return InvoiceType.valueOf(box.group(1));
      }
      Matcher f = FACTURA_LETTER.matcher(text.norm(i));
      if (f.find()) {
        byLetter = InvoiceType.valueOf(f.group(1).toUpperCase(Locale.ROOT));
      }
      if (byLetter == null
          && (text.norm(i).contains("factura") || text.norm(i).contains("nota de"))) {
        for (String tok : raw.split("[\\s|\\[\\]()]+", -1)) {
          if (tok.matches("[ABCM]")) {
            byLetter = InvoiceType.valueOf(tok);
            break;
          }
        }
      }
    }
    return byLetter;
  }

  /** [point of sale, number]: "Punto de Venta: 00003 Comp. Nro: 00012345" or "0003-00012345". */
  private Integer[] pointOfSaleAndNumber() {
    Integer pos = null;
    Integer num = null;
    for (int i = 0; i < limit; i++) {
      String n = text.norm(i);
      if (n.contains("cuit") || n.contains("c.u.i.t")) {
        continue;
      }
      Matcher both = POS_NUMBER.matcher(n);
      if (pos == null && num == null && both.find() && !n.contains("/")) {
        String p = issues.fixedDigits(both.group(1), "punto de venta");
        String k = issues.fixedDigits(both.group(2), "número de comprobante");
        if (p != null && k != null) {
          pos = Integer.parseInt(p);
          num = Integer.parseInt(k);
          continue;
        }
      }
      Matcher mp = POS.matcher(n);
      if (pos == null && mp.find()) {
        String p = issues.fixedDigits(mp.group(1), "punto de venta");
        if (p != null) {
          pos = Integer.parseInt(p);
        }
      }
      Matcher mn = NUMBER.matcher(n);
      while (num == null && mn.find()) {
        if (mn.start() > 0 && n.substring(0, mn.start()).matches(".*\\bcae\\s*$")) {
          continue; // "CAE N°: 7541…" is not the invoice's number
        }
        String k = issues.fixedDigits(mn.group(1), "número de comprobante");
        if (k != null) {
          num = Integer.parseInt(k);
        }
      }
    }
    if (pos == null) {
      issues.add("No se encontró el punto de venta.");
    }
    if (num == null) {
      issues.add("No se encontró el número de comprobante.");
    }
    return new Integer[] {pos, num};
  }

  /** The labelled CAE; else the last bare 14-digit run outside a CUIT line, said so. */
  private String cae() {
    for (int i = 0; i < text.size(); i++) {
      Matcher m = CAE.matcher(text.norm(i));
      if (m.find()) {
        String fixed = issues.fixedDigits(m.group(1), "CAE");
        if (fixed != null) {
          return fixed;
        }
      }
    }
    for (int i = text.size() - 1; i >= 0; i--) {
      Matcher m = DIGITS14.matcher(text.norm(i));
      if (m.find() && !text.norm(i).contains("cuit")) {
        issues.add("CAE sin rótulo: se tomó " + m.group(1) + ".");
        return m.group(1);
      }
    }
    return null;
  }

  private String supplierName() {
    boolean buyerSeen = false;
    for (int i = 0; i < limit; i++) {
      boolean buyer = BUYER_BLOCK.matcher(text.norm(i)).matches();
      buyerSeen |= buyer;
      if (i >= NAME_LABEL_REACH && buyerSeen) {
        break;
      }
      Matcher m = NAME_LABEL.matcher(text.raw(i));
      if (m.find() && !buyer) {
        return firstCell(m.group(1));
      }
    }
    for (int i = 0; i < Math.min(NAME_UNLABELLED_REACH, text.size()); i++) {
      // the name is the line's first cell: "FACTURA" or the letter box printed beside it, past a
      // column gap, are not its words
      String first = firstCell(text.raw(i));
      if (first.replaceAll("[^\\p{L}]", "").length() >= NAME_MIN_LETTERS
          && !NOT_A_NAME.matcher(PrintedLines.normalize(first)).matches()) {
        return first;
      }
    }
    issues.add("No se encontró la razón social del emisor.");
    return null;
  }

  /**
   * The words before the first column gap or box rule ("|", "[", "]": no company name has one),
   * without specks at its ends. Specks first: "= NAME" must not be cut at its gap into "=".
   */
  private static String firstCell(String line) {
    return withoutSpecks(
        withoutSpecks(line).replaceAll("\\s{2,}.*", "").replaceAll("\\s+[|\\[\\]].*", ""));
  }

  /**
   * The name without specks at its ends ("* HNOS. FERRARI S.H."): a photo's sheet edge leaves bare
   * punctuation there, and no company name starts or ends with a mark standing alone.
   */
  static String withoutSpecks(String name) {
    String out =
        name.strip()
            .replaceAll("^(" + SPECK + "\\s+)+", "")
            .replaceAll("(\\s+" + SPECK + ")+$", "");
    // a quote glued to one end with none at the other: a speck, not quotes around the name
    if (out.matches("[\"'“”«»].*[^\"'“”«»]")
        && out.chars().filter(c -> c == out.charAt(0)).count() == 1) {
      return out.substring(1).strip();
    }
    return out;
  }

  /**
   * A word of no letters with a mark in it ("*", "—", "==2"), or a mark and one letter ("=Ñ"): no
   * company name starts or ends with one. A number alone ("3 HERMANOS"), quotes or brackets around
   * the name and an initial with its period ("S. A.") are no specks.
   */
  private static final String SPECK =
      "(?:[^\\p{L}\\s]*[^\\p{L}\\p{N}\\s\"'()][^\\p{L}\\s]*"
          + "|[^\\p{L}\\p{N}\\s\"'().,&]\\p{L}|\\p{L}[^\\p{L}\\p{N}\\s\"'().,&])";
}
