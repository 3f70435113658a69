package almacen.query.auth;

import almacen.support.security.IssuedToken;
import almacen.support.security.RateLimitFilter;
import almacen.support.security.RateLimiter;
import almacen.support.security.Role;
import almacen.support.security.TokenIssuer;
import almacen.support.web.ApiError;
import almacen.support.web.ApiException;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/auth/login} {@code {"username","password"}} → {@code
 * {"accessToken","expiresAt","roles"}}; a token for both services (aud ingest and query). Wrong
 * credentials → 401 with one message for an unknown user and a wrong password. The rate limit per
 * client address (10/min) is applied by the security filters before this runs; the same limit per
 * username is applied here, so many addresses cannot take turns guessing one password.
 */
@RestController
public class LoginController {

  static final String WRONG_CREDENTIALS = "Wrong username or password";
  private static final int MAX_TRACKED_USERNAME = 64;
  private static final Logger log = LoggerFactory.getLogger(LoginController.class);

  private final LoginService logins;
  private final TokenIssuer issuer;
  private final Duration ttl;
  private final RateLimiter limiter;

  public LoginController(
      LoginService logins, TokenIssuer issuer, Duration ttl, RateLimiter limiter) {
    this.logins = logins;
    this.issuer = issuer;
    this.ttl = ttl;
    this.limiter = limiter;
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

  @SecurityRequirements // no token: this is where one is obtained
  @PostMapping(
      path = "/api/auth/login",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<?> login(@RequestBody LoginRequest request) {
    if (request == null || request.username() == null || request.username().isBlank()) {
      throw ApiException.badRequest("MISSING_FIELD", "username is required", "username");
    }
    if (request.password() == null || request.password().isEmpty()) {
      throw ApiException.badRequest("MISSING_FIELD", "password is required", "password");
    }
    String user = request.username().strip().toLowerCase(Locale.ROOT);
    RateLimiter.Decision decision =
        limiter.tryAcquire(
            RateLimitFilter.LOGIN_USER,
            user.length() > MAX_TRACKED_USERNAME ? user.substring(0, MAX_TRACKED_USERNAME) : user);
    if (!decision.allowed()) {
      log.info("Login refused: too many attempts for one username");
      return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
          .header(HttpHeaders.RETRY_AFTER, String.valueOf(decision.retryAfterSeconds()))
          .body(
              new ApiError(
                  "RATE_LIMITED",
                  "Too many login attempts for this user; try again in "
                      + decision.retryAfterSeconds()
                      + " s",
                  "username"));
    }
    UserAccount account =
        logins
            .authenticate(request.username(), request.password())
            .orElseThrow(
                () -> {
                  log.info("Login refused (wrong username or password)");
                  return new ApiException(
                      HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", WRONG_CREDENTIALS, null);
                });
    IssuedToken token =
        issuer.issueToken(account.username(), account.roles(), TokenIssuer.ALL_SERVICES, ttl);
    log.info("Login of {} with roles {}", account.username(), account.roles());
    return ResponseEntity.ok(
        new LoginResponse(
            token.token(),
            token.expiresAt(),
            token.roles().stream().sorted().map(Role::claim).toList()));
  }
}
