package almacen.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TokenCliTest {

  private static final Instant NOW = Instant.parse("2025-10-15T12:00:00Z");

  @TempDir Path home;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final MutableClock clock = new MutableClock(NOW);

  @Test
  void shouldPrintOnlyAVerifiableTokenWhenKeysExist() {
    // given
    KeyRing ring = KeyRing.loadOrCreate(home.resolve("keys"));

    // when
    int code =
        cli("local")
            .run(new String[] {"token", "stock", "--ttl", "15m", "--home", home.toString()});

    // then
    assertThat(code).isEqualTo(0);
    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(printed).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\n");
    AuthenticatedUser user = new TokenVerifier(ring, "ingest", clock).verify(printed.trim());
    assertThat(user.subject()).isEqualTo("cli-stock");
    assertThat(user.roles()).containsExactly(Role.STOCK);
    assertThat(user.expiresAt()).isEqualTo(Instant.parse("2025-10-15T12:15:00Z"));
    assertThat(new TokenVerifier(ring, "query", clock).verify(printed.trim()).subject())
        .isEqualTo("cli-stock");
  }

  @Test
  void shouldRefuseWithoutCreatingKeysWhenKeysDirectoryIsMissing() {
    // when
    int code = cli("local").run(new String[] {"token", "admin", "--home", home.toString()});

    // then
    assertThat(code).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("No keys in")
        .contains("scripts/run-local");
    assertThat(home.resolve("keys")).doesNotExist();
  }

  @Test
  void shouldRefuseWhenModeIsNotLocal() {
    // given
    KeyRing.loadOrCreate(home.resolve("keys"));

    // when
    int code = cli("cluster").run(new String[] {"token", "admin", "--home", home.toString()});

    // then
    assertThat(code).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("local mode only");
  }

  @ParameterizedTest
  @ValueSource(strings = {"root", "", "--ttl"})
  void shouldExitWithUsageWhenRoleIsUnknownOrMissing(String role) {
    // given
    KeyRing.loadOrCreate(home.resolve("keys"));

    // when
    int code = cli("local").run(new String[] {"token", role, "--home", home.toString()});

    // then
    assertThat(code).isEqualTo(2);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({"30s, PT30S", "15m, PT15M", "8h, PT8H", "2d, PT48H"})
  void shouldParseTtlWhenUnitIsSecondsMinutesHoursOrDays(String text, Duration expected) {
    assertThat(TokenCli.parseDuration(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"8", "h", "0s", "-5m", "1.5h", "8 hours", "8H"})
  void shouldRefuseTtlWhenNotNumberAndUnit(String text) {
    assertThatThrownBy(() -> TokenCli.parseDuration(text))
        .isInstanceOf(TokenCli.UsageException.class)
        .hasMessageContaining("30s, 15m, 8h");
  }

  @Test
  void shouldPrintNewCurrentKidAndKeepOldKeyWhenRotating() {
    // given
    KeyRing ring = KeyRing.loadOrCreate(home.resolve("keys"));
    String old = ring.currentKid();

    // when
    int code = cli("local").run(new String[] {"rotate", "--home", home.toString()});

    // then
    assertThat(code).isEqualTo(0);
    String kid = out.toString(StandardCharsets.UTF_8).trim();
    assertThat(kid).isNotEqualTo(old);
    assertThat(ring.currentKid()).isEqualTo(kid);
    assertThat(ring.kids()).containsExactlyInAnyOrder(old, kid);
  }

  private TokenCli cli(String mode) {
    return new TokenCli(
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        clock,
        mode);
  }
}
