package almacen.ingest.web;

import almacen.support.security.AuthenticatedUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is writing: the username of the request's verified token (its subject), which every event
 * records as {@code user}. Never a name from the request body, which anyone can type.
 */
final class Caller {

  private Caller() {}

  /** The authenticated user's name; null only without one (security off in a slice test). */
  static String username() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && authentication.getPrincipal() instanceof AuthenticatedUser user) {
      return user.subject();
    }
    return null;
  }
}
