package almacen.ingest.catalog;

import java.text.Normalizer;
import java.util.Locale;

/** Normalises product names and invoice descriptions for exact matching. */
public final class Names {

  private Names() {}

  /**
   * Lower case, accents removed, runs of anything but letters and digits collapsed to one space.
   */
  public static String normalise(String text) {
    if (text == null) {
      return "";
    }
    String noAccents = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    return noAccents.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
  }
}
