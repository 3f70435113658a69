package almacen.support.security;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who made the request, from a verified token. The bearer filter puts it in the request attribute
 * {@link #ATTRIBUTE}; read it with {@link #current(HttpServletRequest)} or declare a controller
 * parameter of this type.
 */
public record AuthenticatedUser(String subject, Set<Role> roles, Instant expiresAt) {

  public static final String ATTRIBUTE = AuthenticatedUser.class.getName();

  public AuthenticatedUser {
    Objects.requireNonNull(subject, "subject");
    roles = Set.copyOf(roles);
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
}
