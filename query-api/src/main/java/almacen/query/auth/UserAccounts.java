package almacen.query.auth;

import java.util.Optional;

/** Where logins look users up: the users topic in a running service, a users file in tests. */
@FunctionalInterface
public interface UserAccounts {

  /** The account of an active user; empty for an unknown or deactivated one. */
  Optional<UserAccount> find(String username);
}
