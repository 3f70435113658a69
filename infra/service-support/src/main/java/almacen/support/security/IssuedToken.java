package almacen.support.security;

import java.time.Instant;
import java.util.Set;

/** A signed access token with its expiry and roles. {@link #toString()} never shows the token. */
public record IssuedToken(String token, String kid, Instant expiresAt, Set<Role> roles) {

  @Override
  public String toString() {
    return "IssuedToken[kid=" + kid + ", expiresAt=" + expiresAt + ", roles=" + roles + "]";
  }
}
