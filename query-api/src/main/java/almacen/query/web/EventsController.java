package almacen.query.web;

import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Server-Sent Events {@code stock}, {@code price}, {@code alert}, {@code invoice} (any valid token). */
@RestController
class EventsController {

  private static final long TIMEOUT_MS = 30 * 60 * 1000L;
  private final EventBroadcaster broadcaster;

  EventsController(EventBroadcaster broadcaster) {
    this.broadcaster = broadcaster;
  }

  @GetMapping(path = "/api/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter events() throws IOException {
    SseEmitter emitter = broadcaster.subscribe(TIMEOUT_MS);
    emitter.send(SseEmitter.event().name("hello").data("{}"));
    return emitter;
  }
}
