package almacen.query.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import almacen.support.security.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class UserDirectoryTest {

  private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(4);

  @TempDir Path home;

  @Test
  void shouldCreateAdminWithRandomOwnerOnlyPasswordWhenLocalModeHasNoUsersFile() throws Exception {
    // when
    UserDirectory users = UserDirectory.load(home, true, encoder, new SecureRandom());

    // then
    Path passwordFile = home.resolve("admin-password");
    String password = Files.readString(passwordFile).trim();
    assertThat(password).hasSize(24).matches("[A-Za-z0-9]+");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)))
        .isEqualTo("rw-------");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(home.resolve("users.properties"))))
        .isEqualTo("rw-------");
    UserAccount admin = users.find("admin").orElseThrow();
    assertThat(admin.roles()).containsExactly(Role.ADMIN);
    assertThat(encoder.matches(password, admin.passwordHash())).isTrue();
    assertThat(Files.readString(home.resolve("users.properties"))).doesNotContain(password);
  }

  @Test
  void shouldGenerateDifferentPasswordsWhenTwoHomesBootstrap(@TempDir Path other) throws Exception {
    // when
    UserDirectory.load(home, true, encoder, new SecureRandom());
    UserDirectory.load(other, true, encoder, new SecureRandom());

    // then
    assertThat(Files.readString(home.resolve("admin-password")))
        .isNotEqualTo(Files.readString(other.resolve("admin-password")));
  }

  @Test
  void shouldKeepExistingUsersAndPasswordWhenRestarted() throws Exception {
    // given
    UserDirectory.load(home, true, encoder, new SecureRandom());
    String password = Files.readString(home.resolve("admin-password"));

    // when
    UserDirectory again = UserDirectory.load(home, true, encoder, new SecureRandom());

    // then
    assertThat(Files.readString(home.resolve("admin-password"))).isEqualTo(password);
    assertThat(encoder.matches(password.trim(), again.find("admin").orElseThrow().passwordHash()))
        .isTrue();
  }

  @Test
  void shouldFailWithoutCreatingUserWhenNotLocalAndNoUsersFile() {
    // when / then
    assertThatThrownBy(() -> UserDirectory.load(home, false, encoder, new SecureRandom()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("never creates a default user");
    assertThat(home.resolve("admin-password")).doesNotExist();
    assertThat(home.resolve("users.properties")).doesNotExist();
  }

  @Test
  void shouldReadUsersAndRolesWhenYamlFileExists() throws Exception {
    // given
    String hash = encoder.encode("s3creta-larga");
    Files.writeString(
        home.resolve("users.yml"),
        """
        users:
          caja1:
            password-hash: "%s"
            roles: [cashier, viewer]
          depo:
            password-hash: "%s"
            roles: stock
        """
            .formatted(hash, hash));

    // when
    UserDirectory users = UserDirectory.load(home, false, encoder, new SecureRandom());

    // then
    assertThat(users.size()).isEqualTo(2);
    assertThat(users.find("caja1").orElseThrow().roles())
        .containsExactlyInAnyOrder(Role.CASHIER, Role.VIEWER);
    assertThat(users.find("depo").orElseThrow().roles()).containsExactly(Role.STOCK);
    assertThat(home.resolve("admin-password")).doesNotExist();
  }

  @Test
  void shouldRefusePlainPasswordWhenUsersFileHasNoBcryptHash() throws Exception {
    // given
    Files.writeString(
        home.resolve("users.properties"),
        "users.admin.password-hash=admin\nusers.admin.roles=admin\n");

    // when / then
    assertThatThrownBy(() -> UserDirectory.load(home, true, encoder, new SecureRandom()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not a BCrypt hash");
  }

  @Test
  void shouldRefuseUnknownRoleWhenUsersFileNamesIt() throws Exception {
    // given
    Files.writeString(
        home.resolve("users.properties"),
        "users.ana.password-hash=" + encoder.encode("x") + "\nusers.ana.roles=root\n");

    // when / then
    assertThatThrownBy(() -> UserDirectory.load(home, true, encoder, new SecureRandom()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("unknown role 'root'");
  }
}
