package almacen.query.auth;

import almacen.query.web.EventBroadcaster;
import almacen.schemas.Topics;
import almacen.support.AlmacenSettings;
import almacen.support.security.RateLimiter;
import almacen.support.security.SecurityProperties;
import almacen.support.security.TokenIssuer;
import almacen.support.security.UserDirectoryListener;
import java.security.SecureRandom;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The users of query-api: the live directory of the users topic (every instance reads it all),
 * seeded from the users file, BCrypt, {@code POST /api/auth/login}, the users API and whoami. Off
 * with security.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "almacen.security.enabled", matchIfMissing = true)
public class AuthConfiguration {

  private static final Logger log = LoggerFactory.getLogger(AuthConfiguration.class);

  @Bean
  PasswordEncoder passwordEncoder() {
    return new BCryptPasswordEncoder();
  }

  @Bean(destroyMethod = "close")
  UserPublisher userPublisher(AlmacenSettings settings, Topics topics) {
    return new UserPublisher(settings.bootstrapServers(), topics.users);
  }

  @Bean
  UserAdmin userAdmin(
      UserDirectoryListener directory,
      UserPublisher publisher,
      PasswordEncoder encoder,
      Clock clock) {
    return new UserAdmin(directory, publisher, encoder, clock);
  }

  /**
   * Before the service answers: reads the users topic to its end, then writes the users of the
   * users file it lacks (in local mode with neither, an {@code admin} with a random password in
   * {@code $ALMACEN_HOME/admin-password}). Outside local mode, no users anywhere fails the start.
   */
  @Bean
  ApplicationRunner userSeed(
      UserDirectoryListener directory,
      UserAdmin admin,
      AlmacenSettings settings,
      PasswordEncoder encoder) {
    return args -> {
      if (!directory.awaitCaughtUp(settings.streams().startupTimeout())) {
        throw new IllegalStateException(
            "The users topic could not be read within "
                + settings.streams().startupTimeout()
                + ": is the broker up?");
      }
      boolean noUsers = directory.users().isEmpty();
      if (UserDirectory.usersFile(settings.home()).isEmpty() && !noUsers) {
        return;
      }
      UserDirectory file =
          UserDirectory.load(settings.home(), settings.localMode(), encoder, new SecureRandom());
      int written = admin.seed(file.accounts());
      log.info(
          "Users: {} in the topic, {} added from the users file",
          directory.users().size(),
          written);
    };
  }

  /** A deactivated user's open event streams end at once. */
  @Bean
  SmartInitializingSingleton closeStreamsOfDeactivatedUsers(
      UserDirectoryListener directory, EventBroadcaster broadcaster) {
    return () ->
        directory.onChange(
            user -> {
              if (!user.active()) {
                int closed = broadcaster.closeStreamsOf(user.username());
                if (closed > 0) {
                  log.info(
                      "Closed {} event stream(s) of deactivated user {}", closed, user.username());
                }
              }
            });
  }

  @Bean
  LoginService loginService(UserDirectoryListener directory, PasswordEncoder encoder) {
    return new LoginService(new LiveUserAccounts(directory), encoder);
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

  @Bean
  UsersController usersController(UserAdmin admin) {
    return new UsersController(admin);
  }

  @Bean
  WhoAmIController whoAmIController() {
    return new WhoAmIController();
  }
}
