package almacen.support.security;

import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code almacen.security.*}: {@code enabled} (default true; only pure controller slice tests turn it off),
 * {@code audience} (this service's name in tokens: {@code ingest} or {@code query}; required when enabled),
 * {@code token-ttl} of issued tokens (8h), the rate limits per client and minute (0 = unlimited), and the GET paths
 * that accept the token as query parameter {@code access_token} (Server-Sent Events only).
 */
@ConfigurationProperties("almacen.security")
public record SecurityProperties(
    @DefaultValue("true") boolean enabled,
    String audience,
    @DefaultValue("8h") Duration tokenTtl,
    @DefaultValue RateLimit rateLimit,
    @DefaultValue("/api/events") Set<String> queryTokenPaths) {

  /** Requests per client address per minute; 0 means unlimited. */
  public record RateLimit(
      @DefaultValue("10") int loginPerMinute,
      @DefaultValue("600") int writesPerMinute,
      @DefaultValue("0") int readsPerMinute,
      @DefaultValue("10000") int maxTrackedClients) {
  }
}
