package almacen.ingest.validation;

/**
 * EAN-8 / EAN-13 (GTIN) check digit: weights 3 and 1 alternating from the right, excluding the
 * check digit.
 */
public final class Ean {

  private Ean() {}

  public static boolean isValid(String code) {
    if (code == null || (code.length() != 8 && code.length() != 13)) {
      return false;
    }
    for (int i = 0; i < code.length(); i++) {
      if (code.charAt(i) < '0' || code.charAt(i) > '9') {
        return false;
      }
    }
    int last = code.length() - 1;
    return checkDigit(code.substring(0, last)) == code.charAt(last) - '0';
  }

  /** The check digit of the payload (all digits but the last). */
  public static int checkDigit(String payload) {
    int sum = 0;
    for (int i = 0; i < payload.length(); i++) {
      int digit = payload.charAt(payload.length() - 1 - i) - '0';
      sum += (i % 2 == 0) ? digit * 3 : digit;
    }
    return (10 - sum % 10) % 10;
  }
}
