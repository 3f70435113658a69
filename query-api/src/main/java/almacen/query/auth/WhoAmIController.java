package almacen.query.auth;

import almacen.support.security.AuthenticatedUser;
import almacen.support.security.Role;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/whoami} (any valid token): the caller as the services see it now — the live roles
 * and branch of a dashboard user, else the token's roles.
 */
@RestController
public class WhoAmIController {

  public record WhoAmI(String username, List<String> roles, String branch) {}

  @GetMapping(path = "/api/whoami", produces = MediaType.APPLICATION_JSON_VALUE)
  public WhoAmI whoami(AuthenticatedUser user) {
    return new WhoAmI(
        user.subject(), user.roles().stream().sorted().map(Role::claim).toList(), user.branch());
  }
}
