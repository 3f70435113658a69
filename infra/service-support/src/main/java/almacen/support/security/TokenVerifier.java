package almacen.support.security;

import almacen.support.security.InvalidTokenException.Reason;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.IncorrectClaimException;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.JwsHeader;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.LocatorAdapter;
import io.jsonwebtoken.MalformedJwtException;
import io.jsonwebtoken.MissingClaimException;
import io.jsonwebtoken.PrematureJwtException;
import io.jsonwebtoken.UnsupportedJwtException;
import java.security.Key;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Verifies access tokens: the {@code kid} header picks a public key of the {@link KeyRing} (current
 * or previous), the algorithm must be EdDSA (unsigned {@code none}, HMAC and RSA tokens are
 * refused, so a public key can never be used as an HMAC secret), {@code aud} must contain this
 * service's audience, {@code exp} is checked with at most {@link #MAX_CLOCK_SKEW} of leeway, and
 * {@code roles} must name known roles.
 */
public final class TokenVerifier {

  /** The clock leeway of CONTRACT.md: at most 30 s. */
  public static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(30);

  /** Longer tokens are refused before parsing. */
  static final int MAX_TOKEN_LENGTH = 8192;

  private static final String EDDSA = "EdDSA";

  private static final int MAX_CACHED = 10_000;

  private final KeyRing ring;
  private final String audience;
  private final JwtParser parser;
  private final Clock clock;

  /**
   * Tokens whose signature and claims were already checked: an Ed25519 verification costs about a
   * millisecond of CPU in the JDK, a map lookup nothing, and a dashboard sends the same token with
   * every request. Expiry and the signing key's presence in the ring (a pruned key revokes its
   * tokens) are still checked on every use; the cache is bounded (cleared when full).
   */
  private final Map<String, Verified> verified = new ConcurrentHashMap<>();

  /** A token already verified, with the key id that signed it. */
  private record Verified(AuthenticatedUser user, String kid) {}

  public TokenVerifier(KeyRing ring, String audience, Clock clock) {
    this.ring = Objects.requireNonNull(ring, "ring");
    if (audience == null || audience.isBlank()) {
      throw new IllegalArgumentException(
          "The audience of this service is required (e.g. ingest or query)");
    }
    this.audience = audience;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.parser =
        Jwts.parser()
            .sig()
            .clear()
            .add(Jwts.SIG.EdDSA)
            .and()
            .keyLocator(new KidLocator())
            .clock(() -> Date.from(clock.instant()))
            .clockSkewSeconds(MAX_CLOCK_SKEW.toSeconds())
            .requireAudience(audience)
            .build();
  }

  public String audience() {
    return audience;
  }

  /**
   * The user the token speaks for, or {@link InvalidTokenException} with the reason it is refused.
   */
  public AuthenticatedUser verify(String token) {
    if (token == null || token.isBlank()) {
      throw new InvalidTokenException(Reason.MISSING);
    }
    if (token.length() > MAX_TOKEN_LENGTH) {
      throw new InvalidTokenException(Reason.MALFORMED);
    }
    Verified cached = verified.get(token);
    if (cached != null) {
      if (clock.instant().isAfter(cached.user().expiresAt().plus(MAX_CLOCK_SKEW))) {
        verified.remove(token);
        throw new InvalidTokenException(Reason.EXPIRED);
      }
      if (ring.publicKey(cached.kid()).isEmpty()) {
        verified.remove(token);
        throw new InvalidTokenException(Reason.UNKNOWN_KEY);
      }
      return cached.user();
    }
    Claims claims;
    String kid;
    try {
      Jws<Claims> jws = parser.parseSignedClaims(token);
      claims = jws.getPayload();
      kid = jws.getHeader().getKeyId();
    } catch (InvalidTokenException e) {
      throw e;
    } catch (ExpiredJwtException e) {
      throw new InvalidTokenException(Reason.EXPIRED);
    } catch (PrematureJwtException e) {
      throw new InvalidTokenException(Reason.INVALID_CLAIMS);
    } catch (IncorrectClaimException | MissingClaimException e) {
      throw new InvalidTokenException(
          Claims.AUDIENCE.equals(e.getClaimName()) ? Reason.WRONG_AUDIENCE : Reason.INVALID_CLAIMS);
    } catch (UnsupportedJwtException e) {
      throw new InvalidTokenException(Reason.UNSUPPORTED_ALGORITHM);
    } catch (io.jsonwebtoken.security.SecurityException e) {
      // jjwt refuses a non-EdDSA "alg" (only EdDSA is registered) as a signature failure: name it
      // precisely
      throw new InvalidTokenException(
          EDDSA.equals(headerAlgorithm(token))
              ? Reason.BAD_SIGNATURE
              : Reason.UNSUPPORTED_ALGORITHM);
    } catch (MalformedJwtException e) {
      throw new InvalidTokenException(Reason.MALFORMED);
    } catch (JwtException | IllegalArgumentException e) {
      throw new InvalidTokenException(Reason.MALFORMED);
    }
    AuthenticatedUser user = toUser(claims);
    if (user.expiresAt() != null) {
      if (verified.size() >= MAX_CACHED) {
        verified.clear();
      }
      verified.put(token, new Verified(user, kid));
    }
    return user;
  }

  /** The "alg" of the (unverified) header, only to classify a refusal; null when unreadable. */
  private static String headerAlgorithm(String token) {
    int dot = token.indexOf('.');
    if (dot <= 0) {
      return null;
    }
    try {
      JsonNode alg =
          JsonMapper.shared()
              .readTree(Base64.getUrlDecoder().decode(token.substring(0, dot)))
              .path("alg");
      return alg.isString() ? alg.stringValue() : null;
    } catch (IllegalArgumentException | JacksonException e) {
      // an undecodable or non-JSON header: the refusal stays a bad signature's or an unsupported
      // algorithm's
      return null;
    }
  }

  private static AuthenticatedUser toUser(Claims claims) {
    String subject = claims.getSubject();
    Date expiration = claims.getExpiration();
    Object rawRoles = claims.get(TokenIssuer.ROLES_CLAIM);
    if (subject == null
        || subject.isBlank()
        || expiration == null
        || !(rawRoles instanceof Collection<?> list)
        || list.isEmpty()) {
      throw new InvalidTokenException(Reason.INVALID_CLAIMS);
    }
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (Object role : list) {
      if (!(role instanceof String name)) {
        throw new InvalidTokenException(Reason.INVALID_CLAIMS);
      }
      try {
        roles.add(Role.fromClaim(name));
      } catch (IllegalArgumentException e) {
        throw new InvalidTokenException(Reason.INVALID_CLAIMS);
      }
    }
    return new AuthenticatedUser(subject, roles, expiration.toInstant());
  }

  /**
   * Finds the public key by {@code kid}; refuses any algorithm but EdDSA before a key is even
   * chosen.
   */
  private final class KidLocator extends LocatorAdapter<Key> {
    @Override
    protected Key locate(JwsHeader header) {
      if (!EDDSA.equals(header.getAlgorithm())) {
        throw new InvalidTokenException(Reason.UNSUPPORTED_ALGORITHM);
      }
      String kid = header.getKeyId();
      if (kid == null) {
        throw new InvalidTokenException(Reason.UNKNOWN_KEY);
      }
      return ring.publicKey(kid).orElseThrow(() -> new InvalidTokenException(Reason.UNKNOWN_KEY));
    }
  }
}
