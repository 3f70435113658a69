package almacen.query.web;

import almacen.events.Invoice;
import almacen.events.Price;
import almacen.events.StockAlert;
import almacen.events.StockLevel;
import almacen.query.ChangeKind;
import almacen.query.ChangeListener;
import almacen.query.read.Json;
import java.io.IOException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes read-model changes to the dashboards connected to {@code GET /api/events}. The stream
 * thread only enqueues; a single sender thread writes to the clients. When clients are too slow
 * and the queue is full, the event is dropped with a warning (clients re-read on reconnect).
 */
public final class EventBroadcaster implements ChangeListener, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EventBroadcaster.class);

  private final List<SseEmitter> clients = new CopyOnWriteArrayList<>();
  private final ThreadPoolExecutor sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
      new ArrayBlockingQueue<>(10_000), r -> {
        Thread t = new Thread(r, "sse-sender");
        t.setDaemon(true);
        return t;
      });
  private final ZoneId zone;

  public EventBroadcaster(ZoneId zone) {
    this.zone = zone;
  }

  public SseEmitter subscribe(long timeoutMillis) {
    SseEmitter emitter = new SseEmitter(timeoutMillis);
    clients.add(emitter);
    emitter.onCompletion(() -> clients.remove(emitter));
    emitter.onTimeout(() -> clients.remove(emitter));
    emitter.onError(e -> clients.remove(emitter));
    return emitter;
  }

  public int clients() {
    return clients.size();
  }

  @Override
  public void changed(ChangeKind kind, String key, Object value) {
    if (clients.isEmpty()) {
      return;
    }
    try {
      Map<String, Object> payload = payload(kind, key, value);
      sender.execute(() -> send(kind.eventName(), payload));
    } catch (RejectedExecutionException e) {
      log.warn("SSE queue full; {} event for {} not pushed", kind.eventName(), key);
    }
  }

  Map<String, Object> payload(ChangeKind kind, String key, Object value) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("key", key);
    if (value instanceof StockLevel l) {
      p.put("branch", l.getBranch());
      p.put("sku", l.getSku());
      p.put("onHand", l.getOnHand());
      p.put("status", l.getStatus().name());
      p.put("updatedAt", Json.instant(l.getUpdatedAt(), zone));
    } else if (value instanceof StockAlert a) {
      p.put("branch", a.getBranch());
      p.put("sku", a.getSku());
      p.put("kind", a.getStatus().name());
      p.put("onHand", a.getOnHand());
      p.put("since", Json.instant(a.getSince(), zone));
    } else if (value instanceof Price pr) {
      p.put("sku", pr.getSku());
      p.put("listPrice", Json.money(pr.getListPrice()));
      p.put("reason", pr.getReason().name());
      p.put("effectiveAt", Json.instant(pr.getEffectiveAt(), zone));
    } else if (value instanceof Invoice i) {
      p.put("invoiceId", i.getInvoiceId());
      p.put("branch", i.getBranch());
      p.put("status", i.getStatus().name());
      p.put("total", i.getTotal());
    } else if (value == null) {
      p.put("removed", true);
    }
    return p;
  }

  private void send(String event, Map<String, Object> payload) {
    for (SseEmitter client : clients) {
      try {
        client.send(SseEmitter.event().name(event).data(payload));
      } catch (IOException | IllegalStateException e) {
        log.debug("SSE client gone: {}", e.getMessage());
        clients.remove(client);
        client.completeWithError(e);
      }
    }
  }

  @Override
  public void close() {
    sender.shutdownNow();
    for (SseEmitter client : clients) {
      try {
        client.complete();
      } catch (IllegalStateException e) {
        // at shutdown Tomcat may already have recycled the response of a client that went away
        log.debug("SSE client already closed at shutdown: {}", e.getMessage());
      }
    }
    clients.clear();
  }
}
