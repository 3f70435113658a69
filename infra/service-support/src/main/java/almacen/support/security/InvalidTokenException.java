package almacen.support.security;

import org.springframework.security.core.AuthenticationException;

/**
 * Why a bearer token was refused (a Spring Security {@link AuthenticationException}, answered by
 * the JSON entry point). The message is fixed per {@link Reason} and never contains the token.
 */
public final class InvalidTokenException extends AuthenticationException {

  /** The typed reasons a token is refused; each answers 401. */
  public enum Reason {
    MISSING("An access token is required: send the header Authorization: Bearer <token>"),
    MALFORMED("The access token is malformed"),
    EXPIRED("The access token has expired; log in again"),
    BAD_SIGNATURE("The access token signature is not valid"),
    UNSUPPORTED_ALGORITHM("The access token is not signed with an accepted algorithm"),
    UNKNOWN_KEY("The access token was signed with an unknown key"),
    WRONG_AUDIENCE("The access token is not meant for this service"),
    INVALID_CLAIMS("The access token claims are not valid"),
    DEACTIVATED("The user of this access token has been deactivated");

    private final String message;

    Reason(String message) {
      this.message = message;
    }

    public String message() {
      return message;
    }
  }

  private final Reason reason;

  public InvalidTokenException(Reason reason) {
    super(reason.message());
    this.reason = reason;
  }

  public InvalidTokenException(Reason reason, Throwable cause) {
    super(reason.message(), cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
