package almacen.support.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Reads {@code Authorization: Bearer <token>} on {@code /api/**} (not on login, where a token is
 * obtained); another scheme → 401. On the few GET paths in {@code queryTokenPaths} (Server-Sent
 * Events: a browser's EventSource cannot send headers) the token may come as query parameter {@code
 * access_token} instead. No token → null: the request goes on anonymous, and the authorization
 * rules answer 401 where one is needed.
 */
final class BearerTokenConverter implements AuthenticationConverter {

  static final String QUERY_PARAMETER = "access_token";
  private static final String BEARER = "bearer ";

  private final Set<String> queryTokenPaths;

  BearerTokenConverter(Set<String> queryTokenPaths) {
    this.queryTokenPaths = Set.copyOf(queryTokenPaths);
  }

  @Override
  public Authentication convert(HttpServletRequest request) {
    String path = ApiPaths.path(request);
    if (!ApiPaths.isApi(path) || ApiPaths.isLogin(path)) {
      return null;
    }
    String header = request.getHeader("Authorization");
    if (header != null) {
      if (header.length() <= BEARER.length()
          || !header.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
        throw new InvalidTokenException(InvalidTokenException.Reason.MISSING);
      }
      return BearerTokenAuthentication.unverified(header.substring(BEARER.length()).trim());
    }
    if ("GET".equals(request.getMethod()) && queryTokenPaths.contains(path)) {
      String token = request.getParameter(QUERY_PARAMETER);
      return token == null ? null : BearerTokenAuthentication.unverified(token);
    }
    return null;
  }
}
