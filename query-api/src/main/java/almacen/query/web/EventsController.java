package almacen.query.web;

import almacen.support.security.AuthenticatedUser;
import almacen.support.security.TokenVerifier;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Events {@code stock}, {@code price}, {@code alert}, {@code invoice} (any valid
 * token). A stream ends when its token does (expiry plus the verifier's clock leeway), so a token
 * cannot keep reading past its life, and when its user is deactivated; the dashboard reconnects
 * with a fresh one.
 */
@RestController
class EventsController {

  static final Duration MAX_STREAM = Duration.ofMinutes(30);
  private final EventBroadcaster broadcaster;
  private final Clock clock;

  EventsController(EventBroadcaster broadcaster, Clock clock) {
    this.broadcaster = broadcaster;
    this.clock = clock;
  }

  @GetMapping(path = "/api/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter events(HttpServletRequest request) throws IOException {
    Optional<AuthenticatedUser> user = AuthenticatedUser.current(request);
    Optional<Instant> expiresAt = user.map(AuthenticatedUser::expiresAt);
    long life = streamLife(expiresAt, clock.instant()).toMillis();
    SseEmitter emitter =
        user.isPresent()
            ? broadcaster.subscribe(life, user.get().subject())
            : broadcaster.subscribe(life);
    emitter.send(SseEmitter.event().name("hello").data("{}"));
    return emitter;
  }

  /** {@link #MAX_STREAM}, or less when the token expires sooner; never below one millisecond. */
  static Duration streamLife(Optional<Instant> tokenExpiresAt, Instant now) {
    if (tokenExpiresAt.isEmpty()) {
      return MAX_STREAM;
    }
    Duration left = Duration.between(now, tokenExpiresAt.get().plus(TokenVerifier.MAX_CLOCK_SKEW));
    if (left.compareTo(Duration.ofMillis(1)) < 0) {
      return Duration.ofMillis(1);
    }
    return left.compareTo(MAX_STREAM) < 0 ? left : MAX_STREAM;
  }
}
