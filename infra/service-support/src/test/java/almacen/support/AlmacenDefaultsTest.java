package almacen.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;

class AlmacenDefaultsTest {

  @Test
  void shouldSwitchOnEcsLogsButLetApplicationYmlWinWhenDefaultsAreAdded() {
    // given an environment whose application.yml says something the defaults also say
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addLast(new MapPropertySource("application.yml",
        Map.of("management.endpoint.health.show-details", "never")));

    // when
    new AlmacenDefaults().postProcessEnvironment(environment, new SpringApplication());

    // then
    assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("ecs");
    assertThat(environment.getProperty("management.endpoint.health.show-details")).isEqualTo("never");
    assertThat(environment.getPropertySources().stream().reduce((a, b) -> b).orElseThrow().getName())
        .isEqualTo(AlmacenDefaults.SOURCE_NAME);
  }

  @Test
  void shouldBeRegisteredWithSpringBootWhenOnTheClasspath() {
    // when
    var processors = SpringFactoriesLoader.forDefaultResourceLocation().load(EnvironmentPostProcessor.class);

    // then
    assertThat(processors).hasAtLeastOneElementOfType(AlmacenDefaults.class);
  }
}
