package almacen.support.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requires {@code Authorization: Bearer <token>} on every {@code /api/**} request except {@code
 * /api/auth/login}: no or bad token → 401 JSON with {@code WWW-Authenticate: Bearer}; a valid token
 * puts an {@link AuthenticatedUser} in the request. On the few GET paths in {@code queryTokenPaths}
 * (Server-Sent Events, which a browser's EventSource cannot send headers to) the token may come as
 * query parameter {@code access_token} instead. Tokens are never logged.
 */
public final class BearerTokenFilter extends OncePerRequestFilter {

  public static final String QUERY_PARAMETER = "access_token";
  private static final Logger log = LoggerFactory.getLogger(BearerTokenFilter.class);
  private static final String BEARER = "bearer ";

  private final TokenVerifier verifier;
  private final Set<String> queryTokenPaths;

  /**
   * @param verifier null for a service that has no audience and so accepts no token: every {@code
   *     /api/**} request is then refused (fail closed)
   */
  public BearerTokenFilter(TokenVerifier verifier, Set<String> queryTokenPaths) {
    this.verifier = verifier;
    this.queryTokenPaths = Set.copyOf(queryTokenPaths);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = ApiPaths.path(request);
    return !ApiPaths.isApi(path) || ApiPaths.isLogin(path);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      String token = tokenOf(request);
      if (verifier == null) {
        throw new InvalidTokenException(
            token == null
                ? InvalidTokenException.Reason.MISSING
                : InvalidTokenException.Reason.WRONG_AUDIENCE);
      }
      AuthenticatedUser user = verifier.verify(token);
      request.setAttribute(AuthenticatedUser.ATTRIBUTE, user);
    } catch (InvalidTokenException e) {
      log.debug("Refused {} {}: {}", request.getMethod(), ApiPaths.path(request), e.reason());
      SecurityResponses.unauthorized(response, e.reason());
      return;
    }
    chain.doFilter(request, response);
  }

  private String tokenOf(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header != null) {
      if (header.length() <= BEARER.length()
          || !header.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
        throw new InvalidTokenException(InvalidTokenException.Reason.MISSING);
      }
      return header.substring(BEARER.length()).trim();
    }
    if ("GET".equals(request.getMethod()) && queryTokenPaths.contains(ApiPaths.path(request))) {
      return request.getParameter(QUERY_PARAMETER);
    }
    return null;
  }
}
