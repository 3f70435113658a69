package almacen.support.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Enforces {@link RequiresRole} (on the handler method, else on its class; {@link Role#ADMIN}
 * always allowed): a user without any of the roles → 403 JSON. Also refuses with 401 any {@code
 * /api/**} handler reached without an authenticated user (other than login): a second line should a
 * path ever slip past the bearer filter.
 */
public final class RoleInterceptor implements HandlerInterceptor {

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws Exception {
    if (!(handler instanceof HandlerMethod method)) {
      return true;
    }
    Optional<AuthenticatedUser> user = AuthenticatedUser.current(request);
    RequiresRole required = requiredRoles(method);
    if (user.isEmpty()) {
      if (required != null || needsToken(request)) {
        SecurityResponses.unauthorized(response, InvalidTokenException.Reason.MISSING);
        return false;
      }
      return true;
    }
    if (required != null && !user.get().mayActAs(Arrays.asList(required.value()))) {
      SecurityResponses.forbidden(
          response,
          "This action needs the role "
              + names(List.of(required.value()))
              + "; your token has "
              + names(user.get().roles().stream().sorted().toList()));
      return false;
    }
    return true;
  }

  static RequiresRole requiredRoles(HandlerMethod method) {
    RequiresRole onMethod =
        AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), RequiresRole.class);
    return onMethod != null
        ? onMethod
        : AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), RequiresRole.class);
  }

  private static boolean needsToken(HttpServletRequest request) {
    Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    String path = pattern != null ? pattern.toString() : ApiPaths.path(request);
    return ApiPaths.isApi(path) && !ApiPaths.isLogin(path);
  }

  private static String names(List<Role> roles) {
    return roles.stream().map(Role::claim).collect(Collectors.joining(" or "));
  }
}
