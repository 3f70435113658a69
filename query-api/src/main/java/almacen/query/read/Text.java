package almacen.query.read;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Accent- and case-insensitive text matching: "azucar" finds "Azúcar". */
public final class Text {

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  private Text() {}

  public static String fold(String s) {
    if (s == null) {
      return "";
    }
    return MARKS
        .matcher(Normalizer.normalize(s, Normalizer.Form.NFD))
        .replaceAll("")
        .toLowerCase(Locale.ROOT)
        .trim();
  }
}
