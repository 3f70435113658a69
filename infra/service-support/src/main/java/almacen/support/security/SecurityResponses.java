package almacen.support.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Writes the {@code {"error","message","field"}} body of CONTRACT.md from filters, outside Spring MVC. */
final class SecurityResponses {

  private SecurityResponses() {
  }

  static void unauthorized(HttpServletResponse response, InvalidTokenException.Reason reason) throws IOException {
    String challenge = reason == InvalidTokenException.Reason.MISSING
        ? "Bearer realm=\"almacen\""
        : "Bearer realm=\"almacen\", error=\"invalid_token\"";
    response.setHeader("WWW-Authenticate", challenge);
    write(response, HttpServletResponse.SC_UNAUTHORIZED, "UNAUTHORIZED", reason.message());
  }

  static void forbidden(HttpServletResponse response, String message) throws IOException {
    write(response, HttpServletResponse.SC_FORBIDDEN, "FORBIDDEN", message);
  }

  static void rateLimited(HttpServletResponse response, long retryAfterSeconds) throws IOException {
    response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
    write(response, 429, "RATE_LIMITED", "Too many requests; try again in " + retryAfterSeconds + " s");
  }

  static void write(HttpServletResponse response, int status, String code, String message) throws IOException {
    // with its Content-Length: a client still sending a body can read the answer before the connection closes
    byte[] body = ("{\"error\":" + quote(code) + ",\"message\":" + quote(message) + ",\"field\":null}")
        .getBytes(StandardCharsets.UTF_8);
    response.resetBuffer();
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
    response.flushBuffer();
  }

  static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20 || c == '<' || c == '>' || c == '&') {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
