package almacen.support.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.security.web.header.HeaderWriter;

/**
 * The CSP of every response, written by Spring Security's header writer. It allows no inline script
 * or style: the dashboard loads its scripts and styles from files ({@code element.style} from
 * script is still allowed). {@code connect-src} adds the other ports of the request's own host the
 * pages call (the dashboard on 8080 posts to ingest-ocr on 8081; a phone on the shop's Wi-Fi too),
 * which a static policy cannot name.
 */
final class ContentSecurityPolicy implements HeaderWriter {

  static final String POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; "
          + "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; "
          + "base-uri 'self'; form-action 'self'";
  private static final Pattern HOST = Pattern.compile("^[A-Za-z0-9.-]{1,253}$");

  private final Set<Integer> connectPorts;

  ContentSecurityPolicy(Set<Integer> connectPorts) {
    this.connectPorts = Set.copyOf(connectPorts);
  }

  @Override
  public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
    response.setHeader("Content-Security-Policy", policy(request));
  }

  String policy(HttpServletRequest request) {
    String host = request.getServerName();
    if (connectPorts.isEmpty() || host == null || !HOST.matcher(host).matches()) {
      return POLICY;
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
    return POLICY.replace("connect-src 'self'", "connect-src 'self'" + extra);
  }
}
