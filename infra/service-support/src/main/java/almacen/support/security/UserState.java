package almacen.support.security;

import java.util.Objects;
import java.util.Set;

/**
 * What token checks need of a dashboard user: whether it is active, its current roles and branch
 * (null: every branch). Never a password or its hash.
 */
public record UserState(String username, Set<Role> roles, String branch, boolean active) {

  public UserState {
    Objects.requireNonNull(username, "username");
    roles = Set.copyOf(roles);
  }
}
