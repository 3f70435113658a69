package almacen.support.security;

import java.util.Locale;

/** Roles of CONTRACT.md: admin may do everything; the others one area each. */
public enum Role {
  ADMIN,
  CASHIER,
  STOCK,
  VIEWER;

  /** The lower-case name used in tokens and JSON. */
  public String claim() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Role fromClaim(String claim) {
    return valueOf(claim.toUpperCase(Locale.ROOT));
  }
}
