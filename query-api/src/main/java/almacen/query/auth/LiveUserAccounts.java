package almacen.query.auth;

import almacen.support.security.Role;
import almacen.support.security.UserDirectoryListener;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** Logins against the live directory of the users topic: only active users may log in. */
final class LiveUserAccounts implements UserAccounts {

  private final UserDirectoryListener directory;

  LiveUserAccounts(UserDirectoryListener directory) {
    this.directory = directory;
  }

  @Override
  public Optional<UserAccount> find(String username) {
    return directory
        .user(username)
        .filter(u -> u.getActive())
        .flatMap(
            u -> {
              Set<Role> roles = EnumSet.noneOf(Role.class);
              directory.find(username).ifPresent(state -> roles.addAll(state.roles()));
              return roles.isEmpty()
                  ? Optional.empty()
                  : Optional.of(new UserAccount(u.getUsername(), u.getPasswordHash(), roles));
            });
  }
}
