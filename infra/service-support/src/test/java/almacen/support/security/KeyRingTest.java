package almacen.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyRingTest {

  @TempDir Path home;

  @Test
  void shouldCreateOwnerOnlyPrivateKeyAndCurrentFileWhenDirectoryIsEmpty() throws Exception {
    // given
    Path keys = home.resolve("keys");

    // when
    KeyRing ring = KeyRing.loadOrCreate(keys);

    // then
    String kid = ring.currentKid();
    assertThat(Files.readString(keys.resolve("current")).trim()).isEqualTo(kid);
    assertThat(Files.readString(keys.resolve(kid + ".public.pem")))
        .startsWith("-----BEGIN PUBLIC KEY-----\n");
    assertThat(Files.readString(keys.resolve(kid + ".private.pem")))
        .startsWith("-----BEGIN PRIVATE KEY-----\n");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(keys.resolve(kid + ".private.pem"))))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys)))
        .isEqualTo("rwx------");
    assertThat(ring.canSign()).isTrue();
    assertThat(ring.publicKey(kid))
        .get()
        .extracting(k -> k.getAlgorithm())
        .isIn("EdDSA", "Ed25519");
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
    Files.copy(
        home.resolve("issuer").resolve(kid + ".public.pem"), copy.resolve(kid + ".public.pem"));
    Files.copy(home.resolve("issuer").resolve("current"), copy.resolve("current"));

    // when
    KeyRing verifyOnly = KeyRing.load(copy);

    // then
    assertThat(verifyOnly.publicKey(kid)).isPresent();
    assertThat(verifyOnly.canSign()).isFalse();
    assertThatThrownBy(verifyOnly::signingKey)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("can verify, not sign");
  }

  @Test
  void shouldDeleteKeysRetiredLongAgoButKeepCurrentWhenPruned() {
    // given a key retired by a rotation, and a clock 31 days later
    KeyRing ring = KeyRing.loadOrCreate(home.resolve("keys"));
    String old = ring.currentKid();
    String current = ring.rotate();
    java.time.Clock monthLater =
        java.time.Clock.fixed(Instant.now().plus(Duration.ofDays(31)), ZoneOffset.UTC);

    // when
    int deleted = ring.prune(Duration.ofDays(30), monthLater);

    // then
    assertThat(deleted).isEqualTo(1);
    assertThat(ring.kids()).containsExactly(current);
    assertThat(home.resolve("keys").resolve(old + ".private.pem")).doesNotExist();
  }

  @Test
  void shouldKeepAKeyRetiredJustNowWhenItsFilesAreOld() throws Exception {
    // given a key whose files look a month old (a restore, a copy) but that was current until a
    // moment ago
    KeyRing ring = KeyRing.loadOrCreate(home.resolve("keys"));
    String old = ring.currentKid();
    Instant monthAgo = Instant.now().minus(Duration.ofDays(31));
    for (String suffix : new String[] {".public.pem", ".private.pem"}) {
      Files.setLastModifiedTime(
          home.resolve("keys").resolve(old + suffix), FileTime.from(monthAgo));
    }
    String current = ring.rotate();

    // when
    int deleted = ring.prune(Duration.ofDays(30), java.time.Clock.systemUTC());

    // then tokens signed with it until now still verify
    assertThat(deleted).isZero();
    assertThat(ring.kids()).containsExactlyInAnyOrder(old, current);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({
    "20261204T095942-a12055, 2026-12-04T09:59:42Z",
    "20261204T095942123-a12055, 2026-12-04T09:59:42.123Z"
  })
  void shouldReadTheCreationTimeWhenTheKidCarriesOne(String kid, String expected) {
    assertThat(KeyRing.createdAt(kid)).contains(Instant.parse(expected));
    assertThat(KeyRing.createdAt("my-own-key")).isEmpty();
  }

  @Test
  void shouldNeverShowKeyMaterialWhenPrinted() {
    // given
    KeyRing ring = KeyRing.loadOrCreate(home.resolve("keys"));
    String privateBase64 =
        Base64.getEncoder().encodeToString(ring.signingKey().privateKey().getEncoded());
    String publicBase64 =
        Base64.getEncoder()
            .encodeToString(ring.publicKey(ring.currentKid()).orElseThrow().getEncoded());

    // when
    String printed = ring + " " + ring.signingKey();

    // then
    assertThat(printed)
        .contains(ring.currentKid())
        .doesNotContain(privateBase64)
        .doesNotContain(publicBase64)
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
