package almacen.ingest.web;

import almacen.support.security.AuthenticatedUser;
import almacen.support.security.Role;
import java.time.Instant;
import java.util.Set;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A verified user in Spring Security's context, as the bearer filter leaves it, for controller
 * tests without the filter chain (MockMvc runs the controller on the test's thread).
 */
final class SignedIn {

  private SignedIn() {}

  /**
   * @param branch the branch the user is bound to; null for every branch
   */
  static void as(String username, Role role, String branch) {
    AuthenticatedUser user =
        new AuthenticatedUser(
            username, Set.of(role), Instant.parse("2099-01-01T00:00:00Z"), branch);
    SecurityContextHolder.getContext()
        .setAuthentication(new TestingAuthenticationToken(user, "", "ROLE_" + role.name()));
  }

  static void out() {
    SecurityContextHolder.clearContext();
  }
}
