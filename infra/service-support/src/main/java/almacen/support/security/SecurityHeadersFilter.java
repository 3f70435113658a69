package almacen.support.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers on every response (set before the handler runs, so they are there even on
 * errors), and {@code Cache-Control: no-store} on {@code /api/**}. The CSP allows no inline script
 * or style: the dashboard loads its scripts and styles from files ({@code element.style} from
 * script is still allowed).
 */
public final class SecurityHeadersFilter extends OncePerRequestFilter {

  public static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; "
          + "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; "
          + "base-uri 'self'; form-action 'self'";
  private static final Pattern HOST = Pattern.compile("^[A-Za-z0-9.-]{1,253}$");

  private final Set<Integer> connectPorts;

  public SecurityHeadersFilter() {
    this(Set.of());
  }

  /**
   * @param connectPorts other ports of the request's host the page may call (a phone on the shop's
   *     Wi-Fi too)
   */
  public SecurityHeadersFilter(Set<Integer> connectPorts) {
    this.connectPorts = Set.copyOf(connectPorts);
  }

  String policy(HttpServletRequest request) {
    String host = request.getServerName();
    if (connectPorts.isEmpty() || host == null || !HOST.matcher(host).matches()) {
      return CONTENT_SECURITY_POLICY;
    }
    StringBuilder extra = new StringBuilder();
    for (int port : new TreeSet<>(connectPorts)) {
      extra
          .append(' ')
          .append(request.getScheme())
          .append("://")
          .append(host)
          .append(':')
          .append(port);
    }
    return CONTENT_SECURITY_POLICY.replace("connect-src 'self'", "connect-src 'self'" + extra);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("Content-Security-Policy", policy(request));
    if (ApiPaths.isApi(ApiPaths.path(request))) {
      response.setHeader("Cache-Control", "no-store");
    }
    chain.doFilter(request, response);
  }
}
