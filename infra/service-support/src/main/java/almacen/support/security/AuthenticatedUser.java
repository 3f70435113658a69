package almacen.support.security;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who made the request: the subject of a verified token, with the roles and branch of its dashboard
 * user when it is one (the live directory wins over the token's claims), else the token's own
 * roles. The bearer authentication puts it in the request attribute {@link #ATTRIBUTE} (and is the
 * principal of Spring Security's context); read it with {@link #current(HttpServletRequest)} or
 * declare a controller parameter of this type.
 *
 * @param branch the only branch this user may write for; null for every branch
 */
public record AuthenticatedUser(String subject, Set<Role> roles, Instant expiresAt, String branch) {

  public static final String ATTRIBUTE = AuthenticatedUser.class.getName();

  public AuthenticatedUser {
    Objects.requireNonNull(subject, "subject");
    roles = Set.copyOf(roles);
  }

  /** A user of every branch. */
  public AuthenticatedUser(String subject, Set<Role> roles, Instant expiresAt) {
    this(subject, roles, expiresAt, null);
  }

  /** The user of this request, empty when the request carried no verified token. */
  public static Optional<AuthenticatedUser> current(HttpServletRequest request) {
    return Optional.ofNullable((AuthenticatedUser) request.getAttribute(ATTRIBUTE));
  }

  /** True when this user has {@link Role#ADMIN} or any of {@code allowed}. */
  public boolean mayActAs(Collection<Role> allowed) {
    return roles.contains(Role.ADMIN) || allowed.stream().anyMatch(roles::contains);
  }

  public boolean hasRole(Role role) {
    return roles.contains(role);
  }

  /** This user with the roles and branch of its directory entry. */
  AuthenticatedUser as(UserState state) {
    return new AuthenticatedUser(subject, state.roles(), expiresAt, state.branch());
  }
}
