package almacen.ingest.ocr;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The non-blank lines of an invoice's text, each kept twice: as printed (stripped) for values, and
 * normalized (no accents, lower case) for matching labels such as "emisión" or "Razón Social".
 */
final class PrintedLines {

  private final List<String> raw = new ArrayList<>();
  private final List<String> norm = new ArrayList<>();

  PrintedLines(String text) {
    for (String line : text.replace('\t', ' ').split("\\R", -1)) {
      if (!line.isBlank()) {
        raw.add(line.strip());
        norm.add(normalize(line.strip()));
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
