package almacen.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A verifying service on a cluster (ingest-ocr) gets a read-only directory holding only the
 * issuer's {@code <kid>.public.pem} files (infra/compose): no private key and no {@code current}
 * file.
 */
class KeyRingVerifyOnlyTest {

  @TempDir Path home;

  private Path publicOnly;

  @AfterEach
  void makeWritableForCleanup() throws Exception {
    if (publicOnly != null) {
      Files.setPosixFilePermissions(publicOnly, PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  void shouldVerifyButRefuseToSignWhenDirectoryHoldsOnlyPublicKeys() throws Exception {
    // given: the public keys of two issuer keys copied into a read-only directory, as compose
    // mounts them
    KeyRing issuer = KeyRing.loadOrCreate(home.resolve("keys"));
    String old = issuer.currentKid();
    String current = issuer.rotate();
    publicOnly = Files.createDirectories(home.resolve("public-keys"));
    for (String kid : Set.of(old, current)) {
      Files.copy(
          home.resolve("keys").resolve(kid + KeyRing.PUBLIC_SUFFIX),
          publicOnly.resolve(kid + KeyRing.PUBLIC_SUFFIX));
    }
    Files.setPosixFilePermissions(publicOnly, PosixFilePermissions.fromString("r-x------"));

    // when
    KeyRing verifyOnly = KeyRing.load(publicOnly);

    // then: both keys verify, nothing can be signed, and nothing was written into the directory
    assertThat(verifyOnly.kids()).containsExactlyInAnyOrder(old, current);
    assertThat(verifyOnly.publicKey(current).orElseThrow().getEncoded())
        .isEqualTo(issuer.publicKey(current).orElseThrow().getEncoded());
    assertThat(verifyOnly.canSign()).isFalse();
    assertThatThrownBy(verifyOnly::signingKey)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("can verify, not sign");
    try (var files = Files.list(publicOnly)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactlyInAnyOrder(old + KeyRing.PUBLIC_SUFFIX, current + KeyRing.PUBLIC_SUFFIX);
    }
  }
}
