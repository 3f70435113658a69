package almacen.query.auth;

import almacen.support.security.Role;
import almacen.support.security.SecretFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.FileSystemResource;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The users file, the seed of the users topic (users the topic lacks are written to it at start;
 * from then on users are managed from the dashboard), from {@code $ALMACEN_HOME/users.yml} (or
 * {@code users.yaml}, {@code users.properties}):
 *
 * <pre>
 * users:                                   # users.properties:
 *   admin:                                 #   users.admin.password-hash=$2a$10$...
 *     password-hash: "$2a$10$..."          #   users.admin.roles=admin
 *     roles: [admin]
 * </pre>
 *
 * In local mode, when no users file exists, user {@code admin} is created with a random password
 * written to {@code $ALMACEN_HOME/admin-password} (mode 600; scripts/run-local prints it). In any
 * other mode no default user is ever created: a missing users file fails the start.
 */
public final class UserDirectory implements UserAccounts {

  public static final String ADMIN_PASSWORD_FILE = "admin-password";
  static final List<String> FILES = List.of("users.yml", "users.yaml", "users.properties");
  static final int GENERATED_PASSWORD_LENGTH = 24;
  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final Pattern KEY =
      Pattern.compile("users\\.([^.\\[]+)\\.(password-hash|roles)(\\[\\d+])?");
  private static final String ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  private static final Logger log = LoggerFactory.getLogger(UserDirectory.class);

  private final Map<String, UserAccount> users;

  UserDirectory(Map<String, UserAccount> users) {
    this.users = Map.copyOf(users);
  }

  /**
   * Loads the users file of {@code home}, bootstrapping {@code admin} first in local mode when
   * there is none.
   */
  public static UserDirectory load(
      Path home, boolean localMode, PasswordEncoder encoder, SecureRandom random) {
    Optional<Path> file = usersFile(home);
    if (file.isEmpty()) {
      if (!localMode) {
        throw new IllegalStateException(
            "No users file ("
                + String.join(", ", FILES)
                + ") in "
                + home.toAbsolutePath()
                + ": outside local mode almacén never creates a default user; write one with "
                + "BCrypt hashes (see query-api/README.md)");
      }
      file = Optional.of(createLocalAdmin(home, encoder, random));
    }
    UserDirectory directory = parse(file.get());
    log.info("Loaded {} user(s) from {}", directory.users.size(), file.get());
    return directory;
  }

  /** Every user of the file, the seed of the users topic. */
  public java.util.Collection<UserAccount> accounts() {
    return users.values();
  }

  @Override
  public Optional<UserAccount> find(String username) {
    return Optional.ofNullable(users.get(username));
  }

  public int size() {
    return users.size();
  }

  static Optional<Path> usersFile(Path home) {
    return FILES.stream().map(home::resolve).filter(Files::isRegularFile).findFirst();
  }

  private static Path createLocalAdmin(Path home, PasswordEncoder encoder, SecureRandom random) {
    StringBuilder password = new StringBuilder(GENERATED_PASSWORD_LENGTH);
    for (int i = 0; i < GENERATED_PASSWORD_LENGTH; i++) {
      password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    try {
      Files.createDirectories(home);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create " + home, e);
    }
    SecretFiles.writeOwnerOnly(
        home.resolve(ADMIN_PASSWORD_FILE), (password + "\n").getBytes(StandardCharsets.UTF_8));
    Path users = home.resolve("users.properties");
    String content =
        "# almacén users: users.<name>.password-hash = BCrypt hash, users.<name>.roles = "
            + "comma-separated roles (admin, cashier, stock, viewer)\n"
            + "users.admin.password-hash="
            + encoder.encode(password)
            + "\n"
            + "users.admin.roles=admin\n";
    SecretFiles.writeOwnerOnly(users, content.getBytes(StandardCharsets.UTF_8));
    log.info(
        "Local mode: created user admin; its password is in {} (never logged)",
        home.resolve(ADMIN_PASSWORD_FILE).toAbsolutePath());
    return users;
  }

  static UserDirectory parse(Path file) {
    Properties flat = new Properties();
    String name = file.getFileName().toString();
    if (name.endsWith(".properties")) {
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        flat.load(reader);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read users file " + file, e);
      }
    } else {
      YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
      yaml.setResources(new FileSystemResource(file));
      Properties loaded = yaml.getObject();
      if (loaded != null) {
        flat.putAll(loaded);
      }
    }
    Map<String, String> hashes = new LinkedHashMap<>();
    Map<String, Set<Role>> roles = new LinkedHashMap<>();
    for (String key : new TreeSet<>(flat.stringPropertyNames())) {
      Matcher m = KEY.matcher(key);
      if (!m.matches()) {
        throw new IllegalStateException(
            "Users file "
                + file
                + ": unexpected key '"
                + key
                + "' (expected users.<name>.password-hash and users.<name>.roles)");
      }
      String user = m.group(1);
      if (!USERNAME.matcher(user).matches()) {
        throw new IllegalStateException(
            "Users file " + file + ": bad user name '" + user + "' (letters, digits, _ -)");
      }
      String value = flat.getProperty(key).trim();
      if (m.group(2).equals("password-hash")) {
        if (!value.startsWith("$2")) {
          throw new IllegalStateException(
              "Users file "
                  + file
                  + ": the password-hash of "
                  + user
                  + " is not a BCrypt hash (plain passwords are not accepted)");
        }
        hashes.put(user, value);
      } else {
        Set<Role> userRoles = roles.computeIfAbsent(user, u -> EnumSet.noneOf(Role.class));
        for (String role : value.split(",", -1)) {
          if (!role.isBlank()) {
            try {
              userRoles.add(Role.fromClaim(role.trim()));
            } catch (IllegalArgumentException e) {
              throw new IllegalStateException(
                  "Users file "
                      + file
                      + ": unknown role '"
                      + role.trim()
                      + "' of "
                      + user
                      + " (admin, cashier, stock, viewer)");
            }
          }
        }
      }
    }
    Map<String, UserAccount> users = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : hashes.entrySet()) {
      Set<Role> userRoles = roles.getOrDefault(e.getKey(), Set.of());
      if (userRoles.isEmpty()) {
        throw new IllegalStateException(
            "Users file " + file + ": user " + e.getKey() + " has no role");
      }
      users.put(e.getKey(), new UserAccount(e.getKey(), e.getValue(), userRoles));
    }
    for (String user : roles.keySet()) {
      if (!hashes.containsKey(user)) {
        throw new IllegalStateException(
            "Users file " + file + ": user " + user + " has no password-hash");
      }
    }
    return new UserDirectory(users);
  }
}
