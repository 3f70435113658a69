package almacen.support.observability;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/** Takes or creates the request's correlation id, puts it in the MDC and echoes it back. */
public final class CorrelationIdFilter extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String id = Correlation.sanitize(request.getHeader(Correlation.HTTP_HEADER));
    MDC.put(Correlation.MDC_KEY, id);
    response.setHeader(Correlation.HTTP_HEADER, id);
    try {
      chain.doFilter(request, response);
    } finally {
      MDC.remove(Correlation.MDC_KEY);
    }
  }
}
