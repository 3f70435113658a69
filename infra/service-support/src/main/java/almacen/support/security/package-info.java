/**
 * Security of every almacén service, wired by {@link
 * almacen.support.security.SecurityConfiguration} (imported by {@code SupportConfiguration}).
 *
 * <ul>
 *   <li>{@link almacen.support.security.KeyRing}: Ed25519 keys in {@code $ALMACEN_HOME/keys}
 *       ({@code <kid>.public.pem}, {@code <kid>.private.pem} mode 600, {@code current}); created in
 *       local mode, required otherwise; rotation keeps old public keys verifying.
 *   <li>{@link almacen.support.security.TokenIssuer} / {@link
 *       almacen.support.security.TokenVerifier}: EdDSA JWTs with {@code kid}, {@code aud}, {@code
 *       roles}; only EdDSA accepted; 30 s leeway on expiry.
 *   <li>One Spring Security filter chain ({@link almacen.support.security.SecurityConfiguration}):
 *       headers and CSP on every response, then {@link almacen.support.security.RateLimitFilter}
 *       (login 10/min, writes 600/min, reads unlimited per client), bearer-token authentication
 *       ({@code /api/**} except {@code /api/auth/login} → 401, with the live {@link
 *       almacen.support.security.UserStates}: a deactivated user → 401); {@link
 *       almacen.support.security.RequiresRole} as method authorization (→ 403; admin implies every
 *       role); {@link almacen.support.security.BranchAccess} for branch-bound users (→ 403).
 *   <li>{@link almacen.support.security.AuthenticatedUser}: {@code
 *       AuthenticatedUser.current(request)} or a controller parameter of that type.
 *   <li>{@link almacen.support.security.TokenCli}: behind {@code scripts/token ROLE [--ttl 8h]} and
 *       {@code scripts/rotate-keys}.
 * </ul>
 *
 * <p>Properties: {@code almacen.security.enabled} (true), {@code almacen.security.audience} ({@code
 * ingest} or {@code query}; required by a service serving {@code /api/**}), {@code
 * almacen.security.token-ttl} (8h), {@code almacen.security.rate-limit.login-per-minute} (10),
 * {@code .writes-per-minute} (600), {@code .reads-per-minute} (0 = unlimited), {@code
 * almacen.security.query-token-paths} ({@code /api/events}: GET paths where {@code ?access_token=}
 * is accepted, for EventSource).
 *
 * <pre>
 * $ curl -s -X POST localhost:8080/api/auth/login -H 'Content-Type: application/json' \
 *     -d "{\"username\":\"admin\",\"password\":\"$(cat .almacen/admin-password)\"}"
 * {"accessToken":"eyJraWQiOiIyMDI1MTAxNVQxMjAwMDAtYTFiMmMzIiwiYWxnIjoiRWREU0EifQ...","expiresAt":"2025-10-15T20:00:00Z","roles":["admin"]}
 * $ curl -s localhost:8081/api/sales -X POST -H "Authorization: Bearer $(scripts/token viewer)" ...
 * {"error":"FORBIDDEN","message":"This action needs the role cashier; your token has viewer","field":null}
 * </pre>
 */
package almacen.support.security;
