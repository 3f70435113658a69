package almacen.query.web;

import almacen.query.read.StaleReads;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/** Adds {@code X-Stale: true} and {@code Staleness: stale} to an answer read (partly) from standby or restoring stores. */
@ControllerAdvice
class StalenessAdvice implements ResponseBodyAdvice<Object> {

  @Override
  public boolean supports(MethodParameter returnType, Class converterType) {
    return true;
  }

  @Override
  public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType, Class converterType,
      ServerHttpRequest request, ServerHttpResponse response) {
    if (StaleReads.wasStale()) {
      StaleReads.headers().forEach(response.getHeaders()::set);
    }
    return body;
  }

  /** Clears the per-thread flags around every request. */
  static final class ResetFilter extends OncePerRequestFilter {
    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      StaleReads.reset();
      try {
        chain.doFilter(request, response);
      } finally {
        StaleReads.reset();
      }
    }
  }
}
