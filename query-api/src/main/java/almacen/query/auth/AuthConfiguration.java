package almacen.query.auth;

import almacen.support.AlmacenSettings;
import almacen.support.security.RateLimiter;
import almacen.support.security.SecurityProperties;
import almacen.support.security.TokenIssuer;
import java.security.SecureRandom;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The login issuer of query-api: users file, BCrypt, {@code POST /api/auth/login}. Off with
 * security.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "almacen.security.enabled", matchIfMissing = true)
public class AuthConfiguration {

  @Bean
  PasswordEncoder passwordEncoder() {
    return new BCryptPasswordEncoder();
  }

  @Bean
  UserDirectory userDirectory(AlmacenSettings settings, PasswordEncoder encoder) {
    return UserDirectory.load(settings.home(), settings.localMode(), encoder, new SecureRandom());
  }

  @Bean
  LoginService loginService(UserDirectory users, PasswordEncoder encoder) {
    return new LoginService(users, encoder);
  }

  @Bean
  LoginController loginController(
      LoginService logins, TokenIssuer issuer, SecurityProperties properties, RateLimiter limiter) {
    if (!issuer.canSign()) {
      throw new IllegalStateException(
          "query-api issues tokens but has no private key for the current kid");
    }
    return new LoginController(logins, issuer, properties.tokenTtl(), limiter);
  }
}
