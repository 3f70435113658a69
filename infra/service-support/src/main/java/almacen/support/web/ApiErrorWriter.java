package almacen.support.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an {@link ApiError} from a servlet filter, outside Spring MVC (which has {@link
 * ApiErrorHandler}).
 */
public final class ApiErrorWriter {

  private static final JsonMapper JSON = JsonMapper.shared();

  private ApiErrorWriter() {}

  /**
   * Replaces whatever was buffered with {@code error} as JSON, with its Content-Length, and
   * flushes: a client still sending a body can read the answer before the connection closes.
   */
  public static void write(HttpServletResponse response, int status, ApiError error)
      throws IOException {
    HttpServletRequest request =
        RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
            ? attributes.getRequest()
            : null;
    write(request, response, status, error);
  }

  /** As above, in the language {@code request} prefers (see {@link ErrorLanguage}). */
  public static void write(
      HttpServletRequest request, HttpServletResponse response, int status, ApiError error)
      throws IOException {
    byte[] body = JSON.writeValueAsBytes(ErrorLanguage.localize(error, status, request));
    response.resetBuffer();
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setContentLength(body.length);
    response.setHeader("Content-Language", ErrorLanguage.of(request));
    response.getOutputStream().write(body);
    response.flushBuffer();
  }
}
