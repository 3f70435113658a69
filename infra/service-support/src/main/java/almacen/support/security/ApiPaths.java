package almacen.support.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.util.UrlPathHelper;

/** Which requests are API requests, on the decoded, normalised path (no ";params", no "//"). */
final class ApiPaths {

  static final String LOGIN = "/api/auth/login";
  private static final UrlPathHelper PATHS = new UrlPathHelper();

  private ApiPaths() {}

  static String path(HttpServletRequest request) {
    return PATHS.getPathWithinApplication(request);
  }

  static boolean isApi(String path) {
    return path.equals("/api") || path.startsWith("/api/");
  }

  static boolean isApiRequest(HttpServletRequest request) {
    return isApi(path(request));
  }

  static boolean isLoginRequest(HttpServletRequest request) {
    return isLogin(path(request));
  }

  static boolean isLogin(String path) {
    return LOGIN.equals(path);
  }

  static boolean isWrite(String method) {
    return switch (method) {
      case "POST", "PUT", "DELETE", "PATCH" -> true;
      default -> false;
    };
  }
}
