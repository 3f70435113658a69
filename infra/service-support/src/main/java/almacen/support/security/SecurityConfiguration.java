package almacen.support.security;

import almacen.support.AlmacenSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.Ordered;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Security of every almacén service, imported by {@code SupportConfiguration}: security headers
 * always; when {@code almacen.security.enabled} (default true) also the key ring ({@code
 * almacen.home}/keys: created if missing in local mode, required otherwise), token issuer and
 * verifier, rate limits, the bearer filter on {@code /api/**} and the {@link RequiresRole}
 * interceptor. {@code almacen.security.audience} is required by a service that serves {@code
 * /api/**}; a service without it (Streams apps, management only) never reads the keys and answers
 * 401 to every {@code /api/**} request. Filter order: headers, rate limit, bearer token — all
 * before Spring MVC.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfiguration {

  static final int BODY_SIZE_ORDER = Ordered.HIGHEST_PRECEDENCE + 2;
  static final int CORS_ORDER = Ordered.HIGHEST_PRECEDENCE + 5;
  static final int HEADERS_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;
  static final int RATE_LIMIT_ORDER = Ordered.HIGHEST_PRECEDENCE + 20;
  static final int BEARER_ORDER = Ordered.HIGHEST_PRECEDENCE + 30;

  @Bean
  FilterRegistrationBean<SecurityHeadersFilter> securityHeadersFilter(
      SecurityProperties properties) {
    FilterRegistrationBean<SecurityHeadersFilter> bean =
        new FilterRegistrationBean<>(new SecurityHeadersFilter(properties.connectPorts()));
    bean.setOrder(HEADERS_ORDER);
    return bean;
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

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(RateLimiter limiter) {
      FilterRegistrationBean<RateLimitFilter> bean =
          new FilterRegistrationBean<>(new RateLimitFilter(limiter));
      bean.setOrder(RATE_LIMIT_ORDER);
      return bean;
    }

    @Bean
    FilterRegistrationBean<BearerTokenFilter> bearerTokenFilter(
        ObjectProvider<TokenVerifier> verifier, SecurityProperties properties) {
      FilterRegistrationBean<BearerTokenFilter> bean =
          new FilterRegistrationBean<>(
              new BearerTokenFilter(verifier.getIfAvailable(), properties.queryTokenPaths()));
      bean.setOrder(BEARER_ORDER);
      return bean;
    }

    @Bean
    WebMvcConfigurer securityWebMvcConfigurer() {
      return new WebMvcConfigurer() {
        @Override
        public void addInterceptors(InterceptorRegistry registry) {
          registry.addInterceptor(new RoleInterceptor()).order(Ordered.HIGHEST_PRECEDENCE);
        }

        @Override
        public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
          resolvers.add(new AuthenticatedUserArgumentResolver());
        }
      };
    }
  }
}
