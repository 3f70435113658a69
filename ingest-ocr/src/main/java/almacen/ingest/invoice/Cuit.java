package almacen.ingest.invoice;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An Argentine CUIT: 11 digits, the last a mod-11 check digit over weights 5,4,3,2,7,6,5,4,3,2 (dv
 * = 11 − sum mod 11; 11 → 0; 10 → no valid CUIT has that prefix).
 */
public record Cuit(String digits) {

  private static final int[] WEIGHTS = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
  private static final Pattern FORMATTED = Pattern.compile("^\\d{2}-\\d{8}-\\d$");
  private static final Pattern PLAIN = Pattern.compile("^\\d{11}$");

  public Cuit {
    if (digits == null || !PLAIN.matcher(digits).matches() || !checkDigitMatches(digits)) {
      throw new IllegalArgumentException("Not a valid CUIT: " + digits);
    }
  }

  /**
   * Accepts {@code 30-71234567-1} or {@code 30712345671}; empty when the format or check digit is
   * wrong.
   */
  public static Optional<Cuit> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String trimmed = text.strip();
    String digits;
    if (FORMATTED.matcher(trimmed).matches()) {
      digits = trimmed.replace("-", "");
    } else if (PLAIN.matcher(trimmed).matches()) {
      digits = trimmed;
    } else {
      return Optional.empty();
    }
    return checkDigitMatches(digits) ? Optional.of(new Cuit(digits)) : Optional.empty();
  }

  public static boolean isValid(String text) {
    return parse(text).isPresent();
  }

  /** The check digit for the first 10 digits, or -1 when mod-11 gives 10 (no valid CUIT). */
  public static int checkDigit(String firstTen) {
    if (firstTen == null
        || firstTen.length() != 10
        || !firstTen.chars().allMatch(Character::isDigit)) {
      throw new IllegalArgumentException("Need the first 10 digits of a CUIT: " + firstTen);
    }
    int sum = 0;
    for (int i = 0; i < 10; i++) {
      sum += (firstTen.charAt(i) - '0') * WEIGHTS[i];
    }
    int dv = 11 - (sum % 11);
    if (dv == 11) {
      return 0;
    }
    return dv == 10 ? -1 : dv;
  }

  private static boolean checkDigitMatches(String digits) {
    int dv = checkDigit(digits.substring(0, 10));
    return dv >= 0 && dv == digits.charAt(10) - '0';
  }

  /** {@code 30-71234567-1}. */
  public String formatted() {
    return digits.substring(0, 2) + "-" + digits.substring(2, 10) + "-" + digits.substring(10);
  }

  @Override
  public String toString() {
    return formatted();
  }
}
