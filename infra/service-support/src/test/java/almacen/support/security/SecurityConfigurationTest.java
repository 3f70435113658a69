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

  @TempDir
  Path home;

  private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
      .withUserConfiguration(Settings.class, SecurityConfiguration.class);

  @Test
  void shouldCreateKeysAndWireFiltersWhenLocalModeStartsWithoutKeys() {
    runner.withPropertyValues("almacen.mode=local", "almacen.home=" + home, "almacen.security.audience=query")
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context).hasSingleBean(TokenVerifier.class).hasSingleBean(TokenIssuer.class)
              .hasSingleBean(RateLimiter.class);
          assertThat(context.getBean(TokenVerifier.class).audience()).isEqualTo("query");
          assertThat(home.resolve("keys").resolve("current")).exists();
          assertThat(context.getBean(RateLimiter.class).limits(RateLimitFilter.LOGIN)).isTrue();
          assertThat(context.getBean(RateLimiter.class).limits(RateLimitFilter.READS)).isFalse();
        });
  }

  @Test
  void shouldFailFastWithoutCreatingKeysWhenNotLocalAndKeysAreMissing() {
    runner.withPropertyValues("almacen.mode=cluster", "almacen.home=" + home, "almacen.security.audience=ingest")
        .run(context -> {
          assertThat(context).hasFailed();
          assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("never creates keys");
          assertThat(Files.exists(home.resolve("keys"))).isFalse();
        });
  }

  @Test
  void shouldFailFastWhenAudienceIsMissingAndServiceServesApi() {
    runner.withUserConfiguration(ApiController.class)
        .withPropertyValues("almacen.mode=local", "almacen.home=" + home)
        .run(context -> {
          assertThat(context).hasFailed();
          assertThat(context.getStartupFailure()).isInstanceOf(IllegalStateException.class)
              .hasMessageContaining("almacen.security.audience is required")
              .hasMessageContaining("/api/stock");
        });
  }

  @Test
  void shouldStartWithoutKeysOrVerifierWhenAudienceIsMissingAndNoApiIsServed() {
    runner.withPropertyValues("almacen.mode=cluster", "almacen.home=" + home)
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context).doesNotHaveBean(TokenVerifier.class);
          assertThat(home.resolve("keys")).doesNotExist();
        });
  }

  @Test
  void shouldKeepOnlySecurityHeadersWhenSecurityIsDisabled() {
    runner.withPropertyValues("almacen.mode=local", "almacen.home=" + home, "almacen.security.enabled=false")
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context).doesNotHaveBean(TokenVerifier.class).doesNotHaveBean(KeyRing.class);
          assertThat(context).hasBean("securityHeadersFilter");
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
