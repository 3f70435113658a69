package almacen.support.security;

import almacen.support.AlmacenSettings;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.Advisor;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.Ordered;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Security of every almacén service, imported by {@code SupportConfiguration}: one Spring Security
 * filter chain — security headers always (Spring Security's {@code headers()}, our CSP), stateless,
 * no CSRF, no login form or session; when {@code almacen.security.enabled} (default true) also the
 * key ring ({@code almacen.home}/keys: created if missing in local mode, required otherwise), token
 * issuer and verifier, rate limits, bearer-token authentication on {@code /api/**} and {@link
 * RequiresRole} as method authorization. {@code almacen.security.audience} is required by a service
 * that serves {@code /api/**}; a service without it (Streams apps, management only) never reads the
 * keys and answers 401 to every {@code /api/**} request. Order: body size and CORS (servlet
 * filters, before the chain), then in the chain headers, rate limit, bearer token, authorization —
 * all before Spring MVC.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfiguration {

  static final int BODY_SIZE_ORDER = Ordered.HIGHEST_PRECEDENCE + 2;
  static final int CORS_ORDER = Ordered.HIGHEST_PRECEDENCE + 5;

  /**
   * The filter chain of every request. CSRF protection is off on purpose: the API authenticates
   * only by a bearer token the page sends explicitly in a header (never a cookie or session), so a
   * forged cross-site request carries no credential to abuse; the static dashboard has no state to
   * change. Without {@link ApiAccess} (security disabled in a slice test) every request passes,
   * with the headers.
   */
  @Bean
  SecurityFilterChain almacenFilterChain(
      HttpSecurity http, SecurityProperties properties, ObjectProvider<ApiAccess> access)
      throws Exception {
    http.csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .formLogin(form -> form.disable())
        .httpBasic(basic -> basic.disable())
        .logout(logout -> logout.disable())
        .headers(
            headers ->
                headers
                    .contentTypeOptions(Customizer.withDefaults())
                    .frameOptions(frame -> frame.deny())
                    .referrerPolicy(
                        referrer ->
                            referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                    // Spring's default no-cache set would also hit the dashboard's static files
                    .cacheControl(cache -> cache.disable())
                    .addHeaderWriter(new ContentSecurityPolicy(properties.connectPorts()))
                    .addHeaderWriter(
                        new DelegatingRequestMatcherHeaderWriter(
                            ApiPaths::isApiRequest,
                            new StaticHeadersWriter("Cache-Control", "no-store"))));
    ApiAccess api = access.getIfAvailable();
    if (api == null) {
      http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
    } else {
      api.configure(http);
    }
    return http.build();
  }

  /**
   * Spring Security's firewall refuses paths that could disguise one endpoint as another ({@code
   * ;params}, {@code /../}, encoded slashes) before any filter reads them: 400 with our body.
   */
  @Bean
  RequestRejectedHandler requestRejectedHandler() {
    return (request, response, e) ->
        SecurityResponses.write(
            request,
            response,
            HttpServletResponse.SC_BAD_REQUEST,
            "BAD_PATH",
            "The request path is not allowed");
  }

  @Bean
  FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(SecurityProperties properties) {
    FilterRegistrationBean<BodySizeLimitFilter> bean =
        new FilterRegistrationBean<>(
            new BodySizeLimitFilter(
                properties.maxBodySize().toBytes(), properties.maxUploadSize().toBytes()));
    bean.setOrder(BODY_SIZE_ORDER);
    return bean;
  }

  /**
   * Cross-origin calls to /api/** (the dashboard on :8080 posting invoices to ingest-ocr on :8081).
   * Preflight requests are answered here, before the token filter, since browsers send them without
   * one.
   */
  @Bean
  @ConditionalOnExpression("'${almacen.security.cors-allowed-origins:}' != ''")
  FilterRegistrationBean<CorsFilter> corsFilter(SecurityProperties properties) {
    for (String origin : properties.corsAllowedOrigins()) {
      if (origin.strip().equals("*")) {
        throw new IllegalStateException(
            "almacen.security.cors-allowed-origins must name the dashboard's origins "
                + "(e.g. http://localhost:8080); '*' would let any web page call this API with a user's token");
      }
    }
    CorsConfiguration cors = new CorsConfiguration();
    cors.setAllowedOriginPatterns(properties.corsAllowedOrigins());
    cors.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE", "OPTIONS"));
    cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "X-Correlation-Id"));
    cors.setExposedHeaders(List.of("X-Correlation-Id", "Retry-After", "Location"));
    cors.setAllowCredentials(false);
    cors.setMaxAge(600L);
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/api/**", cors);
    FilterRegistrationBean<CorsFilter> bean = new FilterRegistrationBean<>(new CorsFilter(source));
    bean.setOrder(CORS_ORDER);
    return bean;
  }

  /** Authentication, authorisation and rate limits; off only in controller slice tests. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnBooleanProperty(name = "almacen.security.enabled", matchIfMissing = true)
  @EnableMethodSecurity(prePostEnabled = false)
  static class Enforcement {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    /** Lazy: a service with no audience (no /api) and no issuer user never reads the keys. */
    @Bean
    @Lazy
    KeyRing keyRing(AlmacenSettings settings) {
      Path dir = settings.home().resolve("keys");
      KeyRing ring = settings.localMode() ? KeyRing.loadOrCreate(dir) : KeyRing.load(dir);
      log.info("Token keys: {} (signing: {})", ring, ring.canSign());
      return ring;
    }

    @Bean
    @Lazy
    TokenIssuer tokenIssuer(KeyRing ring, Clock clock) {
      return new TokenIssuer(ring, clock);
    }

    /** Only for a service with an audience; created at start, so missing keys fail fast. */
    @Bean
    @ConditionalOnExpression("'${almacen.security.audience:}'.trim() != ''")
    TokenVerifier tokenVerifier(KeyRing ring, SecurityProperties properties, Clock clock) {
      return new TokenVerifier(ring, properties.audience(), clock);
    }

    /**
     * A service serving /api/** must name its audience; one without (the Streams services) refuses
     * every token.
     */
    @Bean
    static SmartInitializingSingleton audienceGuard(ListableBeanFactory beans) {
      return () -> {
        if (!beans.getBeansOfType(TokenVerifier.class, false, false).isEmpty()) {
          return;
        }
        for (RequestMappingHandlerMapping mapping :
            beans.getBeansOfType(RequestMappingHandlerMapping.class, false, false).values()) {
          for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
              if (ApiPaths.isApi(pattern)) {
                throw new IllegalStateException(
                    "Property almacen.security.audience is required when "
                        + "almacen.security.enabled is true and the service serves "
                        + pattern
                        + ": set it to this service's name in tokens (ingest for ingest-ocr, query for query-api)");
              }
            }
          }
        }
        log.info(
            "almacen.security.audience is not set: this service accepts no access token (/api/** answers 401)");
      };
    }

    @Bean
    RateLimiter rateLimiter(SecurityProperties properties, Clock clock) {
      SecurityProperties.RateLimit limits = properties.rateLimit();
      return new RateLimiter(
          Map.of(
              RateLimitFilter.LOGIN, limits.loginPerMinute(),
              RateLimitFilter.LOGIN_USER, limits.loginPerMinute(),
              RateLimitFilter.WRITES, limits.writesPerMinute(),
              RateLimitFilter.READS, limits.readsPerMinute()),
          clock,
          limits.maxTrackedClients());
    }

    /**
     * The live user directory when the service has one (query-api and ingest-ocr read the users
     * topic); without one every token speaks for itself.
     */
    @Bean
    ApiAccess apiAccess(
        ObjectProvider<TokenVerifier> verifier,
        ObjectProvider<UserStates> users,
        SecurityProperties properties,
        RateLimiter limiter) {
      return new ApiAccess(
          new TokenAuthenticationProvider(
              verifier.getIfAvailable(), users.getIfAvailable(() -> UserStates.NONE)),
          new RateLimitFilter(limiter),
          properties.queryTokenPaths());
    }

    /** {@link RequiresRole} on controllers, enforced by Spring Security's method authorization. */
    @Bean
    @org.springframework.context.annotation.Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor requiresRoleAuthorization() {
      return RoleAuthorization.interceptor();
    }

    @Bean
    WebMvcConfigurer securityWebMvcConfigurer() {
      return new WebMvcConfigurer() {
        @Override
        public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
          resolvers.add(new AuthenticatedUserArgumentResolver());
        }
      };
    }
  }
}
