package almacen.ingest.ocr;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of an item row: what is a product code, a unit, a speck; and the fixes OCR's usual
 * misreadings of codes and descriptions need ("AL!-2001" → "ALI-2001", "5009" → "500g", "Ayudin 11"
 * → "Ayudin 1L"), each recorded as an issue.
 */
final class ItemText {

  /** Words printed between the numbers of a row that are not part of the description. */
  static final Set<String> UNIT_WORDS =
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

  /** An amount with two decimals: the shape of a price or a total, not of a quantity. */
  static final Pattern MONEY_SHAPE = Pattern.compile(".*[.,][0-9OoIlS]{2}");

  /**
   * Pack sizes in grams printed in descriptions that are not round ({@link #packSize}); a trailing
   * 9/y/q/8 after a pack size is a misread "g" ("Yerba 5009" → "Yerba 500g"). Other numbers are
   * left alone: "Harina 0009" is not a size.
   */
  static final Set<Integer> PACK_SIZES =
      Set.of(
          50, 100, 110, 118, 120, 125, 150, 170, 180, 200, 225, 250, 300, 330, 340, 350, 354, 380,
          400, 410, 450, 473, 500, 600, 750, 800, 900, 1000);

  /** Bottle sizes in litres; "2,25" followed by a 1 at the end of a description is "2,25L". */
  static final Set<String> LITRE_SIZES = Set.of("0,5", "1", "1,5", "2", "2,25", "2,5", "3", "5");

  /** A unit word read with a speck glued to it has at least this many letters ("«unidades"). */
  static final int MIN_SPECKLED_UNIT = 2;

  /** A code is at least this long: shorter tokens with a digit are quantities or specks. */
  static final int CODE_MIN_LENGTH = 3;

  /** A garbled quantity ({@link #isSpeck}) is at most this long. */
  static final int GARBLED_MAX_LENGTH = 3;

  /** A speck is at most this long: one glyph, or two when OCR split one. */
  static final int JUNK_MAX_LENGTH = 2;

  static final Pattern LITRES_MISREAD =
      Pattern.compile("(\\p{L}{2,}\\s+)(\\d{1,2}(?:,\\d{1,2})?)1\\.?$");
  static final Pattern GRAMS_MISREAD = Pattern.compile("(?<![\\d.,])(\\d{2,4})[9yq8](?![\\d.,%])");

  /**
   * Pack sizes are round: a multiple of this many grams, from {@link #MIN_ROUND_GRAMS} to {@link
   * #MAX_ROUND_GRAMS}.
   */
  static final int ROUND_GRAMS = 5;

  /** Below this a round number ("15" of "158") is too short to be taken for a size. */
  static final int MIN_ROUND_GRAMS = 100;

  static final int MAX_ROUND_GRAMS = 1000;

  /** A "1" doubled into "1l" before its unit: "Harina 1lkg" is "Harina 1kg". */
  static final Pattern ONE_DOUBLED =
      Pattern.compile("(?<![\\p{L}\\d.,])1[lI|](kg|g|gr|ml|l|L|lt|cc)(?![\\p{L}\\d])");

  /** The l of "ml" read as "!", "1", "|" or "I": "500m!" is "500ml". */
  static final Pattern MILLILITRES_MISREAD =
      Pattern.compile("(?<![\\p{L}\\d.,])(\\d{1,4}(?:,\\d{1,2})?)m[!1|I](?![\\p{L}\\d])");

  /**
   * Two words OCR glued together: a lower-case letter after two others, then a capital starting a
   * lower-case word ("VinoToro" is "Vino Toro"; "McCain" is left alone).
   */
  private static final Pattern GLUED_WORDS =
      Pattern.compile("(\\p{L}*\\p{Ll}{2})(\\p{Lu}\\p{Ll}+)");

  /** A speck with a digit where a description starts ("=2 Dulce de Leche"): marks, then digits. */
  private static final Pattern SPECK_WITH_DIGIT_FIRST =
      Pattern.compile("^[^\\p{L}\\p{N}\\s(\"'¿¡]+\\d{1,2}(?=\\s+\\p{L})");

  /** A "g" read twice, once as y or q ("200yg"): one g. */
  private static final Pattern G_TWICE =
      Pattern.compile("(?<![\\p{L}\\d.,])(\\d{2,4})[yq]g(?![\\p{L}\\d])");

  /** A size with a stroke glued after its unit ("500ml1", "1kgl"): the stroke is a speck. */
  private static final Pattern STROKE_AFTER_UNIT =
      Pattern.compile("(?<![\\p{L}\\d.,])(\\d+(?:,\\d+)?(?:ml|cc|kg|g|L))[1lI|!](?![\\p{L}\\d])");

  /**
   * A supplier's code where a description starts ("LIM-7002 Detergente…"): letters and digits
   * joined by a hyphen; its column was lost, so the row is cut wrong.
   */
  private static final Pattern CODE_FIRST = Pattern.compile("^\\p{L}{2,4}-?\\d{2,6}\\s");

  /** A comma or semicolon glued to the end of a description: no description ends in one. */
  private static final Pattern TRAILING_COMMA = Pattern.compile("(?<=[\\p{L}\\d])[,;]+$");

  static final Pattern UNIT_AFTER = Pattern.compile("^\\s*(g|gr|grs|kg|ml|cc|l|lt)\\b.*");

  /** A "1" read as "l" before a unit: "Harina lkg" is "Harina 1kg". */
  static final Pattern ONE_AS_L = Pattern.compile("(?<![\\p{L}\\d])[lI](kg|g|gr|l|L|lt|ml|cc)\\b");

  /**
   * Units a size printed in a description ends in ("500g", "2,25L", "4 x 30m", "6x"): a size whose
   * letters are none of these ("1lkg") is a misread, whatever the numbers say.
   */
  static final Set<String> SIZE_UNITS =
      Set.of(
          "g", "gr", "grs", "kg", "kgs", "mg", "l", "lt", "lts", "ml", "cc", "cm3", "m", "mt",
          "mts", "cm", "mm", "u", "un", "x", "w", "v", "oz");

  /**
   * A size in a unit symbol followed by a period: symbols take none ("1,5L." is "1,5L" with a speck
   * after it; "500 grs." is an abbreviation and keeps its period).
   */
  static final Pattern SYMBOL_WITH_PERIOD =
      Pattern.compile("(?<![\\p{L}\\d.,])(\\d+(?:,\\d+)?(?i:kg|mg|ml|cl|g|l))\\.$");

  /**
   * A description that ends in a bare number after a word ("Pure de Tomate Arcor 520"): a size
   * whose unit OCR lost ("520g"). A flour's type ("Harina 000") starts with a zero and is no size.
   */
  private static final Pattern BARE_SIZE_AT_END = Pattern.compile("\\p{L}{2,}\\s+([1-9]\\d{1,3})$");

  /** A size: a number glued to letters, alone as a word. */
  static final Pattern SIZE =
      Pattern.compile("(?<![\\p{L}\\d.,])\\d+(?:[.,]\\d+)?(\\p{L}+)(?![\\p{L}\\d])");

  /**
   * A number of grams a pack can have: one of {@link #PACK_SIZES}, or a round number of three or
   * four digits (a multiple of {@link #ROUND_GRAMS} up to {@link #MAX_ROUND_GRAMS}: "520", "175").
   * "Vino 2019" or "Harina 0009" are no sizes.
   */
  static boolean packSize(int grams) {
    return PACK_SIZES.contains(grams)
        || (grams >= MIN_ROUND_GRAMS && grams <= MAX_ROUND_GRAMS && grams % ROUND_GRAMS == 0);
  }

  private static final String IN_DESCRIPTION = "'%s' leído como '%s' en la descripción";

  private final ParseIssues issues;

  ItemText(ParseIssues issues) {
    this.issues = issues;
  }

  /**
   * A unit word ({@link #UNIT_WORDS}), also with a speck glued to it ("«unidades"): the unit is
   * read for where the row's columns are, never reported, so the speck goes with it.
   */
  static boolean isUnit(String tok) {
    String t = tok.toLowerCase(Locale.ROOT);
    if (UNIT_WORDS.contains(t)) {
      return true;
    }
    String bare = t.replaceAll("^[^\\p{L}\\p{N}]+", "").replaceAll("[^\\p{L}\\p{N}.]+$", "");
    return bare.length() >= MIN_SPECKLED_UNIT && !bare.equals(t) && UNIT_WORDS.contains(bare);
  }

  /**
   * One or two characters, no digit, not a unit: a speck or a glyph OCR made of an unreadable
   * number.
   */
  static boolean isJunk(String tok) {
    return tok.length() <= JUNK_MAX_LENGTH && !tok.matches(".*\\d.*") && !isUnit(tok);
  }

  /**
   * A speck ({@link #isJunk}), or up to {@link #GARBLED_MAX_LENGTH} glyphs mixing a mark with
   * letters or digits that read as no number, no unit and no word ("d:1"): what OCR makes of a
   * quantity it cannot read.
   */
  static boolean isSpeck(String tok) {
    return isJunk(tok)
        || (tok.length() <= GARBLED_MAX_LENGTH
            && tok.matches(".*[^\\p{L}\\p{N}.,].*")
            && tok.matches(".*[\\p{L}\\p{N}].*")
            && Numbers.digitsOnly(tok) == null
            && !isUnit(tok));
  }

  /**
   * A supplier's product code: letters and digits ("HAR-8001", "7790070410122"), never something
   * that reads as a quantity or an es-AR amount.
   */
  static boolean isCode(String tok) {
    String t = tok.replaceAll("[.,;:]$", "");
    if (t.matches("\\d{1,3}([.,]\\d+)?") || t.matches("\\d{1,3}(\\.\\d{3})*,\\d{2,3}")) {
      return false;
    }
    return t.length() >= CODE_MIN_LENGTH
        && t.matches("[A-Za-z0-9!|][A-Za-z0-9!|_/.-]*")
        && t.matches(".*\\d.*")
        && !t.matches("\\d{1,3}(\\.\\d{3})+");
  }

  /** The description: tokens {@code from} up to {@code max(descTo, to)}, less a trailing code. */
  static String description(String[] parts, int from, int descTo, int to) {
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

  /** The doubt about a description with marks no description carries, as ReaderDoubts knows it. */
  static String strayMarks(String description) {
    return "la descripción '" + description + "' tiene signos dudosos";
  }

  /**
   * Flags a description OCR left marks in ({@link RowExtras#hasStrayMarks}) or with a size in no
   * unit ({@link #sizeWithoutUnit}): the numbers may close while a word is wrong.
   */
  static void checkDescription(String description, int row, ParseIssues issues) {
    if (RowExtras.hasStrayMarks(description)) {
      issues.add("Renglón " + row + ": " + strayMarks(description) + "; revisar.");
    }
    if (CODE_FIRST.matcher(description).find()) {
      issues.add(
          "Renglón "
              + row
              + ": la descripción '"
              + description
              + "' empieza con un código; revisar.");
    }
    String size = sizeWithoutUnit(description);
    if (size == null) {
      Matcher bare = BARE_SIZE_AT_END.matcher(description);
      size = bare.find() ? bare.group(1) : null;
    }
    if (size != null) {
      issues.add(
          "Renglón "
              + row
              + ": la medida '"
              + size
              + "' de la descripción no termina en una unidad conocida; revisar.");
    }
  }

  /**
   * The first size in {@code desc} whose letters are no unit of measure, or null. (A description
   * ending in a bare number is flagged too, by {@link #checkDescription}.)
   */
  static String sizeWithoutUnit(String desc) {
    Matcher m = SIZE.matcher(desc);
    while (m.find()) {
      if (!SIZE_UNITS.contains(m.group(1).toLowerCase(Locale.ROOT))) {
        return m.group();
      }
    }
    return null;
  }

  /**
   * Undoes OCR's confusions in a code, part by part: a part that is mostly letters gets letters (!
   * and | are I, 0 is O, except in a legitimate "ABC123"), one that is mostly digits gets digits.
   */
  String fixCode(String code, int row) {
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
          fixed = p.replace('!', 'I').replace('|', 'I').toUpperCase(Locale.ROOT);
        }
      } else {
        String d = Numbers.digitsOnly(p);
        fixed = d == null ? p : d;
      }
      out.append(k == 0 ? "" : "-").append(fixed);
    }
    String result = out.toString();
    if (!result.equals(c.toUpperCase(Locale.ROOT)) && !result.equals(c)) {
      issues.add("Renglón " + row + ": código '" + c + "' leído como '" + result + "'.");
    }
    return result;
  }

  /** Pack sizes, specks at either end and litres ({@link #PACK_SIZES}, {@link #LITRE_SIZES}). */
  String fixDescription(String desc, int row) {
    desc =
        fixed(desc, TRAILING_COMMA, "", row, "'%s' al final de la descripción, descartado", true);
    desc =
        fixed(
                desc,
                SPECK_WITH_DIGIT_FIRST,
                "",
                row,
                "'%s' al principio de la descripción, descartado",
                false)
            .strip();
    desc = fixed(desc, GLUED_WORDS, "$1 $2", row, "'%s' leído como '%s' (palabras pegadas)", false);
    // "1lkg" may be "11kg" as well as "1kg": a person decides
    desc = fixed(desc, ONE_DOUBLED, "1$1", row, IN_DESCRIPTION, false);
    desc = fixed(desc, STROKE_AFTER_UNIT, "$1", row, IN_DESCRIPTION, false);
    desc = fixed(desc, G_TWICE, "$1g", row, IN_DESCRIPTION, true);
    desc = fixed(desc, MILLILITRES_MISREAD, "$1ml", row, IN_DESCRIPTION, true);
    Matcher one = ONE_AS_L.matcher(desc);
    if (one.find()) {
      issues.correction(
          "Renglón "
              + row
              + ": '"
              + one.group()
              + "' leído como '1"
              + one.group(1)
              + "' en la descripción.");
      desc = one.replaceAll("1$1");
    }
    StringBuilder out = new StringBuilder();
    Matcher m = GRAMS_MISREAD.matcher(desc);
    int last = 0;
    while (m.find()) {
      int size = Integer.parseInt(m.group(1));
      String after = desc.substring(m.end());
      if (packSize(size) && !UNIT_AFTER.matcher(after).matches()) {
        out.append(desc, last, m.start()).append(m.group(1)).append('g');
        String fix =
            "Renglón "
                + row
                + ": '"
                + m.group()
                + "' leído como '"
                + m.group(1)
                + "g' en la descripción.";
        if (maybeAYear(m.group())) {
          issues.add(fix);
        } else {
          issues.correction(fix);
        }
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
    return litres(withoutPeriodAfterSymbol(trimmed, row), row);
  }

  /**
   * "2009" read for "200g" could be a wine's vintage: a year of the last two centuries is never
   * fixed without a person.
   */
  private static boolean maybeAYear(String read) {
    return read.matches("(19|20)\\d\\d");
  }

  /**
   * {@code desc} with the first match of {@code misread} replaced by {@code by}, said so ("'500m!'
   * leído como '500ml' en la descripción"): as a correction when {@code oneReading} (nothing else
   * the text can be), else as an issue; as it is when nothing matches.
   */
  private String fixed(
      String desc, Pattern misread, String by, int row, String message, boolean oneReading) {
    Matcher m = misread.matcher(desc);
    if (!m.find()) {
      return desc;
    }
    String word = m.group();
    String now = m.replaceFirst(by);
    String fix = misread.matcher(word).replaceFirst(by);
    String said = "Renglón " + row + ": " + String.format(Locale.ROOT, message, word, fix) + ".";
    if (oneReading) {
      issues.correction(said);
    } else {
      issues.add(said);
    }
    return now;
  }

  /** "Agua 1,5L." → "Agua 1,5L" ({@link #SYMBOL_WITH_PERIOD}), said so. */
  private String withoutPeriodAfterSymbol(String desc, int row) {
    Matcher m = SYMBOL_WITH_PERIOD.matcher(desc);
    if (!m.find()) {
      return desc;
    }
    issues.correction(
        "Renglón "
            + row
            + ": '"
            + m.group()
            + "' leído como '"
            + m.group(1)
            + "' (un punto después de la unidad) en la descripción.");
    return desc.substring(0, m.start()) + m.group(1);
  }

  /**
   * A size in litres ends a description; OCR often reads its L as a 1: "Ayudin 11" → "Ayudin 1L".
   */
  private String litres(String desc, int row) {
    Matcher m = LITRES_MISREAD.matcher(desc);
    if (!m.find() || !LITRE_SIZES.contains(m.group(2))) {
      return desc;
    }
    String fixed = desc.substring(0, m.start(2)) + m.group(2) + "L";
    issues.add(
        "Renglón "
            + row
            + ": '"
            + desc.substring(m.start(2))
            + "' leído como '"
            + m.group(2)
            + "L' al final de la descripción.");
    return fixed;
  }
}
