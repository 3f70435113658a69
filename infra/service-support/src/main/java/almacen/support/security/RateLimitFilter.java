package almacen.support.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies the {@link RateLimiter} per client address: bucket {@value #LOGIN} on {@code
 * /api/auth/login}, {@value #WRITES} on POST/PUT/PATCH/DELETE under {@code /api/**}, {@value
 * #READS} on other {@code /api/**} requests. Over the limit → 429 JSON with {@code Retry-After}.
 * Runs before the bearer filter, so floods of bad tokens are limited too. The client is {@code
 * request.getRemoteAddr()} (set {@code server.forward-headers-strategy} behind a trusted proxy).
 */
public final class RateLimitFilter extends OncePerRequestFilter {

  public static final String LOGIN = "login";

  /** Login attempts per username, whatever the address (applied by the login endpoint itself). */
  public static final String LOGIN_USER = "login-user";

  public static final String WRITES = "writes";
  public static final String READS = "reads";

  private final RateLimiter limiter;

  public RateLimitFilter(RateLimiter limiter) {
    this.limiter = Objects.requireNonNull(limiter, "limiter");
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !ApiPaths.isApi(ApiPaths.path(request));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = ApiPaths.path(request);
    String bucket =
        ApiPaths.isLogin(path) ? LOGIN : ApiPaths.isWrite(request.getMethod()) ? WRITES : READS;
    RateLimiter.Decision decision = limiter.tryAcquire(bucket, request.getRemoteAddr());
    if (!decision.allowed()) {
      SecurityResponses.rateLimited(request, response, decision.retryAfterSeconds());
      return;
    }
    chain.doFilter(request, response);
  }
}
