package almacen.query.auth;

import almacen.domain.Identifiers;
import almacen.events.User;
import almacen.support.security.Role;
import almacen.support.security.UserDirectoryListener;
import almacen.support.web.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The rules of user management: names, password strength (≥ {@value #MIN_PASSWORD} characters, at
 * most 72 bytes, the most BCrypt reads), known roles, branch shape, one active admin at least;
 * changes are user records on the users topic, only ever with a BCrypt hash. A change returns once
 * committed and, within {@link #READ_BACK}, read back by this instance's directory, so the next
 * read shows it. Passwords are never logged.
 */
public final class UserAdmin {

  static final int MIN_PASSWORD = 10;
  static final Duration READ_BACK = Duration.ofSeconds(10);
  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final Logger log = LoggerFactory.getLogger(UserAdmin.class);

  private final UserDirectoryListener directory;
  private final UserPublisher publisher;
  private final PasswordEncoder encoder;
  private final Clock clock;

  UserAdmin(
      UserDirectoryListener directory,
      UserPublisher publisher,
      PasswordEncoder encoder,
      Clock clock) {
    this.directory = directory;
    this.publisher = publisher;
    this.encoder = encoder;
    this.clock = clock;
  }

  /** A change of {@code PUT /api/users/{username}}; null fields stay as they are. */
  public record Change(
      List<String> roles, String password, boolean branchGiven, String branch, Boolean active) {}

  public List<User> list() {
    return directory.users();
  }

  public synchronized User create(
      String username, String password, List<String> roles, String branch, String by) {
    if (username == null || username.isBlank()) {
      throw ApiException.badRequest("MISSING_FIELD", "username is required", "username");
    }
    if (!USERNAME.matcher(username).matches()) {
      throw ApiException.badRequest(
          "INVALID_USERNAME", "username must be 1 to 64 letters, digits, '_' or '-'", "username");
    }
    if (directory.user(username).isPresent()) {
      throw ApiException.conflict(
          "USER_EXISTS", "User " + username + " already exists", "username");
    }
    User user =
        User.newBuilder()
            .setUsername(username)
            .setPasswordHash(encoder.encode(checkedPassword(password)))
            .setRoles(claims(checkedRoles(roles)))
            .setBranch(checkedBranch(branch))
            .setActive(true)
            .setUpdatedAt(clock.instant())
            .setUpdatedBy(by)
            .build();
    save(user);
    log.info("User {} created by {} with roles {}", username, by, user.getRoles());
    return user;
  }

  public synchronized User update(String username, Change change, String by) {
    User current =
        directory.user(username).orElseThrow(() -> ApiException.notFound("No user " + username));
    User.Builder next = User.newBuilder(current).setUpdatedAt(clock.instant()).setUpdatedBy(by);
    if (change.roles() != null) {
      next.setRoles(claims(checkedRoles(change.roles())));
    }
    if (change.password() != null) {
      next.setPasswordHash(encoder.encode(checkedPassword(change.password())));
    }
    if (change.branchGiven()) {
      next.setBranch(checkedBranch(change.branch()));
    }
    if (change.active() != null) {
      next.setActive(change.active());
    }
    User user = next.build();
    if (!isActiveAdmin(user) && isActiveAdmin(current) && activeAdmins() <= 1) {
      throw ApiException.conflict(
          "LAST_ADMIN",
          "User " + username + " is the last active admin: make another admin first",
          change.active() != null ? "active" : "roles");
    }
    save(user);
    log.info(
        "User {} changed by {}: roles {}, branch {}, active {}{}",
        username,
        by,
        user.getRoles(),
        user.getBranch(),
        user.getActive(),
        change.password() != null ? ", new password" : "");
    return user;
  }

  /**
   * Writes the users of a users file that the topic does not have yet (a file user changed from the
   * dashboard keeps its dashboard state).
   */
  synchronized int seed(Collection<UserAccount> accounts) {
    int written = 0;
    for (UserAccount account : accounts) {
      if (directory.user(account.username()).isEmpty()) {
        save(
            User.newBuilder()
                .setUsername(account.username())
                .setPasswordHash(account.passwordHash())
                .setRoles(claims(account.roles()))
                .setBranch(null)
                .setActive(true)
                .setUpdatedAt(clock.instant())
                .setUpdatedBy("users-file")
                .build());
        written++;
      }
    }
    return written;
  }

  private void save(User user) {
    RecordMetadata written = publisher.publish(user);
    try {
      if (!directory.awaitRead(written.partition(), written.offset(), READ_BACK)) {
        log.warn("User {} is committed but not read back yet", user.getUsername());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(
          HttpStatus.SERVICE_UNAVAILABLE, "INTERRUPTED", "Interrupted; the change is saved", null);
    }
  }

  private long activeAdmins() {
    return directory.users().stream().filter(UserAdmin::isActiveAdmin).count();
  }

  private static boolean isActiveAdmin(User user) {
    return user.getActive() && user.getRoles().contains(Role.ADMIN.claim());
  }

  static String checkedPassword(String password) {
    if (password == null) {
      throw ApiException.badRequest("MISSING_FIELD", "password is required", "password");
    }
    if (password.codePointCount(0, password.length()) < MIN_PASSWORD) {
      throw ApiException.badRequest(
          "WEAK_PASSWORD",
          "The password must have at least " + MIN_PASSWORD + " characters",
          "password");
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > LoginService.MAX_PASSWORD_BYTES) {
      throw ApiException.badRequest(
          "PASSWORD_TOO_LONG",
          "The password must be at most " + LoginService.MAX_PASSWORD_BYTES + " bytes",
          "password");
    }
    return password;
  }

  static Set<Role> checkedRoles(List<String> roles) {
    if (roles == null || roles.isEmpty()) {
      throw ApiException.badRequest("MISSING_FIELD", "roles needs at least one role", "roles");
    }
    Set<Role> known = EnumSet.noneOf(Role.class);
    for (String role : roles) {
      Optional<Role> parsed = parse(role);
      if (parsed.isEmpty()) {
        throw ApiException.badRequest(
            "UNKNOWN_ROLE", "Unknown role '" + role + "' (admin, cashier, stock, viewer)", "roles");
      }
      known.add(parsed.get());
    }
    return known;
  }

  static String checkedBranch(String branch) {
    if (branch == null || branch.isEmpty()) {
      return null;
    }
    if (!Identifiers.isBranch(branch)) {
      throw ApiException.badRequest(
          "INVALID_BRANCH",
          "branch must be lower-case letters, digits and '-' (e.g. central)",
          "branch");
    }
    return branch;
  }

  private static Optional<Role> parse(String role) {
    if (role == null) {
      return Optional.empty();
    }
    for (Role r : Role.values()) {
      if (r.claim().equals(role)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  private static List<String> claims(Set<Role> roles) {
    List<String> out = new ArrayList<>();
    for (Role r : Role.values()) {
      if (roles.contains(r)) {
        out.add(r.claim());
      }
    }
    return out;
  }
}
