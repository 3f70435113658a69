package almacen.query.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The dashboard (every path outside {@code /api/} and {@code /actuator/}) speaks Spanish: its
 * answers say {@code Content-Language: es-AR}. API answers say their own language where they have
 * one (es-AR CSV exports, English error messages).
 */
@Component
class DashboardLanguageFilter extends OncePerRequestFilter {

  static final String ES_AR = "es-AR";

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.startsWith("/api/") || path.startsWith("/actuator");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader(HttpHeaders.CONTENT_LANGUAGE, ES_AR);
    chain.doFilter(request, response);
  }
}
