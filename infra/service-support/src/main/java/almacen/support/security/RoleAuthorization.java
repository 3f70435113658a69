package almacen.support.security;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.Pointcut;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeMethodInterceptor;
import org.springframework.security.core.Authentication;

/**
 * Spring Security method authorization of {@link RequiresRole} (on the method, else its class): the
 * caller needs any of the roles, and admin implies every role (a {@link RoleHierarchy}). A refusal
 * carries the message of the 403 ({@link Denied}).
 */
final class RoleAuthorization implements AuthorizationManager<MethodInvocation> {

  /** admin implies every other role. */
  static final RoleHierarchy HIERARCHY =
      RoleHierarchyImpl.withDefaultRolePrefix()
          .role(Role.ADMIN.name())
          .implies(
              Arrays.stream(Role.values())
                  .filter(r -> r != Role.ADMIN)
                  .map(Role::name)
                  .toArray(String[]::new))
          .build();

  /** A refusal with the roles needed and those held, for the 403 body. */
  static final class Denied extends AuthorizationDecision {
    private final String message;

    Denied(String message) {
      super(false);
      this.message = message;
    }

    String message() {
      return message;
    }
  }

  static String authority(Role role) {
    return "ROLE_" + role.name();
  }

  /** The method interceptor that applies {@link RequiresRole} to every Spring bean. */
  static AuthorizationManagerBeforeMethodInterceptor interceptor() {
    Pointcut annotated =
        new ComposablePointcut(new AnnotationMatchingPointcut(RequiresRole.class, true))
            .union(new AnnotationMatchingPointcut(null, RequiresRole.class, true));
    return new AuthorizationManagerBeforeMethodInterceptor(annotated, new RoleAuthorization());
  }

  @Override
  public AuthorizationResult authorize(
      Supplier<? extends Authentication> authentication, MethodInvocation invocation) {
    RequiresRole required = requiredRoles(invocation);
    if (required == null) {
      return new AuthorizationDecision(true);
    }
    AuthorityAuthorizationManager<MethodInvocation> anyOf =
        AuthorityAuthorizationManager.hasAnyRole(
            Arrays.stream(required.value()).map(Role::name).toArray(String[]::new));
    anyOf.setRoleHierarchy(HIERARCHY);
    AuthorizationResult result = anyOf.authorize(authentication, invocation);
    if (result != null && result.isGranted()) {
      return result;
    }
    Authentication who = authentication.get();
    Set<Role> held =
        who != null && who.getPrincipal() instanceof AuthenticatedUser user
            ? user.roles()
            : Set.of();
    return new Denied(
        "This action needs the role "
            + names(List.of(required.value()))
            + "; your token has "
            + names(held.stream().sorted().toList()));
  }

  private static RequiresRole requiredRoles(MethodInvocation invocation) {
    Object target = invocation.getThis();
    Class<?> type =
        target != null
            ? AopUtils.getTargetClass(target)
            : invocation.getMethod().getDeclaringClass();
    Method method = AopUtils.getMostSpecificMethod(invocation.getMethod(), type);
    RequiresRole onMethod = AnnotatedElementUtils.findMergedAnnotation(method, RequiresRole.class);
    return onMethod != null
        ? onMethod
        : AnnotatedElementUtils.findMergedAnnotation(type, RequiresRole.class);
  }

  private static String names(List<Role> roles) {
    return roles.stream().map(Role::claim).collect(Collectors.joining(" or "));
  }
}
