package almacen.support.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A bearer token: unauthenticated as read from the request ({@link #unverified}), authenticated
 * with its {@link AuthenticatedUser} and one {@code ROLE_<ROLE>} authority per role once verified.
 * The token itself is dropped on verification and never printed.
 */
public final class BearerTokenAuthentication extends AbstractAuthenticationToken {

  private static final long serialVersionUID = 1L;

  private final transient String token;
  private final AuthenticatedUser user;

  private BearerTokenAuthentication(String token, AuthenticatedUser user) {
    super(
        user == null
            ? List.of()
            : user.roles().stream()
                .map(r -> new SimpleGrantedAuthority(RoleAuthorization.authority(r)))
                .toList());
    this.token = token;
    this.user = user;
    setAuthenticated(user != null);
  }

  static BearerTokenAuthentication unverified(String token) {
    return new BearerTokenAuthentication(token, null);
  }

  static BearerTokenAuthentication verified(AuthenticatedUser user) {
    return new BearerTokenAuthentication(null, user);
  }

  String token() {
    return token;
  }

  @Override
  public Object getCredentials() {
    return "";
  }

  /** The {@link AuthenticatedUser}, or null before verification. */
  @Override
  public Object getPrincipal() {
    return user;
  }

  @Override
  public String getName() {
    return user == null ? "" : user.subject();
  }

  @Override
  public String toString() {
    return "BearerTokenAuthentication[" + getName() + "]";
  }
}
