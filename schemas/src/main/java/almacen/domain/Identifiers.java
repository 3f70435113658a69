package almacen.domain;

import java.util.regex.Pattern;

/**
 * The shapes of a sku and a branch (CONTRACT.md "Conventions"), for every edge that accepts one:
 * the write API refuses anything else and the read API answers 400 for it.
 */
public final class Identifiers {

  /**
   * 1 to 50 upper-case letters, digits, '-' or '_', starting with a letter or digit (ALM000001).
   */
  public static final Pattern SKU = Pattern.compile("^[A-Z0-9][A-Z0-9_-]{0,49}$");

  /** 1 to 32 lower-case letters, digits or '-', starting with a letter or digit (central). */
  public static final Pattern BRANCH = Pattern.compile("^[a-z0-9][a-z0-9-]{0,31}$");

  /** The branch meant when none is given. */
  public static final String DEFAULT_BRANCH = "central";

  private Identifiers() {}

  // by hand rather than with the patterns above: a batch import checks one per row, and the regex
  // engine was a sixth of ingest's CPU per row. IdentifiersTest holds both to the same answers.
  public static boolean isSku(String value) {
    if (value == null || value.isEmpty() || value.length() > 50) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean allowed =
          (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (i > 0 && (c == '_' || c == '-'));
      if (!allowed) {
        return false;
      }
    }
    return true;
  }

  public static boolean isBranch(String value) {
    if (value == null || value.isEmpty() || value.length() > 32) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (i > 0 && c == '-');
      if (!allowed) {
        return false;
      }
    }
    return true;
  }
}
