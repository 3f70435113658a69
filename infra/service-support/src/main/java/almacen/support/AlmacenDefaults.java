package almacen.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Puts {@value #RESOURCE} into the environment as its lowest-precedence source, before logging
 * starts: an {@code @PropertySource} comes too late for {@code logging.*} (the structured JSON logs
 * would never switch on), and every application.yml, environment variable and argument still
 * overrides it. Registered in {@code META-INF/spring.factories}; runs after the application.yml
 * files are loaded, so it is added after them.
 */
public final class AlmacenDefaults implements EnvironmentPostProcessor, Ordered {

  static final String RESOURCE = "almacen-defaults.properties";
  static final String SOURCE_NAME = "almacenDefaults";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    if (environment.getPropertySources().contains(SOURCE_NAME)) {
      return;
    }
    try {
      for (PropertySource<?> source :
          new PropertiesPropertySourceLoader()
              .load(
                  SOURCE_NAME,
                  new ClassPathResource(RESOURCE, AlmacenDefaults.class.getClassLoader()))) {
        environment.getPropertySources().addLast(source);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE + " from the classpath", e);
    }
  }

  @Override
  public int getOrder() {
    return ConfigDataEnvironmentPostProcessor.ORDER + 1;
  }
}
