package almacen.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import almacen.support.AlmacenSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

class SecurityConfigurationTest {

  @TempDir Path home;

  private final WebApplicationContextRunner runner =
      new WebApplicationContextRunner()
          .withUserConfiguration(Settings.class, SecurityConfiguration.class);

  @Test
  void shouldCreateKeysAndWireFiltersWhenLocalModeStartsWithoutKeys() {
    runner
        .withPropertyValues(
            "almacen.mode=local", "almacen.home=" + home, "almacen.security.audience=query")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context)
                  .hasSingleBean(TokenVerifier.class)
                  .hasSingleBean(TokenIssuer.class)
                  .hasSingleBean(RateLimiter.class);
              assertThat(context.getBean(TokenVerifier.class).audience()).isEqualTo("query");
              assertThat(home.resolve("keys").resolve("current")).exists();
              assertThat(context.getBean(RateLimiter.class).limits(RateLimitFilter.LOGIN)).isTrue();
              assertThat(context.getBean(RateLimiter.class).limits(RateLimitFilter.READS))
                  .isFalse();
            });
  }

  @Test
  void shouldAnswerPreflightOnlyForTheDashboardOriginsWhenOriginsAreListed() {
    runner
        .withPropertyValues(
            "almacen.mode=local",
            "almacen.home=" + home,
            "almacen.security.audience=ingest",
            "almacen.security.cors-allowed-origins=http://localhost:8080,http://127.0.0.1:8080")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              org.springframework.web.filter.CorsFilter cors =
                  (org.springframework.web.filter.CorsFilter)
                      context
                          .getBean(
                              "corsFilter",
                              org.springframework.boot.web.servlet.FilterRegistrationBean.class)
                          .getFilter();
              assertThat(
                      preflight(cors, "http://localhost:8080")
                          .getHeader("Access-Control-Allow-Origin"))
                  .isEqualTo("http://localhost:8080");
              org.springframework.mock.web.MockHttpServletResponse evil =
                  preflight(cors, "https://evil.example");
              assertThat(evil.getStatus()).isEqualTo(403);
              assertThat(evil.getHeader("Access-Control-Allow-Origin")).isNull();
            });
  }

  @Test
  void shouldRefuseToStartWhenCorsAllowsAnyOrigin() {
    runner
        .withPropertyValues(
            "almacen.mode=local",
            "almacen.home=" + home,
            "almacen.security.audience=ingest",
            "almacen.security.cors-allowed-origins=*")
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(context.getStartupFailure())
                  .rootCause()
                  .hasMessageContaining("'*' would let any web page");
            });
  }

  private static org.springframework.mock.web.MockHttpServletResponse preflight(
      org.springframework.web.filter.CorsFilter cors, String origin) throws Exception {
    org.springframework.mock.web.MockHttpServletRequest request =
        new org.springframework.mock.web.MockHttpServletRequest("OPTIONS", "/api/invoices");
    request.addHeader("Origin", origin);
    request.addHeader("Access-Control-Request-Method", "POST");
    request.addHeader("Access-Control-Request-Headers", "Authorization");
    org.springframework.mock.web.MockHttpServletResponse response =
        new org.springframework.mock.web.MockHttpServletResponse();
    cors.doFilter(request, response, new org.springframework.mock.web.MockFilterChain());
    return response;
  }

  @Test
  void shouldFailFastWithoutCreatingKeysWhenNotLocalAndKeysAreMissing() {
    runner
        .withPropertyValues(
            "almacen.mode=cluster", "almacen.home=" + home, "almacen.security.audience=ingest")
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(context.getStartupFailure())
                  .rootCause()
                  .hasMessageContaining("never creates keys");
              assertThat(Files.exists(home.resolve("keys"))).isFalse();
            });
  }

  @Test
  void shouldFailFastWhenAudienceIsMissingAndServiceServesApi() {
    runner
        .withUserConfiguration(ApiController.class)
        .withPropertyValues("almacen.mode=local", "almacen.home=" + home)
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(context.getStartupFailure())
                  .isInstanceOf(IllegalStateException.class)
                  .hasMessageContaining("almacen.security.audience is required")
                  .hasMessageContaining("/api/stock");
            });
  }

  @Test
  void shouldStartWithoutKeysOrVerifierWhenAudienceIsMissingAndNoApiIsServed() {
    runner
        .withPropertyValues("almacen.mode=cluster", "almacen.home=" + home)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(TokenVerifier.class);
              assertThat(home.resolve("keys")).doesNotExist();
            });
  }

  @Test
  void shouldKeepOnlyTheHeadersChainWhenSecurityIsDisabled() {
    runner
        .withPropertyValues(
            "almacen.mode=local", "almacen.home=" + home, "almacen.security.enabled=false")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context)
                  .doesNotHaveBean(TokenVerifier.class)
                  .doesNotHaveBean(KeyRing.class);
              assertThat(context).hasBean("almacenFilterChain");
              assertThat(home.resolve("keys")).doesNotExist();
            });
  }

  @Configuration(proxyBeanMethods = false)
  @EnableWebMvc
  @RestController
  static class ApiController {
    @GetMapping("/api/stock")
    String stock() {
      return "stock";
    }
  }

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(AlmacenSettings.class)
  static class Settings {
    @Bean
    Clock clock() {
      return Clock.systemUTC();
    }
  }
}
