package almacen.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyRingTest {

  @TempDir
  Path home;

  @Test
  void shouldCreateOwnerOnlyPrivateKeyAndCurrentFileWhenDirectoryIsEmpty() throws Exception {
    // given
    Path keys = home.resolve("keys");

    // when
    KeyRing ring = KeyRing.loadOrCreate(keys);

    // then
    String kid = ring.currentKid();
    assertThat(Files.readString(keys.resolve("current")).trim()).isEqualTo(kid);
    assertThat(Files.readString(keys.resolve(kid + ".public.pem"))).startsWith("-----BEGIN PUBLIC KEY-----\n");
    assertThat(Files.readString(keys.resolve(kid + ".private.pem"))).startsWith("-----BEGIN PRIVATE KEY-----\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve(kid + ".private.pem"))))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys))).isEqualTo("rwx------");
    assertThat(ring.canSign()).isTrue();
    assertThat(ring.publicKey(kid)).get().extracting(k -> k.getAlgorithm()).isIn("EdDSA", "Ed25519");
  }

  @Test
  void shouldLoadTheSameKeysWhenReopened() {
    // given
    KeyRing first = KeyRing.loadOrCreate(home.resolve("keys"));

    // when
    KeyRing second = KeyRing.loadOrCreate(home.resolve("keys"));

    // then
    assertThat(second.currentKid()).isEqualTo(first.currentKid());
    assertThat(second.publicKey(first.currentKid()).orElseThrow().getEncoded())
        .isEqualTo(first.publicKey(first.currentKid()).orElseThrow().getEncoded());
    assertThat(second.kids()).hasSize(1);
  }

  @Test
  void shouldMakeNewKeyCurrentAndKeepOldPublicKeyWhenRotated() {
    // given
    KeyRing ring = KeyRing.loadOrCreate(home.resolve("keys"));
    String old = ring.currentKid();

    // when
    String rotated = ring.rotate();

    // then
    assertThat(rotated).isNotEqualTo(old);
    assertThat(ring.currentKid()).isEqualTo(rotated);
    assertThat(ring.signingKey().kid()).isEqualTo(rotated);
    assertThat(ring.publicKey(old)).isPresent();
    assertThat(ring.kids()).containsExactlyInAnyOrder(old, rotated);
  }

  @Test
  void shouldSeeRotationByAnotherProcessWhenCurrentFileChanges() {
    // given: a service's ring and the ring of scripts/rotate-keys on the same directory
    KeyRing service = KeyRing.loadOrCreate(home.resolve("keys"));
    String old = service.currentKid();
    KeyRing script = KeyRing.load(home.resolve("keys"));

    // when
    String rotated = script.rotate();

    // then
    assertThat(service.currentKid()).isEqualTo(rotated);
    assertThat(service.signingKey().kid()).isEqualTo(rotated);
    assertThat(service.publicKey(old)).isPresent();
  }

  @Test
  void shouldFailFastWithAdviceWhenLoadingWithoutKeys() {
    // given
    Path keys = home.resolve("keys");

    // when / then
    assertThatThrownBy(() -> KeyRing.load(keys))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("never creates keys")
        .hasMessageContaining("scripts/rotate-keys");
    assertThat(keys).doesNotExist();
  }

  @Test
  void shouldVerifyOnlyWhenDirectoryHoldsPublicKeysWithoutPrivateKey() throws Exception {
    // given: a verify-only copy of the issuer's directory
    KeyRing issuer = KeyRing.loadOrCreate(home.resolve("issuer"));
    String kid = issuer.currentKid();
    Path copy = Files.createDirectories(home.resolve("copy"));
    Files.copy(home.resolve("issuer").resolve(kid + ".public.pem"), copy.resolve(kid + ".public.pem"));
    Files.copy(home.resolve("issuer").resolve("current"), copy.resolve("current"));

    // when
    KeyRing verifyOnly = KeyRing.load(copy);

    // then
    assertThat(verifyOnly.publicKey(kid)).isPresent();
    assertThat(verifyOnly.canSign()).isFalse();
    assertThatThrownBy(verifyOnly::signingKey).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("can verify, not sign");
  }

  @Test
  void shouldDeleteOldKeysButKeepCurrentWhenPruned() throws Exception {
    // given
    KeyRing ring = KeyRing.loadOrCreate(home.resolve("keys"));
    String old = ring.currentKid();
    String current = ring.rotate();
    Instant monthAgo = Instant.now().minus(Duration.ofDays(31));
    for (String kid : new String[] {old, current}) {
      Files.setLastModifiedTime(home.resolve("keys").resolve(kid + ".public.pem"), FileTime.from(monthAgo));
    }

    // when
    int deleted = ring.prune(Duration.ofDays(30), java.time.Clock.systemUTC());

    // then
    assertThat(deleted).isEqualTo(1);
    assertThat(ring.kids()).containsExactly(current);
    assertThat(home.resolve("keys").resolve(old + ".private.pem")).doesNotExist();
  }

  @Test
  void shouldNeverShowKeyMaterialWhenPrinted() {
    // given
    KeyRing ring = KeyRing.loadOrCreate(home.resolve("keys"));
    String privateBase64 = Base64.getEncoder().encodeToString(ring.signingKey().privateKey().getEncoded());
    String publicBase64 = Base64.getEncoder().encodeToString(ring.publicKey(ring.currentKid()).orElseThrow()
        .getEncoded());

    // when
    String printed = ring + " " + ring.signingKey();

    // then
    assertThat(printed).contains(ring.currentKid()).doesNotContain(privateBase64).doesNotContain(publicBase64)
        .doesNotContain(privateBase64.substring(20, 40));
  }

  @Test
  void shouldIgnoreKidThatIsNotAFileNameWhenLookedUp() {
    // given
    KeyRing ring = KeyRing.loadOrCreate(home.resolve("keys"));

    // when / then
    assertThat(ring.publicKey("../keys/" + ring.currentKid())).isEmpty();
    assertThat(ring.publicKey("")).isEmpty();
    assertThat(ring.publicKey(null)).isEmpty();
  }
}
