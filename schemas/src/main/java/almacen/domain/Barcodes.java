package almacen.domain;

import java.util.regex.Pattern;

/**
 * Retail barcodes (GS1): EAN-13, EAN-8 and UPC-A with their check digit, and the in-store scale
 * labels of an Argentine almacén (EAN-13 with prefix 20–29: digits 3–7 the PLU, digits 8–12 the
 * weight in grams or the price in pesos, digit 13 the check digit). Shared by the catalogue write
 * (ingest) and the till look-up (query-api), so both agree on what a valid code is.
 */
public final class Barcodes {

  /** A PLU: the 5 digits a scale prints into its labels. */
  public static final Pattern PLU = Pattern.compile("^\\d{5}$");

  private static final Pattern DIGITS = Pattern.compile("^\\d+$");

  /** What a scanned or typed code is. */
  public sealed interface Scan permits Gtin, ScaleLabel, Sku {}

  /**
   * A product code; {@code key} is the code left-padded to 13 digits (EAN-8 and UPC-A included).
   */
  public record Gtin(String code, String key) implements Scan {}

  /** An in-store label: {@code value} is grams or whole pesos, depending on the product's scale. */
  public record ScaleLabel(String code, String plu, int value) implements Scan {}

  /** Anything else shaped like a sku (typed at the till). */
  public record Sku(String sku) implements Scan {}

  /** Why a code is refused: {@code BAD_CHECK_DIGIT} or {@code INVALID_CODE}. */
  public static final class InvalidCodeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String code;

    InvalidCodeException(String code, String message) {
      super(message);
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  private Barcodes() {}

  /** 8, 12 or 13 digits: the shape of an EAN-8, UPC-A or EAN-13. */
  public static boolean isGtinShape(String code) {
    return code != null
        && (code.length() == 8 || code.length() == 12 || code.length() == 13)
        && DIGITS.matcher(code).matches();
  }

  /** True when a GTIN-shaped code's last digit is its check digit. */
  public static boolean checkDigitMatches(String code) {
    int last = code.length() - 1;
    return checkDigit(code.substring(0, last)) == code.charAt(last) - '0';
  }

  /** The GS1 check digit of a payload: weights 3 and 1 alternating from the right. */
  public static int checkDigit(String payload) {
    int sum = 0;
    for (int i = 0; i < payload.length(); i++) {
      int digit = payload.charAt(payload.length() - 1 - i) - '0';
      sum += (i % 2 == 0) ? digit * 3 : digit;
    }
    return (10 - sum % 10) % 10;
  }

  /** The look-up key of a product code: the code left-padded with zeros to 13 digits. */
  public static String key(String gtin) {
    return "0".repeat(13 - gtin.length()) + gtin;
  }

  /** True for an EAN-13 in the 20–29 range a shop's scale prints. */
  public static boolean isInStore(String code) {
    return code.length() == 13 && code.charAt(0) == '2';
  }

  /**
   * Reads a scan: a GTIN-shaped code must carry its check digit; a 20–29 EAN-13 is also readable as
   * a scale label (the caller tries an exact product code first); a sku is upper-cased.
   *
   * @throws InvalidCodeException {@code BAD_CHECK_DIGIT} or {@code INVALID_CODE}
   */
  public static Scan parse(String raw) {
    String code = raw == null ? "" : raw.strip();
    if (isGtinShape(code)) {
      if (!checkDigitMatches(code)) {
        throw new InvalidCodeException(
            "BAD_CHECK_DIGIT", "the check digit of code " + code + " is wrong");
      }
      return isInStore(code)
          ? new ScaleLabel(code, code.substring(2, 7), Integer.parseInt(code.substring(7, 12), 10))
          : new Gtin(code, key(code));
    }
    String sku = code.toUpperCase(java.util.Locale.ROOT);
    if (Identifiers.isSku(sku)) {
      return new Sku(sku);
    }
    throw new InvalidCodeException(
        "INVALID_CODE", "a code is an EAN-13, EAN-8, UPC-A, scale label or sku");
  }
}
