package almacen.support.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Spring Security's 401 and 403 with the contract's body {@code {"error","message","field"}}: 401
 * with {@code WWW-Authenticate: Bearer} and the reason the token was refused (never the token); 403
 * naming the roles the action needs.
 */
final class JsonSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

  private static final Logger log = LoggerFactory.getLogger(JsonSecurityHandlers.class);

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    InvalidTokenException.Reason reason =
        e instanceof InvalidTokenException invalid
            ? invalid.reason()
            : InvalidTokenException.Reason.MISSING;
    log.debug("Refused {} {}: {}", request.getMethod(), ApiPaths.path(request), reason);
    SecurityResponses.unauthorized(request, response, reason);
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    String message =
        e instanceof AuthorizationDeniedException denied
                && denied.getAuthorizationResult() instanceof RoleAuthorization.Denied role
            ? role.message()
            : "You may not do this";
    SecurityResponses.forbidden(request, response, message);
  }
}
