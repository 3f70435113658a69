package almacen.support.security;

import almacen.schemas.Topics;
import almacen.support.AlmacenSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The live user directory of a service that checks tokens (one with an audience), read from the
 * users topic; imported by {@code SupportConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "almacen.security.enabled", matchIfMissing = true)
@ConditionalOnExpression("'${almacen.security.audience:}'.trim() != ''")
public class UserDirectoryConfiguration {

  @Bean(destroyMethod = "close")
  UserDirectoryListener userDirectoryListener(AlmacenSettings settings, Topics topics) {
    UserDirectoryListener listener =
        new UserDirectoryListener(settings.bootstrapServers(), topics.users);
    listener.start();
    return listener;
  }
}
