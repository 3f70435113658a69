package almacen.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.UrlResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

class AlmacenDefaultsTest {

  @Test
  void shouldSwitchOnEcsLogsButLetApplicationYmlWinWhenDefaultsAreAdded() {
    // given an environment whose application.yml says something the defaults also say
    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .addLast(
            new MapPropertySource(
                "application.yml", Map.of("management.endpoint.health.show-details", "never")));

    // when
    new AlmacenDefaults().postProcessEnvironment(environment, new SpringApplication());

    // then
    assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("ecs");
    assertThat(environment.getProperty("management.endpoint.health.show-details"))
        .isEqualTo("never");
    assertThat(
            environment.getPropertySources().stream().reduce((a, b) -> b).orElseThrow().getName())
        .isEqualTo(AlmacenDefaults.SOURCE_NAME);
  }

  @Test
  void shouldBeRegisteredWithSpringBootWhenOnTheClasspath() throws IOException {
    // when
    List<String> registered = new ArrayList<>();
    for (URL url :
        Collections.list(getClass().getClassLoader().getResources("META-INF/spring.factories"))) {
      Properties factories = PropertiesLoaderUtils.loadProperties(new UrlResource(url));
      registered.add(factories.getProperty(EnvironmentPostProcessor.class.getName(), ""));
    }

    // then
    assertThat(registered).anyMatch(names -> names.contains(AlmacenDefaults.class.getName()));
  }
}
