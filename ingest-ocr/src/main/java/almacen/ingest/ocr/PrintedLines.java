package almacen.ingest.ocr;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The non-blank lines of an invoice's text, each kept twice: as printed (stripped) for values, and
 * normalized (no accents, lower case) for matching labels such as "emisión" or "Razón Social".
 */
final class PrintedLines {

  /**
   * An amount OCR cut after its decimal comma ("27956, 50"): the same digits as printed, so it is
   * joined back without an issue.
   */
  private static final Pattern SPLIT_DECIMALS =
      Pattern.compile("(?<=\\d)(,)\\s(\\d{2})(?![\\d.,])");

  private final List<String> raw = new ArrayList<>();
  private final List<String> norm = new ArrayList<>();

  PrintedLines(String text) {
    for (String line : text.replace('\t', ' ').split("\\R", -1)) {
      if (!line.isBlank()) {
        String printed = SPLIT_DECIMALS.matcher(line.strip()).replaceAll("$1$2");
        raw.add(printed);
        norm.add(normalize(printed));
      }
    }
  }

  int size() {
    return raw.size();
  }

  /** Line {@code i} as printed, stripped. */
  String raw(int i) {
    return raw.get(i);
  }

  /** Line {@code i} without accents, in lower case. */
  String norm(int i) {
    return norm.get(i);
  }

  static String normalize(String s) {
    String n = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    return n.toLowerCase(Locale.ROOT);
  }
}
