package almacen.support.security;

import java.util.Optional;

/**
 * The live state of dashboard users, consulted on every authenticated request: a deactivated user's
 * tokens are refused and a changed role or branch applies at once. A subject that is no dashboard
 * user (a machine token of scripts/token) keeps the roles of its token.
 */
@FunctionalInterface
public interface UserStates {

  /** No dashboard users: every token speaks for itself. */
  UserStates NONE = username -> Optional.empty();

  Optional<UserState> find(String username);
}
