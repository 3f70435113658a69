package almacen.query.auth;

import almacen.support.security.IssuedToken;
import almacen.support.security.Role;
import almacen.support.security.TokenIssuer;
import almacen.support.web.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/auth/login} {@code {"username","password"}} → {@code {"accessToken","expiresAt","roles"}}; a
 * token for both services (aud ingest and query). Wrong credentials → 401 with one message for an unknown user and
 * a wrong password. The rate limit (10/min per client) is applied by the security filters before this runs.
 */
@RestController
public class LoginController {

  static final String WRONG_CREDENTIALS = "Wrong username or password";
  private static final Logger log = LoggerFactory.getLogger(LoginController.class);

  private final LoginService logins;
  private final TokenIssuer issuer;
  private final Duration ttl;

  public LoginController(LoginService logins, TokenIssuer issuer, Duration ttl) {
    this.logins = logins;
    this.issuer = issuer;
    this.ttl = ttl;
  }

  public record LoginRequest(String username, String password) {
    @Override
    public String toString() {
      return "LoginRequest[" + username + "]";
    }
  }

  public record LoginResponse(String accessToken, Instant expiresAt, List<String> roles) {
    @Override
    public String toString() {
      return "LoginResponse[expiresAt=" + expiresAt + ", roles=" + roles + "]";
    }
  }

  @PostMapping(path = "/api/auth/login", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public LoginResponse login(@RequestBody LoginRequest request) {
    if (request == null || request.username() == null || request.username().isBlank()) {
      throw ApiException.badRequest("MISSING_FIELD", "username is required", "username");
    }
    if (request.password() == null || request.password().isEmpty()) {
      throw ApiException.badRequest("MISSING_FIELD", "password is required", "password");
    }
    UserAccount account = logins.authenticate(request.username(), request.password()).orElseThrow(() -> {
      log.info("Login refused (wrong username or password)");
      return new ApiException(HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", WRONG_CREDENTIALS, null);
    });
    IssuedToken token = issuer.issueToken(account.username(), account.roles(), TokenIssuer.ALL_SERVICES, ttl);
    log.info("Login of {} with roles {}", account.username(), account.roles());
    return new LoginResponse(token.token(), token.expiresAt(),
        token.roles().stream().sorted().map(Role::claim).toList());
  }
}
