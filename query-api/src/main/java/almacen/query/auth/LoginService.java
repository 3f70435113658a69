package almacen.query.auth;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Checks credentials in about the same time whether the user exists or not: an unknown user is
 * checked against a dummy hash, so timing does not tell which user names exist.
 */
public final class LoginService {

  /** BCrypt reads at most 72 bytes; longer passwords are refused rather than silently truncated. */
  static final int MAX_PASSWORD_BYTES = 72;

  private final UserAccounts users;
  private final PasswordEncoder encoder;
  private final String dummyHash;

  public LoginService(UserAccounts users, PasswordEncoder encoder) {
    this.users = Objects.requireNonNull(users, "users");
    this.encoder = Objects.requireNonNull(encoder, "encoder");
    this.dummyHash = encoder.encode("not-a-real-password-" + System.nanoTime());
  }

  /**
   * The account when the password is right; empty for an unknown user or a wrong password alike.
   */
  public Optional<UserAccount> authenticate(String username, String password) {
    Optional<UserAccount> account = username == null ? Optional.empty() : users.find(username);
    String candidate = password == null ? "" : password;
    boolean tooLong = candidate.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES;
    String hash = account.map(UserAccount::passwordHash).orElse(dummyHash);
    boolean matches = encoder.matches(tooLong ? "" : candidate, hash);
    return matches && !tooLong && account.isPresent() ? account : Optional.empty();
  }
}
