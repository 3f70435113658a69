package almacen.query.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import almacen.support.security.Role;
import almacen.support.web.ApiException;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserAdminTest {

  @Test
  void shouldRefuseWeakPasswordWhenShorterThanTenCharacters() {
    // when / then
    assertThatThrownBy(() -> UserAdmin.checkedPassword("123456789"))
        .isInstanceOf(ApiException.class)
        .hasMessage("The password must have at least 10 characters")
        .extracting(e -> ((ApiException) e).code())
        .isEqualTo("WEAK_PASSWORD");
  }

  @Test
  void shouldAcceptPasswordWhenTenCharactersIncludingAccents() {
    // when / then: characters, not bytes
    assertThat(UserAdmin.checkedPassword("contraseña")).isEqualTo("contraseña");
  }

  @Test
  void shouldRefusePasswordWhenLongerThanBcryptReads() {
    // when / then
    assertThatThrownBy(() -> UserAdmin.checkedPassword("x".repeat(73)))
        .extracting(e -> ((ApiException) e).code())
        .isEqualTo("PASSWORD_TOO_LONG");
  }

  @Test
  void shouldRefuseRoleWhenUnknownOrWrittenInCapitals() {
    // when / then
    assertThatThrownBy(() -> UserAdmin.checkedRoles(List.of("cashier", "boss")))
        .hasMessage("Unknown role 'boss' (admin, cashier, stock, viewer)");
    assertThatThrownBy(() -> UserAdmin.checkedRoles(List.of("ADMIN")))
        .extracting(e -> ((ApiException) e).code())
        .isEqualTo("UNKNOWN_ROLE");
    assertThatThrownBy(() -> UserAdmin.checkedRoles(List.of()))
        .extracting(e -> ((ApiException) e).code())
        .isEqualTo("MISSING_FIELD");
  }

  @Test
  void shouldParseRolesWhenKnown() {
    // when / then
    assertThat(UserAdmin.checkedRoles(List.of("stock", "viewer")))
        .containsExactlyInAnyOrder(Role.STOCK, Role.VIEWER);
  }

  @Test
  void shouldClearBranchWhenEmptyAndRefuseBadShape() {
    // when / then
    assertThat(UserAdmin.checkedBranch("")).isNull();
    assertThat(UserAdmin.checkedBranch("norte")).isEqualTo("norte");
    assertThatThrownBy(() -> UserAdmin.checkedBranch("Norte Sur"))
        .extracting(e -> ((ApiException) e).code())
        .isEqualTo("INVALID_BRANCH");
  }
}
