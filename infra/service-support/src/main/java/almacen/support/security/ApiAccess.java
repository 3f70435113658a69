package almacen.support.security;

import jakarta.servlet.DispatcherType;
import java.util.Set;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * The enforcing part of the filter chain: the rate limit first (floods of bad tokens are limited
 * too), then bearer-token authentication ({@link BearerTokenConverter} → {@link
 * TokenAuthenticationProvider}), then {@code /api/**} requires an authenticated user except {@code
 * /api/auth/login}; everything else (the dashboard's files, actuator) is open. Roles are checked
 * per endpoint by {@link RoleAuthorization}.
 */
final class ApiAccess {

  private final TokenAuthenticationProvider provider;
  private final RateLimitFilter rateLimit;
  private final Set<String> queryTokenPaths;
  private final JsonSecurityHandlers handlers = new JsonSecurityHandlers();

  ApiAccess(
      TokenAuthenticationProvider provider,
      RateLimitFilter rateLimit,
      Set<String> queryTokenPaths) {
    this.provider = provider;
    this.rateLimit = rateLimit;
    this.queryTokenPaths = Set.copyOf(queryTokenPaths);
  }

  void configure(HttpSecurity http) throws Exception {
    AuthenticationFilter bearer =
        new AuthenticationFilter(
            new ProviderManager(provider), new BearerTokenConverter(queryTokenPaths));
    bearer.setSuccessHandler(
        (request, response, authentication) ->
            request.setAttribute(AuthenticatedUser.ATTRIBUTE, authentication.getPrincipal()));
    bearer.setFailureHandler(new AuthenticationEntryPointFailureHandler(handlers));
    http.addFilterBefore(rateLimit, UsernamePasswordAuthenticationFilter.class)
        .addFilterAt(bearer, BasicAuthenticationFilter.class)
        .exceptionHandling(e -> e.authenticationEntryPoint(handlers).accessDeniedHandler(handlers))
        .authorizeHttpRequests(
            requests ->
                requests
                    // the stream of an accepted request and error pages were authorised already
                    .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
                    .permitAll()
                    .requestMatchers(ApiPaths::isLoginRequest)
                    .permitAll()
                    .requestMatchers(ApiPaths::isApiRequest)
                    .authenticated()
                    .anyRequest()
                    .permitAll());
  }
}
