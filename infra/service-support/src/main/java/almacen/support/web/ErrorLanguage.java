package almacen.support.web;

import jakarta.servlet.http.HttpServletRequest;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Error messages for people: a client whose preferred language is Spanish ({@code Accept-Language:
 * es…}, which the dashboard sends) gets every error {@code message} in Spanish and {@code
 * Content-Language: es-AR}; anyone else gets the English message as thrown. The Spanish text comes
 * from {@code errors_es.properties}, looked up by code and field ({@code INVALID_QTY.maxStock}),
 * then by code, then by status — so every error has a Spanish message, including a code added
 * later, without touching the place that throws it.
 */
public final class ErrorLanguage {

  public static final String ENGLISH = "en";
  public static final String SPANISH = "es-AR";

  private static final ResourceBundle SPANISH_TEXT =
      ResourceBundle.getBundle("almacen.support.web.errors", Locale.forLanguageTag("es"));
  private static final Pattern INDEX = Pattern.compile("(\\w+)\\[(\\d+)]");
  private static final Pattern CSV_LINE = Pattern.compile("line (\\d+)");

  private ErrorLanguage() {}

  /** True when the client's most preferred language is Spanish (any region). */
  public static boolean wantsSpanish(HttpServletRequest request) {
    return request != null
        && request.getHeader("Accept-Language") != null
        && "es".equals(request.getLocale().getLanguage());
  }

  /** The {@code Content-Language} of an error answer to {@code request}. */
  public static String of(HttpServletRequest request) {
    return wantsSpanish(request) ? SPANISH : ENGLISH;
  }

  /** {@code error} in the client's language ({@code status} picks the fallback text). */
  public static ApiError localize(ApiError error, int status, HttpServletRequest request) {
    if (!wantsSpanish(request)) {
      return error;
    }
    return new ApiError(
        error.error(), spanish(error.error(), error.field(), status), error.field());
  }

  /** The Spanish message of an error with {@code code} about {@code field} (may be null). */
  static String spanish(String code, String field, int status) {
    String leaf = leaf(field);
    // a template that names the field ({0}) is only for an error that has one
    Predicate<String> fits =
        template -> field != null || !(template.contains("{0}") || template.contains("{1}"));
    String template =
        text(code + "." + leaf)
            .filter(fits)
            .or(() -> text(code).filter(fits))
            .or(() -> text("status." + status))
            .orElseGet(() -> text("status." + (status / 100) + "xx").orElseThrow());
    String place = place(field);
    String named = field == null ? "" : name(field, leaf) + place;
    return MessageFormat.format(template.replace("'", "''"), named, place);
  }

  /** {@code lines[2].qty} → {@code qty}; {@code line 7} (a CSV row) → {@code line}. */
  private static String leaf(String field) {
    if (field == null) {
      return "none";
    }
    if (CSV_LINE.matcher(field).matches()) {
      return "line";
    }
    String last = field.substring(field.lastIndexOf('.') + 1);
    return last.replaceAll("\\[\\d+]$", "");
  }

  /** The field's Spanish name in «», or the CSV row it is about. */
  private static String name(String field, String leaf) {
    Matcher csv = CSV_LINE.matcher(field);
    if (csv.matches()) {
      return "la línea " + csv.group(1) + " del archivo";
    }
    return "«" + text("field." + leaf).orElse(leaf) + "»";
  }

  /**
   * Where the field is, as a person counts (1-based): {@code sales[1].lines[2].qty} → {@code " de
   * la línea 3 de la venta 2"}; empty for a top-level field.
   */
  private static String place(String field) {
    if (field == null) {
      return "";
    }
    StringBuilder places = new StringBuilder();
    Matcher index = INDEX.matcher(field);
    while (index.find()) {
      String container = text("place." + index.group(1)).orElse(index.group(1));
      int position = Integer.parseInt(index.group(2)) + 1;
      places.insert(0, " de " + container + " " + position);
    }
    return places.toString();
  }

  private static Optional<String> text(String key) {
    try {
      return Optional.of(SPANISH_TEXT.getString(key));
    } catch (MissingResourceException e) {
      return Optional.empty();
    }
  }
}
