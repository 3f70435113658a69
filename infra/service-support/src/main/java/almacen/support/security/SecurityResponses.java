package almacen.support.security;

import almacen.support.web.ApiError;
import almacen.support.web.ApiErrorWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Writes the {@code {"error","message","field"}} body of CONTRACT.md from filters, outside Spring
 * MVC.
 */
final class SecurityResponses {

  private SecurityResponses() {}

  static void unauthorized(
      HttpServletRequest request, HttpServletResponse response, InvalidTokenException.Reason reason)
      throws IOException {
    String challenge =
        reason == InvalidTokenException.Reason.MISSING
            ? "Bearer realm=\"almacen\""
            : "Bearer realm=\"almacen\", error=\"invalid_token\"";
    response.setHeader("WWW-Authenticate", challenge);
    write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "UNAUTHORIZED", reason.message());
  }

  static void forbidden(HttpServletRequest request, HttpServletResponse response, String message)
      throws IOException {
    write(request, response, HttpServletResponse.SC_FORBIDDEN, "FORBIDDEN", message);
  }

  static void rateLimited(
      HttpServletRequest request, HttpServletResponse response, long retryAfterSeconds)
      throws IOException {
    response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
    write(
        request,
        response,
        429,
        "RATE_LIMITED",
        "Too many requests; try again in " + retryAfterSeconds + " s");
  }

  /** In the language the request prefers (see {@code ErrorLanguage}). */
  static void write(
      HttpServletRequest request,
      HttpServletResponse response,
      int status,
      String code,
      String message)
      throws IOException {
    ApiErrorWriter.write(request, response, status, new ApiError(code, message, null));
  }
}
