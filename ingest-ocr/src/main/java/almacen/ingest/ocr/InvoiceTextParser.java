package almacen.ingest.ocr;

import almacen.ingest.invoice.Cuit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the fields of an Argentine factura (A/B/C/M) from OCR or PDF text (es-AR). Every correction
 * of an OCR confusion is recorded in {@link Parsed#issues()}; nothing is fixed silently.
 */
public final class InvoiceTextParser {

  /** Digit class that tolerates the letters OCR confuses with digits. */
  private static final String D = "[0-9OoIlS|!]";

  private static final Pattern CODE =
      Pattern.compile(
          "c[o0]d(?:igo)?\\s*[.:]?\\s*(?:n\\s*[°º*o.]?\\s*)?[:.\\[(|]?\\s*(" + D + "{2,3})\\b");
  private static final Pattern LETTER_BOX =
      Pattern.compile("([ABCM])(?:\\s*[|\\]\\[]\\s*|\\s+)FACTURA\\b");
  private static final Pattern LETTER_LINE = Pattern.compile("^[\\s\\[|(]*([ABCM])[\\s\\]|)]*$");
  private static final Pattern FACTURA_LETTER =
      Pattern.compile("\\bfactura\\s*[\"'|\\[(]?\\s*([abcm])\\b");
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
  private static final Pattern DATE =
      Pattern.compile("\\b(" + D + "{1,2})\\s*/\\s*(" + D + "{1,2})\\s*/\\s*(" + D + "{4})\\b");
  private static final Pattern CUIT =
      Pattern.compile(
          "(?<![0-9])(" + D + "{2})\\s?[-–.]?\\s?(" + D + "{8})\\s?[-–.]?\\s?(" + D + ")(?![0-9])");
  private static final Pattern CAE =
      Pattern.compile("c\\.?\\s?a\\.?\\s?e\\.?\\s?a?\\b[^0-9]{0,14}(" + D + "{14})\\b");
  private static final Pattern DIGITS14 = Pattern.compile("(?<![0-9])([0-9]{14})(?![0-9])");
  private static final Pattern IVA_RATE =
      Pattern.compile("\\biva\\s*(?:\\()?\\s*(27|21|10[.,]5|5|2[.,]5|0)\\s*(?:[.,]0+)?\\s*%");
  private static final Set<String> UNIT_WORDS =
      Set.of(
          "kg",
          "kg.",
          "kgs",
          "un",
          "un.",
          "u",
          "u.",
          "unid",
          "unid.",
          "unidad",
          "unidades",
          "uni",
          "lt",
          "lt.",
          "lts",
          "l",
          "gr",
          "gr.",
          "g",
          "c/u",
          "%",
          "$",
          "-",
          "|",
          "bulto",
          "caja",
          "cja",
          "pack");
  private static final Set<BigDecimal> RATES =
      Set.of(
          new BigDecimal("0"),
          new BigDecimal("2.5"),
          new BigDecimal("5"),
          new BigDecimal("10.5"),
          new BigDecimal("21"),
          new BigDecimal("27"));
  private static final Pattern MONEY_SHAPE = Pattern.compile(".*[.,][0-9OoIlS]{2}");
  private static final Pattern LITRES_MISREAD =
      Pattern.compile("(\\p{L}{2,}\\s+)(\\d{1,2}(?:,\\d{1,2})?)1$");
  private static final Set<String> LITRE_SIZES =
      Set.of("0,5", "1", "1,5", "2", "2,25", "2,5", "3", "5");
  private static final Set<Integer> PACK_SIZES =
      Set.of(
          50, 100, 110, 118, 120, 125, 150, 170, 180, 200, 225, 250, 300, 330, 340, 350, 354, 380,
          400, 410, 450, 473, 500, 600, 750, 800, 900, 1000);

  /** Everything the text says, before the QR (if any) is merged in. */
  public record Parsed(
      InvoiceType type,
      Integer afipCode,
      Integer pointOfSale,
      Long number,
      LocalDate issueDate,
      String supplierCuit,
      String supplierName,
      String buyerCuit,
      String cae,
      LocalDate caeDueDate,
      List<ReadLine> lines,
      int consistentLines,
      BigDecimal netTotal,
      Map<BigDecimal, BigDecimal> ivaByRate,
      BigDecimal otherTaxes,
      BigDecimal total,
      List<String> issues) {}

  private enum Col {
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

  private final List<String> issues = new ArrayList<>();
  private final List<String> raw;
  private final List<String> norm;

  private InvoiceTextParser(String text) {
    raw = new ArrayList<>();
    norm = new ArrayList<>();
    for (String line : text.replace('\t', ' ').split("\\R")) {
      if (!line.isBlank()) {
        raw.add(line.strip());
        norm.add(normalize(line.strip()));
      }
    }
  }

  /**
   * Item rows whose numbers do not close (no quantity × price = total among them, in either column
   * order) get a second, closer OCR look. The second reading lends the first its numbers where both
   * split into the same tokens (the first reading's letters are usually the better ones), and is
   * kept only if the row then closes.
   */
  public static final OcrEngine.LineReview ROW_REVIEW =
      new OcrEngine.LineReview() {
        @Override
        public boolean suspect(String line) {
          List<Tok> nums = numbers(line);
          long money =
              nums.stream()
                  .filter(t -> MONEY_SHAPE.matcher(Numbers.strip(t.text())).matches())
                  .count();
          long withDigits =
              java.util.Arrays.stream(tokens(line))
                  .filter(t -> t.matches(".*\\d.*") && !isCode(t))
                  .count();
          if (money == 0 || (money < 2 && withDigits < 3)) {
            return false; // not an item row: a total, a date, a header line
          }
          return !closes(nums);
        }

        @Override
        public String keep(String first, String second) {
          String merged = lendNumbers(first, second);
          if (merged != null && closesNear(merged, first)) {
            return merged;
          }
          return closesNear(second, first) ? second : null;
        }
      };

  /**
   * The line closes, and its price and total are within two digits of numbers the first reading
   * shows: a second reading confirms and mends, it does not invent (a garbled "3:32 130" would
   * close as 1 × 3,32).
   */
  private static boolean closesNear(String line, String first) {
    List<Tok> nums = numbers(line);
    if (nums.size() < 3) {
      return false;
    }
    Pick pick = bestTriple(nums, true);
    pick = pick != null ? pick : bestTriple(nums, false);
    if (pick == null) {
      return false;
    }
    List<Tok> seen = numbers(first);
    return isNear(pick.p().value(), seen) && isNear(pick.t().value(), seen);
  }

  private static boolean isNear(BigDecimal v, List<Tok> tokens) {
    return tokens.stream().anyMatch(t -> Numbers.digitDistance(v, t.text()) <= 2);
  }

  private static List<Tok> numbers(String line) {
    String[] parts = tokens(line);
    List<Tok> nums = new ArrayList<>();
    for (int k = 0; k < parts.length; k++) {
      if (Numbers.digitsOnly(parts[k]) != null && !isCode(parts[k])) {
        nums.add(new Tok(parts[k], k));
      }
    }
    return nums;
  }

  private static String[] tokens(String line) {
    return line.replace("|", " ").replace("$ ", "$").trim().split("\\s+");
  }

  private static boolean closes(List<Tok> nums) {
    return nums.size() >= 3 && (bestTriple(nums, true) != null || bestTriple(nums, false) != null);
  }

  /**
   * {@code first} with each token that is a number (or a speck) in either reading taken from {@code
   * second}.
   */
  static String lendNumbers(String first, String second) {
    String[] a = first.trim().split("\\s+");
    String[] b = second.trim().split("\\s+");
    if (a.length != b.length) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    for (int k = 0; k < a.length; k++) {
      boolean number =
          Numbers.digitsOnly(a[k]) != null || Numbers.digitsOnly(b[k]) != null || isJunk(a[k]);
      out.append(k == 0 ? "" : "  ").append(number ? b[k] : a[k]);
    }
    return out.toString();
  }

  public static Parsed parse(String text) {
    return new InvoiceTextParser(text == null ? "" : text).run();
  }

  static String normalize(String s) {
    String n = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    return n.toLowerCase(Locale.ROOT);
  }

  private Parsed run() {
    int totalsStart = totalsStart();
    Integer code = afipCode(totalsStart);
    InvoiceType type = type(code, totalsStart);
    Integer[] posNum = pointOfSaleAndNumber(totalsStart);
    LocalDate[] dates = dates();
    String[] cuits = cuits();
    String cae = cae();
    List<int[]> consistent = new ArrayList<>();
    List<ReadLine> lines = lines(totalsStart, consistent);
    Map<BigDecimal, BigDecimal> iva = new TreeMap<>();
    BigDecimal[] totals = totals(totalsStart, iva);
    if (type == null && iva.values().stream().anyMatch(v -> v.signum() > 0)) {
      // the letter box is a big lone glyph OCR sometimes drops; only A (and the rare M)
      // discriminate IVA
      type = InvoiceType.A;
      issues.add("Sin letra ni código legibles: se toma factura A porque discrimina IVA; revisar.");
    }
    return new Parsed(
        type,
        code,
        posNum[0],
        posNum[1] == null ? null : posNum[1].longValue(),
        dates[0],
        cuits[0],
        supplierName(),
        cuits[1],
        cae,
        dates[1],
        lines,
        consistent.size(),
        totals[0],
        iva,
        totals[1],
        totals[2],
        List.copyOf(issues));
  }

  // ---------------------------------------------------------------- header

  private Integer afipCode(int limit) {
    for (int i = 0; i < Math.min(limit, norm.size()); i++) {
      Matcher m = CODE.matcher(norm.get(i));
      while (m.find()) {
        String fixed = Numbers.digitsOnly(m.group(1));
        if (fixed == null) {
          continue;
        }
        int c = Integer.parseInt(fixed);
        if (InvoiceType.ofAfipCode(c).isPresent()) {
          noteFix(m.group(1), fixed, "código de comprobante");
          return c;
        }
      }
    }
    return null;
  }

  private InvoiceType type(Integer code, int limit) {
    InvoiceType byLetter = null;
    for (int i = 0; i < Math.min(limit, raw.size()) && byLetter == null; i++) {
      Matcher m = LETTER_LINE.matcher(raw.get(i));
      if (m.matches()) {
        byLetter = InvoiceType.valueOf(m.group(1));
        break;
      }
      Matcher box = LETTER_BOX.matcher(normalize(raw.get(i)).toUpperCase(Locale.ROOT));
      if (box.find()) {
        byLetter = InvoiceType.valueOf(box.group(1));
        break;
      }
      Matcher f = FACTURA_LETTER.matcher(norm.get(i));
      if (f.find()) {
        byLetter = InvoiceType.valueOf(f.group(1).toUpperCase(Locale.ROOT));
      }
      if (byLetter == null && norm.get(i).contains("factura")) {
        for (String tok : raw.get(i).split("[\\s|\\[\\]()]+")) {
          if (tok.matches("[ABCM]")) {
            byLetter = InvoiceType.valueOf(tok);
            break;
          }
        }
      }
    }
    InvoiceType byCode = code == null ? null : InvoiceType.ofAfipCode(code).orElse(null);
    if (code != null && !InvoiceType.isFactura(code)) {
      issues.add(
          "El comprobante tiene código "
              + String.format("%02d", code)
              + ": no es una factura (nota de crédito/débito o recibo).");
    }
    if (byCode != null && byLetter != null && byCode != byLetter) {
      issues.add(
          "La letra impresa ("
              + byLetter
              + ") no coincide con el código "
              + String.format("%02d", code)
              + " ("
              + byCode
              + "); se usa el código.");
    }
    if (byCode == null && byLetter == null) {
      issues.add("No se encontró el tipo de factura (letra A/B/C/M ni código).");
    }
    return byCode != null ? byCode : byLetter;
  }

  private Integer[] pointOfSaleAndNumber(int limit) {
    Integer pos = null;
    Integer num = null;
    for (int i = 0; i < Math.min(limit, norm.size()); i++) {
      String n = norm.get(i);
      if (n.contains("cuit") || n.contains("c.u.i.t")) {
        continue;
      }
      Matcher both = POS_NUMBER.matcher(n);
      if (pos == null && num == null && both.find() && !n.contains("/")) {
        String p = fixedGroup(both.group(1), "punto de venta");
        String k = fixedGroup(both.group(2), "número de comprobante");
        if (p != null && k != null) {
          pos = Integer.parseInt(p);
          num = Integer.parseInt(k);
          continue;
        }
      }
      Matcher mp = POS.matcher(n);
      if (pos == null && mp.find()) {
        String p = fixedGroup(mp.group(1), "punto de venta");
        if (p != null) {
          pos = Integer.parseInt(p);
        }
      }
      Matcher mn = NUMBER.matcher(n);
      while (num == null && mn.find()) {
        if (mn.start() > 0 && n.substring(0, mn.start()).matches(".*\\bcae\\s*$")) {
          continue;
        }
        String k = fixedGroup(mn.group(1), "número de comprobante");
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

  private LocalDate[] dates() {
    LocalDate issue = null;
    LocalDate caeDue = null;
    LocalDate fallback = null;
    for (int i = 0; i < norm.size(); i++) {
      String n = norm.get(i);
      Matcher m = DATE.matcher(n);
      while (m.find()) {
        LocalDate d = date(m);
        if (d == null) {
          continue;
        }
        String before = n.substring(Math.max(0, m.start() - 40), m.start());
        if (before.contains("cae") && (before.contains("vto") || before.contains("venc"))) {
          caeDue = caeDue == null ? d : caeDue;
        } else if (before.contains("inicio")
            || before.contains("actividad")
            || before.contains("periodo")
            || before.contains("desde")
            || before.contains("hasta")
            || before.contains("vto")
            || before.contains("venc")) {
          continue;
        } else if (before.contains("emision") || before.matches(".*fecha\\s*:?\\s*$")) {
          issue = issue == null ? d : issue;
        } else if (fallback == null) {
          fallback = d;
        }
      }
    }
    if (issue == null && fallback != null) {
      issue = fallback;
      issues.add("Fecha de emisión sin rótulo: se tomó " + fallback + ".");
    }
    if (issue == null) {
      issues.add("No se encontró la fecha de emisión.");
    }
    return new LocalDate[] {issue, caeDue};
  }

  private LocalDate date(Matcher m) {
    String d = Numbers.digitsOnly(m.group(1));
    String mo = Numbers.digitsOnly(m.group(2));
    String y = Numbers.digitsOnly(m.group(3));
    if (d == null || mo == null || y == null || !(d + mo + y).matches("\\d+")) {
      return null;
    }
    try {
      LocalDate date = LocalDate.of(Integer.parseInt(y), Integer.parseInt(mo), Integer.parseInt(d));
      noteFix(m.group(1) + "/" + m.group(2) + "/" + m.group(3), d + "/" + mo + "/" + y, "fecha");
      return date;
    } catch (DateTimeException e) {
      issues.add("Fecha imposible '" + m.group() + "' ignorada.");
      return null;
    }
  }

  /** [issuer, buyer] formatted CUITs. */
  private String[] cuits() {
    record Found(String cuit, int line, int score) {}
    List<Found> found = new ArrayList<>();
    for (int i = 0; i < norm.size(); i++) {
      Matcher m = CUIT.matcher(raw.get(i));
      while (m.find()) {
        String digits = Numbers.digitsOnly(m.group(1) + m.group(2) + m.group(3));
        if (digits == null || !digits.matches("\\d{11}")) {
          continue;
        }
        String prefix = digits.substring(0, 2);
        if (!Set.of("20", "23", "24", "25", "26", "27", "30", "33", "34").contains(prefix)) {
          continue;
        }
        if (!Cuit.isValid(digits)) {
          if (isCuitLabelled(i)) {
            issues.add(
                "CUIT '" + m.group().trim() + "' con dígito verificador inválido: ignorado.");
          }
          continue;
        }
        noteFix(m.group(1) + m.group(2) + m.group(3), digits, "CUIT");
        int score = 0;
        String line = norm.get(i);
        String prev = i > 0 ? norm.get(i - 1) : "";
        if (line.matches(
            ".*(cliente|senor|sr\\.|sres|razon social|receptor|comprador|destinatario|apellido y nombre).*")) {
          score -= 2;
        }
        if (prev.matches(".*(cliente|senor|sres|receptor|comprador|destinatario).*")) {
          score -= 1;
        }
        for (int k = Math.max(0, i - 2); k <= Math.min(norm.size() - 1, i + 2); k++) {
          if (norm.get(k)
              .matches(".*(ingresos brutos|iibb|ii\\.bb|inicio de actividad|emisor).*")) {
            score += 2;
            break;
          }
        }
        String formatted = Cuit.parse(digits).orElseThrow().formatted();
        if (found.stream().noneMatch(f -> f.cuit().equals(formatted))) {
          found.add(new Found(formatted, i, score));
        }
      }
    }
    if (found.isEmpty()) {
      issues.add("No se encontró un CUIT válido del emisor.");
      return new String[] {null, null};
    }
    Found issuer = found.get(0);
    for (Found f : found) {
      if (f.score() > issuer.score()) {
        issuer = f;
      }
    }
    Found buyer = null;
    for (Found f : found) {
      if (f != issuer && (buyer == null || f.score() < buyer.score())) {
        buyer = f;
      }
    }
    if (issuer.score() < 0) {
      issues.add(
          "El único CUIT encontrado parece ser el del cliente; revisar el CUIT del proveedor.");
      return new String[] {null, issuer.cuit()};
    }
    return new String[] {issuer.cuit(), buyer == null ? null : buyer.cuit()};
  }

  private boolean isCuitLabelled(int i) {
    return norm.get(i).matches(".*(c\\.?u\\.?i\\.?t|cuit|curr|cu1t|cult).*");
  }

  private String cae() {
    for (int i = 0; i < norm.size(); i++) {
      Matcher m = CAE.matcher(norm.get(i));
      if (m.find()) {
        String fixed = fixedGroup(m.group(1), "CAE");
        if (fixed != null) {
          return fixed;
        }
      }
    }
    for (int i = norm.size() - 1; i >= 0; i--) {
      Matcher m = DIGITS14.matcher(norm.get(i));
      if (m.find() && !norm.get(i).contains("cuit")) {
        issues.add("CAE sin rótulo: se tomó " + m.group(1) + ".");
        return m.group(1);
      }
    }
    return null;
  }

  private String supplierName() {
    for (int i = 0; i < Math.min(8, raw.size()); i++) {
      String n = norm.get(i);
      Matcher m =
          Pattern.compile("raz[oó0]n\\s+social\\s*:?\\s*(.+)", Pattern.CASE_INSENSITIVE)
              .matcher(raw.get(i));
      if (m.find() && !n.contains("cliente") && !n.contains("senor")) {
        return m.group(1).replaceAll("\\s{2,}.*", "").trim();
      }
    }
    for (int i = 0; i < Math.min(6, raw.size()); i++) {
      String r = raw.get(i);
      String n = norm.get(i);
      if (r.replaceAll("[^\\p{L}]", "").length() >= 4
          && !n.matches(".*(original|duplicado|factura|cod|fecha|punto|comp).*")) {
        return r.replaceAll("\\s{2,}.*", "").trim();
      }
    }
    return null;
  }

  // ---------------------------------------------------------------- lines

  private int totalsStart() {
    int header = headerLine();
    for (int i = Math.max(0, header + 1); i < norm.size(); i++) {
      String n = norm.get(i);
      if (n.matches(
              "^\\W*(importe\\s+)?(neto|subtotal|sub\\s*total|total|importe neto|importe total|iva\\s*\\d).*")
          && !looksLikeItem(i)) {
        return i;
      }
    }
    return norm.size();
  }

  private boolean looksLikeItem(int i) {
    String[] toks = raw.get(i).split("\\s+");
    int nums = 0;
    for (String t : toks) {
      if (Numbers.digitsOnly(t) != null) {
        nums++;
      }
    }
    return nums >= 3;
  }

  private int headerLine() {
    for (int i = 0; i < norm.size(); i++) {
      String n = norm.get(i);
      boolean qty = n.contains("cant");
      boolean desc =
          n.contains("descrip")
              || n.contains("producto")
              || n.contains("detalle")
              || n.contains("articulo")
              || n.contains("concepto");
      boolean money =
          n.contains("precio")
              || n.contains("unit")
              || n.contains("importe")
              || n.contains("total");
      if (qty && desc && money) {
        return i;
      }
    }
    return -1;
  }

  private List<Col> columnOrder(int header) {
    List<Col> cols = new ArrayList<>();
    if (header < 0) {
      return cols;
    }
    String n = norm.get(header);
    Map<Integer, Col> at = new TreeMap<>();
    put(at, n, "(?<!\\w)(cod|codigo|art\\.?|articulo)(?!\\w*\\s*(descrip|producto))", Col.CODE);
    put(at, n, "descrip|producto|detalle|concepto", Col.DESC);
    put(at, n, "cant", Col.QTY);
    put(at, n, "precio|p\\.\\s*unit|unitario", Col.PRICE);
    put(at, n, "bonif|desc\\.?\\s*%|% ?desc", Col.BONIF);
    put(at, n, "alic|%\\s*iva|iva\\s*%", Col.RATE);
    Matcher sub = Pattern.compile("subtotal c/iva|total c/iva|c/\\s*iva").matcher(n);
    int totalIva = sub.find() ? sub.start() : -1;
    if (totalIva >= 0) {
      at.put(totalIva, Col.TOTAL_IVA);
    }
    Matcher t = Pattern.compile("subtotal|importe|total").matcher(n);
    while (t.find()) {
      if (t.start() != totalIva) {
        at.putIfAbsent(t.start(), Col.SUBTOTAL);
        break;
      }
    }
    cols.addAll(at.values());
    return cols;
  }

  private static void put(Map<Integer, Col> at, String n, String regex, Col col) {
    Matcher m = Pattern.compile(regex).matcher(n);
    if (m.find()) {
      at.put(m.start(), col);
    }
  }

  private record Tok(String text, int index) {}

  private record Pick(
      Numbers.Cand q, Numbers.Cand p, Numbers.Cand t, int iq, int ip, int it, int penalty) {}

  private List<ReadLine> lines(int totalsStart, List<int[]> consistent) {
    int header = headerLine();
    List<Col> cols = columnOrder(header);
    boolean qtyBeforePrice =
        cols.indexOf(Col.QTY) < 0
            || cols.indexOf(Col.PRICE) < 0
            || cols.indexOf(Col.QTY) < cols.indexOf(Col.PRICE);
    boolean qtyBeforeDesc =
        cols.indexOf(Col.QTY) >= 0
            && cols.indexOf(Col.DESC) >= 0
            && cols.indexOf(Col.QTY) < cols.indexOf(Col.DESC);
    boolean codeAfterDesc =
        cols.indexOf(Col.CODE) >= 0
            && cols.indexOf(Col.DESC) >= 0
            && cols.indexOf(Col.CODE) > cols.indexOf(Col.DESC);
    List<ReadLine> out = new ArrayList<>();
    int from = header >= 0 ? header + 1 : 0;
    for (int i = from; i < totalsStart; i++) {
      ReadLine line =
          item(
              i,
              out.size() + 1,
              qtyBeforePrice,
              qtyBeforeDesc,
              codeAfterDesc,
              header >= 0,
              consistent);
      if (line != null) {
        out.add(line);
      }
    }
    if (out.isEmpty()) {
      issues.add("No se encontraron renglones de productos.");
    }
    return out;
  }

  private ReadLine item(
      int i,
      int n,
      boolean qtyBeforePrice,
      boolean qtyBeforeDesc,
      boolean codeAfterDesc,
      boolean inTable,
      List<int[]> consistent) {
    String line = raw.get(i).replace("|", " ").replace("$ ", "$").trim();
    return item(
        i,
        n,
        line.split("\\s+"),
        true,
        qtyBeforePrice,
        qtyBeforeDesc,
        codeAfterDesc,
        inTable,
        consistent);
  }

  private ReadLine item(
      int i,
      int n,
      String[] parts,
      boolean mayDropJunk,
      boolean qtyBeforePrice,
      boolean qtyBeforeDesc,
      boolean codeAfterDesc,
      boolean inTable,
      List<int[]> consistent) {
    if (parts.length < 3) {
      return null;
    }
    boolean[] numeric = new boolean[parts.length];
    for (int k = 0; k < parts.length; k++) {
      numeric[k] = Numbers.digitsOnly(parts[k]) != null || parts[k].matches("\\$?[0-9.,]+%?");
    }
    // tail: trailing numbers and unit words; head: leading numbers
    int tailStart = parts.length;
    while (tailStart > 0
        && (numeric[tailStart - 1]
            || UNIT_WORDS.contains(parts[tailStart - 1].toLowerCase(Locale.ROOT))
            || parts[tailStart - 1].matches("\\d+([.,]\\d+)?%"))) {
      tailStart--;
    }
    int headEnd = 0;
    while (headEnd < tailStart
        && (numeric[headEnd] || UNIT_WORDS.contains(parts[headEnd].toLowerCase(Locale.ROOT)))) {
      headEnd++;
    }
    // a code printed first (letters+digits, or a long digit run such as an EAN) is not a quantity
    String code = null;
    int descFrom = headEnd;
    int descTo = tailStart;
    if ((!qtyBeforeDesc || headEnd == 0) && !codeAfterDesc && isCode(parts[0])) {
      code = parts[0];
      descFrom = Math.max(1, headEnd);
      if (headEnd == 1) {
        headEnd = 0;
      }
    } else if (qtyBeforeDesc && headEnd >= 1 && headEnd < tailStart && isCode(parts[headEnd])) {
      code = parts[headEnd];
      descFrom = headEnd + 1;
    } else if (codeAfterDesc
        && tailStart > 0
        && tailStart - 1 > headEnd
        && isCode(parts[tailStart - 1])) {
      code = parts[tailStart - 1];
      descTo = tailStart - 1;
    } else if (qtyBeforeDesc && headEnd >= 2 && isCode(parts[headEnd - 1])) {
      code = parts[headEnd - 1];
      headEnd--;
      descFrom = headEnd + 1;
    }
    List<Tok> nums = new ArrayList<>();
    for (int k = 0; k < parts.length; k++) {
      boolean inHead = k < headEnd && (code == null || !parts[k].equals(code) || k != descFrom - 1);
      if ((inHead || k >= tailStart) && numeric[k] && !parts[k].endsWith("%")) {
        nums.add(new Tok(parts[k], k));
      }
    }
    if (code != null) {
      final String codeTok = code;
      final int codeAt = descTo;
      nums.removeIf(t -> t.text().equals(codeTok) && (t.index() == 0 || t.index() == codeAt));
    }
    String desc = description(parts, descFrom, descTo, headEnd, descTo);
    if (nums.size() < 2 || desc.replaceAll("[^\\p{L}]", "").length() < 2) {
      // a row of the table with a price or total but not enough readable numbers is reported, not
      // dropped
      if (inTable
          && !nums.isEmpty()
          && desc.replaceAll("[^\\p{L}]", "").length() >= 2
          && nums.stream().anyMatch(t -> MONEY_SHAPE.matcher(Numbers.strip(t.text())).matches())) {
        issues.add("Renglón " + n + " ilegible: '" + raw.get(i) + "'.");
      }
      return null;
    }
    Pick best = bestTriple(nums, qtyBeforePrice);
    if (best == null && mayDropJunk) {
      // a quantity OCR could not read at all ("a", "»") sits where the number should be: without it
      // the
      // code and description come out right and recoverQuantity computes the quantity
      int junk = qtyBeforeDesc ? (headEnd == 0 ? 0 : -1) : tailStart - 1;
      if (junk >= 0 && isJunk(parts[junk])) {
        List<String> rest = new ArrayList<>(List.of(parts));
        rest.remove(junk);
        int issuesBefore = issues.size();
        int consistentBefore = consistent.size();
        ReadLine retried =
            item(
                i,
                n,
                rest.toArray(String[]::new),
                false,
                qtyBeforePrice,
                qtyBeforeDesc,
                codeAfterDesc,
                inTable,
                consistent);
        if (retried != null && consistent.size() > consistentBefore) {
          issues.add(
              issuesBefore,
              "Renglón " + n + ": '" + parts[junk] + "' en el lugar de la cantidad, descartado.");
          return retried;
        }
        issues.subList(issuesBefore, issues.size()).clear();
        consistent.subList(consistentBefore, consistent.size()).clear();
      }
    }
    if (best == null) {
      best = recoverQuantity(nums);
    }
    if (best == null) {
      best = nearestClosing(nums, qtyBeforePrice);
    }
    String fixedCode = code == null ? null : fixCode(code, n);
    if (best == null && nums.size() < 3) {
      issues.add("Renglón " + n + " ilegible: '" + raw.get(i) + "'.");
      return null;
    }
    if (best == null) {
      // positional fallback: the last three numbers are qty, price and total (in header order)
      Tok tq = nums.get(nums.size() - 3);
      Tok tp = nums.get(nums.size() - 2);
      Tok tt = nums.get(nums.size() - 1);
      List<Numbers.Cand> q = Numbers.qty(tq.text());
      List<Numbers.Cand> p = Numbers.money(tp.text());
      List<Numbers.Cand> t = Numbers.money(tt.text());
      issues.add(
          "Renglón "
              + n
              + ": cantidad × precio no coincide con el importe ('"
              + raw.get(i)
              + "'); revisar.");
      String description =
          fixDescription(
              description(parts, descFrom, descTo, headEnd, Math.min(tq.index(), descTo)), n);
      return new ReadLine(
          fixedCode,
          description,
          q.isEmpty() ? null : q.get(0).value(),
          p.isEmpty() ? null : p.get(0).value().setScale(2, RoundingMode.HALF_UP),
          null,
          t.isEmpty() ? null : t.get(0).value().setScale(2, RoundingMode.HALF_UP));
    }
    // numbers left of the first one used (e.g. "400g" read as "4009") belong to the description
    // (a quantity printed before the description does not end it)
    final int from = descFrom;
    int firstUsed =
        java.util.stream.IntStream.of(best.iq(), best.ip(), best.it())
            .filter(k -> k >= from)
            .min()
            .orElse(descTo);
    int end = Math.max(descTo, firstUsed);
    while (end > descFrom && UNIT_WORDS.contains(parts[end - 1].toLowerCase(Locale.ROOT))) {
      end--;
    }
    String description = fixDescription(description(parts, descFrom, descTo, headEnd, end), n);
    for (Numbers.Cand c : List.of(best.q(), best.p(), best.t())) {
      if (c.fix() != null) {
        issues.add("Renglón " + n + ": " + c.fix() + " (cantidad × precio = importe).");
      }
    }
    consistent.add(new int[] {n});
    BigDecimal rate = lineRate(nums, best);
    return new ReadLine(
        fixedCode,
        description,
        best.q().value().stripTrailingZeros().scale() < 0
            ? best.q().value().setScale(0)
            : best.q().value().stripTrailingZeros(),
        best.p().value().setScale(2, RoundingMode.HALF_UP),
        rate,
        best.t().value().setScale(2, RoundingMode.HALF_UP));
  }

  private static String description(String[] parts, int from, int descTo, int headEnd, int to) {
    StringBuilder desc = new StringBuilder();
    for (int k = from; k < Math.max(descTo, to); k++) {
      if (k == descTo && to > descTo && isCode(parts[k]) && parts[k].matches(".*[A-Za-z].*")) {
        continue; // the code column printed after the description
      }
      if (k < to || k < descTo) {
        desc.append(desc.isEmpty() ? "" : " ").append(parts[k]);
      }
    }
    return desc.toString().trim();
  }

  /**
   * Quantity unreadable or lost: the last two numbers are price and total and total ÷ price is a
   * clean quantity.
   */
  private Pick recoverQuantity(List<Tok> nums) {
    if (nums.size() < 2) {
      return null;
    }
    Tok tp = nums.get(nums.size() - 2);
    Tok tt = nums.get(nums.size() - 1);
    for (Numbers.Cand p : Numbers.money(tp.text())) {
      for (Numbers.Cand t : Numbers.money(tt.text())) {
        if (p.value().signum() <= 0 || t.value().compareTo(p.value()) < 0) {
          continue;
        }
        BigDecimal q = t.value().divide(p.value(), 3, RoundingMode.HALF_UP);
        if (q.multiply(p.value()).subtract(t.value()).abs().compareTo(new BigDecimal("0.02"))
            <= 0) {
          BigDecimal clean =
              q.stripTrailingZeros().scale() <= 0
                  ? q.setScale(0, RoundingMode.UNNECESSARY)
                  : q.stripTrailingZeros();
          Numbers.Cand qc =
              new Numbers.Cand(
                  clean,
                  3,
                  "cantidad ilegible, calculada como importe ÷ precio = "
                      + clean.toPlainString().replace('.', ','));
          return new Pick(qc, p, t, -1, tp.index(), tt.index(), 3 + p.penalty() + t.penalty());
        }
      }
    }
    return null;
  }

  /**
   * Two of the three numbers agree and the third is at most two digits off what they imply (3 read
   * as 9, a digit doubled): the price is total ÷ quantity when that is exact to the cent, or the
   * total is quantity × price. A wrong quantity almost never leaves an exact quotient that close to
   * the printed price; when both ways are as near, nothing is chosen and the row is flagged.
   */
  private static Pick nearestClosing(List<Tok> nums, boolean qtyBeforePrice) {
    List<Pick> candidates = new ArrayList<>();
    for (Tok tq : nums) {
      for (Tok tp : nums) {
        if (tp == tq || (tq.index() < tp.index()) != qtyBeforePrice) {
          continue;
        }
        for (Tok tt : nums) {
          if (tt == tq || tt == tp || tt.index() < tp.index()) {
            continue;
          }
          for (Numbers.Cand q : Numbers.qty(tq.text())) {
            if (q.value().signum() <= 0) {
              continue;
            }
            for (Numbers.Cand t : Numbers.money(tt.text())) {
              candidates.add(priceFrom(q, t, tq, tp, tt));
            }
            for (Numbers.Cand p : Numbers.money(tp.text())) {
              candidates.add(totalFrom(q, p, tq, tp, tt));
            }
          }
        }
      }
    }
    candidates.removeIf(java.util.Objects::isNull);
    int least = candidates.stream().mapToInt(Pick::penalty).min().orElse(Integer.MAX_VALUE);
    List<Pick> best = candidates.stream().filter(c -> c.penalty() == least).toList();
    // as near one way as the other (5.946 for 5.940, or 1.982 for 1.980?): not ours to choose
    boolean agree =
        best.stream()
            .allMatch(
                c ->
                    c.p().value().compareTo(best.get(0).p().value()) == 0
                        && c.t().value().compareTo(best.get(0).t().value()) == 0
                        && c.q().value().compareTo(best.get(0).q().value()) == 0);
    return best.isEmpty() || !agree ? null : best.get(0);
  }

  private static Pick priceFrom(Numbers.Cand q, Numbers.Cand t, Tok tq, Tok tp, Tok tt) {
    BigDecimal total = t.value().setScale(2, RoundingMode.HALF_UP);
    BigDecimal price = total.divide(q.value(), 2, RoundingMode.HALF_UP);
    int d = Numbers.digitDistance(price, tp.text());
    if (total.signum() <= 0
        || d > 2
        || price.multiply(q.value()).setScale(2, RoundingMode.HALF_UP).compareTo(total) != 0) {
      return null;
    }
    int penalty = 4 + d + q.penalty() + t.penalty();
    return new Pick(
        q,
        new Numbers.Cand(
            price,
            penalty,
            "precio '"
                + tp.text()
                + "' no cierra con cantidad e importe: se toma importe ÷ cantidad = "
                + Numbers.format(price)),
        t,
        tq.index(),
        tp.index(),
        tt.index(),
        penalty);
  }

  private static Pick totalFrom(Numbers.Cand q, Numbers.Cand p, Tok tq, Tok tp, Tok tt) {
    BigDecimal total = q.value().multiply(p.value()).setScale(2, RoundingMode.HALF_UP);
    int d = Numbers.digitDistance(total, tt.text());
    if (total.signum() <= 0 || d > 2) {
      return null;
    }
    int penalty = 4 + d + q.penalty() + p.penalty();
    return new Pick(
        q,
        p,
        new Numbers.Cand(
            total,
            penalty,
            "importe '"
                + tt.text()
                + "' no cierra con cantidad y precio: se toma cantidad × precio = "
                + Numbers.format(total)),
        tq.index(),
        tp.index(),
        tt.index(),
        penalty);
  }

  private static Pick bestTriple(List<Tok> nums, boolean qtyBeforePrice) {
    Pick best = null;
    for (int a = 0; a < nums.size(); a++) {
      for (int b = 0; b < nums.size(); b++) {
        if (b == a) {
          continue;
        }
        int iq = nums.get(a).index();
        int ip = nums.get(b).index();
        if ((iq < ip) != qtyBeforePrice) {
          continue;
        }
        for (int c = 0; c < nums.size(); c++) {
          if (c == a || c == b || nums.get(c).index() < ip) {
            continue;
          }
          for (Numbers.Cand q : Numbers.qty(nums.get(a).text())) {
            if (q.value().signum() <= 0) {
              continue;
            }
            for (Numbers.Cand p : Numbers.money(nums.get(b).text())) {
              for (Numbers.Cand t : Numbers.money(nums.get(c).text())) {
                BigDecimal product = q.value().multiply(p.value());
                BigDecimal diff = product.subtract(t.value()).abs();
                if (diff.compareTo(new BigDecimal("0.02")) > 0 || t.value().signum() <= 0) {
                  continue;
                }
                // prefer the nearest total column after the price (subtotal before subtotal c/IVA)
                int penalty = q.penalty() + p.penalty() + t.penalty();
                int distance = nums.get(c).index() - ip;
                // and, for equal readings, the quantity nearest the price ("Ayudin 11 11 unidades")
                if (best == null
                    || penalty < best.penalty()
                    || (penalty == best.penalty() && distance < best.it() - best.ip())
                    || (penalty == best.penalty()
                        && distance == best.it() - best.ip()
                        && Math.abs(ip - iq) < Math.abs(best.ip() - best.iq()))) {
                  best = new Pick(q, p, t, iq, ip, nums.get(c).index(), penalty);
                }
              }
            }
          }
        }
      }
    }
    return best;
  }

  /** IVA rate printed on an A/M line: a rate token after the total, or a "total c/IVA" column. */
  private BigDecimal lineRate(List<Tok> nums, Pick pick) {
    for (Tok t : nums) {
      if (t.index() <= pick.it()) {
        continue;
      }
      List<Numbers.Cand> m = Numbers.money(t.text());
      if (m.isEmpty()) {
        continue;
      }
      BigDecimal v = m.get(0).value().stripTrailingZeros();
      for (BigDecimal r : RATES) {
        if (v.compareTo(r) == 0 && r.signum() > 0) {
          return r.scale() < 0 ? r.setScale(0) : r;
        }
      }
      for (BigDecimal r : RATES) {
        BigDecimal withIva =
            pick.t()
                .value()
                .multiply(BigDecimal.ONE.add(r.movePointLeft(2)))
                .setScale(2, RoundingMode.HALF_UP);
        if (withIva.subtract(m.get(0).value()).abs().compareTo(new BigDecimal("0.02")) <= 0
            && r.signum() > 0) {
          return r;
        }
      }
    }
    return null;
  }

  /**
   * One or two characters, no digit, not a unit: a speck or a glyph OCR made of an unreadable
   * number.
   */
  private static boolean isJunk(String tok) {
    return tok.length() <= 2
        && !tok.matches(".*\\d.*")
        && !UNIT_WORDS.contains(tok.toLowerCase(Locale.ROOT));
  }

  private static boolean isCode(String tok) {
    String t = tok.replaceAll("[.,;:]$", "");
    if (t.matches("\\d{1,3}([.,]\\d+)?") || t.matches("\\d{1,3}(\\.\\d{3})*,\\d{2,3}")) {
      return false;
    }
    return t.length() >= 3
        && t.matches("[A-Za-z0-9!|][A-Za-z0-9!|_/.-]*")
        && t.matches(".*\\d.*")
        && !t.matches("\\d{1,3}(\\.\\d{3})+");
  }

  private String fixCode(String code, int n) {
    String c = code.replaceAll("[.,;:]$", "");
    String[] parts = c.split("-", -1);
    StringBuilder out = new StringBuilder();
    for (int k = 0; k < parts.length; k++) {
      String p = parts[k];
      long letters = p.chars().filter(Character::isLetter).count();
      long digits = p.chars().filter(Character::isDigit).count();
      String fixed;
      if (letters >= digits) {
        fixed = p.replace('!', 'I').replace('|', 'I').replace('0', 'O').toUpperCase(Locale.ROOT);
        if (p.matches(".*[0-9].*") && p.matches("[A-Za-z]+\\d+")) {
          fixed =
              p.replace('!', 'I')
                  .replace('|', 'I')
                  .toUpperCase(Locale.ROOT); // ABC123 is legitimate
        }
      } else {
        String d = Numbers.digitsOnly(p);
        fixed = d == null ? p : d;
      }
      out.append(k == 0 ? "" : "-").append(fixed);
    }
    String result = out.toString();
    if (!result.equals(c.toUpperCase(Locale.ROOT)) && !result.equals(c)) {
      issues.add("Renglón " + n + ": código '" + c + "' leído como '" + result + "'.");
    }
    return result;
  }

  private String fixDescription(String desc, int n) {
    StringBuilder out = new StringBuilder();
    Matcher m = Pattern.compile("(?<![\\d.,])(\\d{2,4})[9yq](?![\\d.,%])").matcher(desc);
    int last = 0;
    while (m.find()) {
      int size = Integer.parseInt(m.group(1));
      String after = desc.substring(m.end());
      if (PACK_SIZES.contains(size) && !after.matches("^\\s*(g|gr|grs|kg|ml|cc|l|lt)\\b.*")) {
        out.append(desc, last, m.start()).append(m.group(1)).append('g');
        issues.add(
            "Renglón "
                + n
                + ": '"
                + m.group()
                + "' leído como '"
                + m.group(1)
                + "g' en la descripción.");
        last = m.end();
      }
    }
    out.append(desc.substring(last));
    // specks at either end ("— Arroz Gallo Oro 1kg"): no description starts or ends with bare
    // punctuation
    String trimmed =
        out.toString()
            .replaceAll("\\s{2,}", " ")
            .trim()
            .replaceAll("^([^\\p{L}\\p{N}]+\\s+)+", "")
            .replaceAll("(\\s+[^\\p{L}\\p{N}]+)+$", "");
    return litres(trimmed, n);
  }

  /**
   * A size in litres ends a description; OCR often reads its L as a 1: "Ayudin 11" → "Ayudin 1L".
   */
  private String litres(String desc, int n) {
    Matcher m = LITRES_MISREAD.matcher(desc);
    if (!m.find() || !LITRE_SIZES.contains(m.group(2))) {
      return desc;
    }
    String fixed = desc.substring(0, m.start(2)) + m.group(2) + "L";
    issues.add(
        "Renglón "
            + n
            + ": '"
            + m.group(2)
            + "1' leído como '"
            + m.group(2)
            + "L' al final de la descripción.");
    return fixed;
  }

  // ---------------------------------------------------------------- totals

  /** [net, otherTaxes, total]; fills {@code iva} with rate → amount. */
  private BigDecimal[] totals(int from, Map<BigDecimal, BigDecimal> iva) {
    BigDecimal net = null;
    BigDecimal subtotal = null;
    BigDecimal other = null;
    BigDecimal percepciones = BigDecimal.ZERO.setScale(2);
    boolean anyPercepcion = false;
    BigDecimal total = null;
    for (int i = Math.min(from, norm.size()); i < norm.size(); i++) {
      String n = norm.get(i);
      if (n.contains("cae") || n.contains("cuit")) {
        continue;
      }
      BigDecimal amount = lastAmount(raw.get(i), i);
      if (amount == null) {
        continue;
      }
      Matcher rate = IVA_RATE.matcher(n);
      if (n.contains("neto gravado") || n.contains("importe neto")) {
        net = net == null ? amount : net;
      } else if (rate.find() && !n.contains("responsable") && !n.contains("inscripto")) {
        BigDecimal r = new BigDecimal(rate.group(1).replace(',', '.'));
        if (amount.signum() == 0) {
          continue;
        }
        iva.merge(
            r.stripTrailingZeros().scale() < 0 ? r.setScale(0) : r.stripTrailingZeros(),
            amount,
            BigDecimal::add);
      } else if (n.contains("otros tributos") || n.contains("otros impuestos")) {
        other = amount;
      } else if (n.contains("percep")
          || n.contains("perc.")
          || n.contains("impuestos internos")
          || n.contains("imp. int")) {
        percepciones = percepciones.add(amount);
        anyPercepcion = true;
      } else if (n.matches(".*\\bsub\\s*-?\\s*total\\b.*")) {
        subtotal = subtotal == null ? amount : subtotal;
      } else if (n.matches(".*\\btotal\\b.*") && !n.contains("c/iva")) {
        total = amount;
      }
    }
    if (other == null && anyPercepcion) {
      other = percepciones;
    }
    if (net == null && subtotal != null) {
      net = subtotal;
    }
    if (total == null) {
      issues.add("No se encontró el importe total.");
    }
    return new BigDecimal[] {net, other == null ? BigDecimal.ZERO.setScale(2) : other, total};
  }

  private BigDecimal lastAmount(String line, int i) {
    String[] toks = line.replace("$ ", "$").split("\\s+");
    for (int k = toks.length - 1; k >= 0; k--) {
      List<Numbers.Cand> c = Numbers.money(toks[k]);
      if (!c.isEmpty()) {
        if (c.get(0).fix() != null) {
          issues.add("Totales: " + c.get(0).fix() + " en '" + line + "'.");
        }
        return c.get(0).value().setScale(2, RoundingMode.HALF_UP);
      }
      if (!toks[k].isBlank() && !toks[k].equals("$") && !toks[k].equals(":")) {
        return null;
      }
    }
    return null;
  }

  // ---------------------------------------------------------------- helpers

  private String fixedGroup(String group, String what) {
    String fixed = Numbers.digitsOnly(group);
    if (fixed == null || !fixed.matches("\\d+")) {
      return null;
    }
    noteFix(group, fixed, what);
    return fixed;
  }

  private void noteFix(String original, String fixed, String what) {
    String o = original.replaceAll("\\s", "");
    if (!o.replaceAll("[^0-9A-Za-z|!]", "").equals(fixed.replaceAll("[^0-9]", ""))) {
      issues.add("En " + what + " '" + original + "' se leyó como '" + fixed + "'.");
    }
  }
}
