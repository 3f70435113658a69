package almacen.query.web;

import almacen.query.read.StaleReads;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Adds {@code X-Stale: true} and {@code Staleness: stale} to an answer read (partly) from standby
 * or restoring stores. The request's {@link StaleReads} lives in a request attribute: it ends with
 * the request, so nothing is left on a pooled thread for the next one.
 */
@ControllerAdvice
class StalenessAdvice implements ResponseBodyAdvice<Object> {

  private static final String ATTRIBUTE = StaleReads.class.getName();

  /** The request's stale-read record, made on first use. */
  static StaleReads of(HttpServletRequest request) {
    if (request.getAttribute(ATTRIBUTE) instanceof StaleReads reads) {
      return reads;
    }
    StaleReads reads = new StaleReads();
    request.setAttribute(ATTRIBUTE, reads);
    return reads;
  }

  @Override
  public boolean supports(MethodParameter returnType, Class converterType) {
    return true;
  }

  @Override
  public Object beforeBodyWrite(
      Object body,
      MethodParameter returnType,
      MediaType contentType,
      Class converterType,
      ServerHttpRequest request,
      ServerHttpResponse response) {
    if (request instanceof ServletServerHttpRequest servlet
        && servlet.getServletRequest().getAttribute(ATTRIBUTE) instanceof StaleReads reads
        && reads.wasStale()) {
      StaleReads.headers().forEach(response.getHeaders()::set);
    }
    return body;
  }
}
