package almacen.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import almacen.events.User;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UserDirectoryListenerTest {

  @Test
  void shouldKeepKnownRolesAndIgnoreUnknownWhenRecordIsFromANewerVersion() {
    // given
    User user =
        User.newBuilder()
            .setUsername("caja1")
            .setPasswordHash("$2a$10$hash")
            .setRoles(List.of("cashier", "auditor"))
            .setBranch("norte")
            .setActive(false)
            .setUpdatedAt(Instant.parse("2025-10-15T12:00:00Z"))
            .setUpdatedBy("admin")
            .build();

    // when
    UserState state = UserDirectoryListener.state(user);

    // then
    assertThat(state).isEqualTo(new UserState("caja1", Set.of(Role.CASHIER), "norte", false));
  }
}
