package almacen.support.security;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code almacen.security.*}: {@code enabled} (default true; only pure controller slice tests turn
 * it off), {@code audience} (this service's name in tokens: {@code ingest} or {@code query};
 * required when enabled), {@code token-ttl} of issued tokens (8h), the rate limits per client and
 * minute (0 = unlimited), and the GET paths that accept the token as query parameter {@code
 * access_token} (Server-Sent Events only); {@code connect-ports}: other ports of the same host the
 * pages may call (the dashboard calls ingest-ocr on 8081), added to the CSP's connect-src; {@code
 * cors-allowed-origins}: origins allowed to call this API from a browser (bearer tokens only, never
 * cookies, so {@code *} exposes nothing a caller does not already hold); {@code max-body-size}
 * (5MB) and {@code max-upload-size} (17MB, multipart): larger /api/** bodies get 413 before
 * anything reads them.
 */
@ConfigurationProperties("almacen.security")
public record SecurityProperties(
    @DefaultValue("true") boolean enabled,
    String audience,
    @DefaultValue("8h") Duration tokenTtl,
    @DefaultValue RateLimit rateLimit,
    @DefaultValue("/api/events") Set<String> queryTokenPaths,
    @DefaultValue Set<Integer> connectPorts,
    @DefaultValue List<String> corsAllowedOrigins,
    @DefaultValue("5MB") org.springframework.util.unit.DataSize maxBodySize,
    @DefaultValue("17MB") org.springframework.util.unit.DataSize maxUploadSize) {

  /** Requests per client address per minute; 0 means unlimited. */
  public record RateLimit(
      @DefaultValue("10") int loginPerMinute,
      @DefaultValue("600") int writesPerMinute,
      @DefaultValue("0") int readsPerMinute,
      @DefaultValue("10000") int maxTrackedClients) {}
}
