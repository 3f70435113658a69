package almacen.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import almacen.support.security.InvalidTokenException.Reason;
import io.jsonwebtoken.Jwts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenVerifierTest {

  private static final Instant NOW = Instant.parse("2025-10-15T12:00:00Z");
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  @TempDir Path home;

  private final MutableClock clock = new MutableClock(NOW);
  private KeyRing ring;
  private TokenIssuer issuer;
  private TokenVerifier verifier;

  @BeforeEach
  void setUp() {
    ring = KeyRing.loadOrCreate(home.resolve("keys"));
    issuer = new TokenIssuer(ring, clock);
    verifier = new TokenVerifier(ring, "query", clock);
  }

  @Test
  void shouldReturnSubjectRolesAndExpiryWhenTokenIsValid() {
    // given
    IssuedToken token =
        issuer.issueToken(
            "ana",
            Set.of(Role.CASHIER, Role.VIEWER),
            Set.of("ingest", "query"),
            Duration.ofHours(8));

    // when
    AuthenticatedUser user = verifier.verify(token.token());

    // then
    assertThat(user.subject()).isEqualTo("ana");
    assertThat(user.roles()).containsExactlyInAnyOrder(Role.CASHIER, Role.VIEWER);
    assertThat(user.expiresAt()).isEqualTo(Instant.parse("2025-10-15T20:00:00Z"));
    assertThat(token.expiresAt()).isEqualTo(Instant.parse("2025-10-15T20:00:00Z"));
  }

  @Test
  void shouldWriteKidAudienceAndLowerCaseRolesWhenIssued() {
    // given
    String token =
        issuer.issue("ana", Set.of(Role.ADMIN), Set.of("ingest", "query"), Duration.ofMinutes(5));

    // when
    String header = decodePart(token, 0);
    String payload = decodePart(token, 1);

    // then
    assertThat(header)
        .contains("\"alg\":\"EdDSA\"")
        .contains("\"kid\":\"" + ring.currentKid() + "\"");
    assertThat(payload)
        .contains("\"aud\":[\"ingest\",\"query\"]")
        .contains("\"roles\":[\"admin\"]")
        .contains("\"sub\":\"ana\"");
  }

  @Test
  void shouldVerifyTokensOfOldAndNewKeyWhenRotated() {
    // given
    String oldKid = ring.currentKid();
    String before = issuer.issue("ana", Set.of(Role.STOCK), Set.of("query"), Duration.ofHours(1));

    // when
    String newKid = ring.rotate();
    String after = issuer.issue("ana", Set.of(Role.STOCK), Set.of("query"), Duration.ofHours(1));

    // then
    assertThat(newKid).isNotEqualTo(oldKid);
    assertThat(decodePart(after, 0)).contains("\"kid\":\"" + newKid + "\"");
    assertThat(verifier.verify(before).subject()).isEqualTo("ana");
    assertThat(verifier.verify(after).subject()).isEqualTo("ana");
  }

  @Test
  void shouldRefuseACachedTokenWhenItsKeyWasPruned() {
    // given a token verified (and cached) while its key was current
    String token = issuer.issue("ana", Set.of(Role.VIEWER), Set.of("query"), Duration.ofDays(60));
    assertThat(verifier.verify(token).subject()).isEqualTo("ana");

    // when its key is retired and pruned
    ring.rotate();
    assertThat(
            ring.prune(
                Duration.ofDays(30),
                java.time.Clock.fixed(
                    Instant.now().plus(Duration.ofDays(31)), java.time.ZoneOffset.UTC)))
        .isEqualTo(1);

    // then the cached token is refused like any token of an unknown key
    assertRefused(token, Reason.UNKNOWN_KEY);
  }

  @ParameterizedTest(name = "verified once, then {0} s after expiry → accepted={1}")
  @CsvSource({"30, true", "31, false"})
  void shouldStillCheckExpiryWhenTokenWasVerifiedBefore(long secondsLate, boolean accepted) {
    // given: a token already verified (and cached) while valid
    String token = issuer.issue("ana", Set.of(Role.VIEWER), Set.of("query"), Duration.ofMinutes(5));
    assertThat(verifier.verify(token).subject()).isEqualTo("ana");

    // when
    clock.advance(Duration.ofMinutes(5).plusSeconds(secondsLate));

    // then
    if (accepted) {
      assertThat(verifier.verify(token).roles()).containsExactly(Role.VIEWER);
    } else {
      assertRefused(token, Reason.EXPIRED);
    }
  }

  @Test
  void shouldRefuseTamperedCopyWhenOriginalWasCached() {
    // given
    String token = issuer.issue("ana", Set.of(Role.VIEWER), Set.of("query"), Duration.ofMinutes(5));
    verifier.verify(token);
    String[] parts = token.split("\\.", -1);
    String tampered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

    // then
    assertRefused(tampered, Reason.BAD_SIGNATURE);
  }

  @ParameterizedTest(name = "{0} s after expiry → accepted={1}")
  @CsvSource({"0, true", "29, true", "30, true", "31, false", "3600, false"})
  void shouldAcceptExpiredTokenOnlyWithinThirtySecondsWhenClocksDiffer(
      long secondsLate, boolean accepted) {
    // given
    String token = issuer.issue("ana", Set.of(Role.VIEWER), Set.of("query"), Duration.ofMinutes(5));

    // when
    clock.advance(Duration.ofMinutes(5).plusSeconds(secondsLate));

    // then
    if (accepted) {
      assertThat(verifier.verify(token).subject()).isEqualTo("ana");
    } else {
      assertRefused(token, Reason.EXPIRED);
    }
  }

  @Test
  void shouldRefuseWhenAudienceIsAnotherService() {
    // given
    String token = issuer.issue("ana", Set.of(Role.ADMIN), Set.of("ingest"), Duration.ofMinutes(5));

    // when / then
    assertRefused(token, Reason.WRONG_AUDIENCE);
  }

  @Test
  void shouldRefuseWhenSignatureIsTampered() {
    // given
    String token = issuer.issue("ana", Set.of(Role.VIEWER), Set.of("query"), Duration.ofMinutes(5));
    String[] parts = token.split("\\.", -1);
    byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
    signature[10] ^= 0x01;

    // when
    String tampered = parts[0] + "." + parts[1] + "." + B64.encodeToString(signature);

    // then
    assertRefused(tampered, Reason.BAD_SIGNATURE);
  }

  @Test
  void shouldRefuseWhenPayloadIsChangedToAdmin() {
    // given
    String token = issuer.issue("ana", Set.of(Role.VIEWER), Set.of("query"), Duration.ofMinutes(5));
    String[] parts = token.split("\\.", -1);
    String payload = decodePart(token, 1).replace("\"viewer\"", "\"admin\"");

    // when
    String forged = parts[0] + "." + b64(payload) + "." + parts[2];

    // then
    assertRefused(forged, Reason.BAD_SIGNATURE);
  }

  @Test
  void shouldRefuseWhenAlgorithmIsNone() {
    // given
    String header = "{\"alg\":\"none\",\"kid\":\"" + ring.currentKid() + "\"}";

    // when
    String unsigned = b64(header) + "." + b64(adminPayload()) + ".";

    // then
    assertRefused(unsigned, Reason.UNSUPPORTED_ALGORITHM);
  }

  @Test
  void shouldRefuseHmacTokenKeyedWithThePublicKeyWhenAlgorithmIsConfused() throws Exception {
    // given: the classic attack — HS256 with the verifier's public key (DER and PEM bytes) as the
    // HMAC secret
    String kid = ring.currentKid();
    byte[] der = ring.publicKey(kid).orElseThrow().getEncoded();
    byte[] pem = Files.readAllBytes(home.resolve("keys").resolve(kid + ".public.pem"));
    String signingInput =
        b64("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}")
            + "."
            + b64(adminPayload());

    for (byte[] secret : List.of(der, pem)) {
      // when
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      String forged =
          signingInput
              + "."
              + B64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));

      // then
      assertRefused(forged, Reason.UNSUPPORTED_ALGORITHM);
    }
  }

  @Test
  void shouldRefuseRsaTokenWhenSignedWithAnotherKeyUnderOurKid() throws Exception {
    // given
    KeyPair rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair();

    // when
    String forged =
        Jwts.builder()
            .header()
            .keyId(ring.currentKid())
            .and()
            .subject("eve")
            .audience()
            .add("query")
            .and()
            .claim("roles", List.of("admin"))
            .expiration(Date.from(NOW.plusSeconds(600)))
            .signWith(rsa.getPrivate(), Jwts.SIG.RS256)
            .compact();

    // then
    assertRefused(forged, Reason.UNSUPPORTED_ALGORITHM);
  }

  @Test
  void shouldRefuseWhenKidIsUnknown() {
    // given: a token of another installation's key ring
    KeyRing other = KeyRing.loadOrCreate(home.resolve("other-keys"));
    String token =
        new TokenIssuer(other, clock)
            .issue("eve", Set.of(Role.ADMIN), Set.of("query"), Duration.ofMinutes(5));

    // when / then
    assertRefused(token, Reason.UNKNOWN_KEY);
  }

  @Test
  void shouldRefuseWhenKidNamesOurKeyButAnotherKeySigned() throws Exception {
    // given: another ring whose key got our kid's file name
    KeyRing other = KeyRing.loadOrCreate(home.resolve("other-keys"));
    String otherKid = other.currentKid();
    String token =
        new TokenIssuer(other, clock)
            .issue("eve", Set.of(Role.ADMIN), Set.of("query"), Duration.ofMinutes(5));
    String[] parts = token.split("\\.", -1);
    String header = decodePart(token, 0).replace(otherKid, ring.currentKid());

    // when
    String forged = b64(header) + "." + parts[1] + "." + parts[2];

    // then
    assertRefused(forged, Reason.BAD_SIGNATURE);
  }

  @ParameterizedTest(name = "\"{0}\" → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''                | MISSING",
        "'   '             | MISSING",
        "not-a-token       | MALFORMED",
        "a.b.c             | MALFORMED",
        "eyJhbGciOi.x.y    | MALFORMED"
      })
  void shouldRefuseWithTypedReasonWhenTokenIsMissingOrGarbage(String token, Reason reason) {
    assertRefused(token, reason);
  }

  @Test
  void shouldRefuseWhenRolesClaimNamesUnknownRole() throws Exception {
    // given: a validly signed token with a role almacén does not know
    String token =
        Jwts.builder()
            .header()
            .keyId(ring.currentKid())
            .and()
            .subject("ana")
            .audience()
            .add("query")
            .and()
            .claim("roles", List.of("superuser"))
            .expiration(Date.from(NOW.plusSeconds(600)))
            .signWith(ring.signingKey().privateKey(), Jwts.SIG.EdDSA)
            .compact();

    // when / then
    assertRefused(token, Reason.INVALID_CLAIMS);
  }

  @Test
  void shouldNeverEchoTheTokenWhenRefusing() {
    // given
    String token = issuer.issue("ana", Set.of(Role.ADMIN), Set.of("ingest"), Duration.ofMinutes(5));

    // when / then
    assertThatThrownBy(() -> verifier.verify(token))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessage("The access token is not meant for this service")
        .satisfies(
            e ->
                assertThat(String.valueOf(e.getCause())).doesNotContain(token.split("\\.", -1)[1]));
  }

  private void assertRefused(String token, Reason reason) {
    assertThatThrownBy(() -> verifier.verify(token))
        .isInstanceOfSatisfying(
            InvalidTokenException.class, e -> assertThat(e.reason()).isEqualTo(reason))
        .hasMessage(reason.message());
  }

  private static String adminPayload() {
    return "{\"sub\":\"eve\",\"aud\":[\"query\"],\"roles\":[\"admin\"],\"exp\":"
        + NOW.plusSeconds(600).getEpochSecond()
        + "}";
  }

  private static String b64(String json) {
    return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String decodePart(String token, int part) {
    return new String(
        Base64.getUrlDecoder().decode(token.split("\\.", -1)[part]), StandardCharsets.UTF_8);
  }
}
