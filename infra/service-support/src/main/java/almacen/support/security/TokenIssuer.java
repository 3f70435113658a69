package almacen.support.security;

import io.jsonwebtoken.Jwts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Signs access tokens: EdDSA (Ed25519) JWTs with the current {@code kid} in the header, {@code
 * sub}, {@code aud} (the services the token is for, e.g. {@code ["ingest","query"]}), claim {@code
 * roles} (lower-case role names), {@code iat}, {@code exp} and a random {@code jti}.
 */
public final class TokenIssuer {

  /** The claim holding the lower-case role names. */
  public static final String ROLES_CLAIM = "roles";

  /** The audiences of tokens from login and scripts/token. */
  public static final Set<String> ALL_SERVICES = Set.of("ingest", "query");

  private final KeyRing ring;
  private final Clock clock;

  public TokenIssuer(KeyRing ring, Clock clock) {
    this.ring = Objects.requireNonNull(ring, "ring");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * True when this service holds the private key of the current kid (only the issuer does outside
   * local mode).
   */
  public boolean canSign() {
    return ring.canSign();
  }

  public String issue(String subject, Set<Role> roles, Set<String> audiences, Duration ttl) {
    return issueToken(subject, roles, audiences, ttl).token();
  }

  /**
   * Like {@link #issue} but also answers the expiry (whole seconds, as in the token) and the roles.
   */
  public IssuedToken issueToken(
      String subject, Set<Role> roles, Set<String> audiences, Duration ttl) {
    if (subject == null || subject.isBlank()) {
      throw new IllegalArgumentException("A token needs a subject");
    }
    if (roles == null || roles.isEmpty()) {
      throw new IllegalArgumentException("A token needs at least one role");
    }
    if (audiences == null
        || audiences.isEmpty()
        || audiences.stream().anyMatch(a -> a == null || a.isBlank())) {
      throw new IllegalArgumentException("A token needs at least one audience");
    }
    if (ttl == null || ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("A token needs a positive time to live");
    }
    KeyRing.SigningKey key = ring.signingKey();
    Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Instant expiresAt = issuedAt.plus(ttl).truncatedTo(ChronoUnit.SECONDS);
    Set<Role> roleSet = EnumSet.copyOf(roles);
    List<String> roleClaims = roleSet.stream().map(Role::claim).toList();
    String token =
        Jwts.builder()
            .header()
            .keyId(key.kid())
            .and()
            .id(UUID.randomUUID().toString())
            .subject(subject)
            .audience()
            .add(new TreeSet<>(audiences))
            .and()
            .claim(ROLES_CLAIM, roleClaims)
            .issuedAt(Date.from(issuedAt))
            .expiration(Date.from(expiresAt))
            .signWith(key.privateKey(), Jwts.SIG.EdDSA)
            .compact();
    return new IssuedToken(token, key.kid(), expiresAt, Set.copyOf(roleSet));
  }
}
