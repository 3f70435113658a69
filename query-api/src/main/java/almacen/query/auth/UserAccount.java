package almacen.query.auth;

import almacen.support.security.Role;
import java.util.Set;

/** A user who may log in: name, BCrypt hash and roles. {@link #toString()} hides the hash. */
public record UserAccount(String username, String passwordHash, Set<Role> roles) {

  public UserAccount {
    roles = Set.copyOf(roles);
  }

  @Override
  public String toString() {
    return "UserAccount[" + username + ", roles=" + roles + "]";
  }
}
