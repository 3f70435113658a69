package almacen.support.security;

import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;

/**
 * Authenticates a {@link BearerTokenAuthentication} with our {@link TokenVerifier} (Ed25519, key
 * ring, audience, expiry), then asks the live {@link UserStates}: a deactivated dashboard user is
 * refused, an active one gets its current roles and branch; any other subject keeps its token's
 * claims. A service without an audience (no verifier) refuses every token.
 */
final class TokenAuthenticationProvider implements AuthenticationProvider {

  private final TokenVerifier verifier;
  private final UserStates users;

  /**
   * @param verifier null for a service that accepts no token (fail closed)
   */
  TokenAuthenticationProvider(TokenVerifier verifier, UserStates users) {
    this.verifier = verifier;
    this.users = users;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    if (verifier == null) {
      throw new InvalidTokenException(InvalidTokenException.Reason.WRONG_AUDIENCE);
    }
    AuthenticatedUser claimed =
        verifier.verify(((BearerTokenAuthentication) authentication).token());
    Optional<UserState> state = users.find(claimed.subject());
    if (state.isPresent() && !state.get().active()) {
      throw new InvalidTokenException(InvalidTokenException.Reason.DEACTIVATED);
    }
    return BearerTokenAuthentication.verified(state.map(claimed::as).orElse(claimed));
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return BearerTokenAuthentication.class.isAssignableFrom(authentication);
  }
}
