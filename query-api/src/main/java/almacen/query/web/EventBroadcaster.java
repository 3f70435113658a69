package almacen.query.web;

import almacen.events.Invoice;
import almacen.events.Price;
import almacen.events.StockAlert;
import almacen.events.StockLevel;
import almacen.query.ChangeKind;
import almacen.query.ChangeListener;
import almacen.query.read.Json;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes read-model changes to the dashboards connected to {@code GET /api/events}. The stream
 * thread only records the change; one sender thread writes to the clients. Changes wait coalesced
 * per key: a screen needs the latest level of a sku, not every step, so a bulk import that changes
 * the same key a thousand times between two sends costs one event, and nothing is dropped. Should
 * more distinct keys wait than {@code maxPending} (clients far behind), the waiting changes are
 * replaced by one {@code resync} event: the dashboard re-reads what it shows instead of silently
 * missing an update.
 */
public final class EventBroadcaster implements ChangeListener, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EventBroadcaster.class);

  /** Distinct keys that may wait for the sender before the clients are told to re-read instead. */
  static final int MAX_PENDING = 50_000;

  static final String RESYNC_EVENT = "resync";

  private final List<SseEmitter> clients = new CopyOnWriteArrayList<>();

  /** Whose token opened each stream, for {@link #closeStreamsOf}. */
  private final Map<SseEmitter, String> owners = new ConcurrentHashMap<>();

  private final ZoneId zone;
  private final int maxPending;
  private final Object lock = new Object();
  private final AtomicLong coalesced = new AtomicLong();
  private final AtomicLong resyncs = new AtomicLong();
  private final Thread sender;

  /** Latest change per kind and key, in order of first arrival; guarded by {@link #lock}. */
  private LinkedHashMap<String, Change> pending = new LinkedHashMap<>();

  private boolean resyncPending;
  private volatile boolean closed;

  public EventBroadcaster(ZoneId zone) {
    this(zone, MAX_PENDING);
  }

  EventBroadcaster(ZoneId zone, int maxPending) {
    this.zone = zone;
    this.maxPending = maxPending;
    this.sender = new Thread(this::sendLoop, "sse-sender");
    sender.setDaemon(true);
    sender.start();
  }

  /** Counts changes merged into a waiting one and resyncs sent, as {@code almacen.sse.*} meters. */
  public void bindTo(MeterRegistry registry) {
    FunctionCounter.builder("almacen.sse.coalesced", coalesced, AtomicLong::get)
        .description(
            "Changes merged into a waiting change of the same key (only the latest is pushed)")
        .register(registry);
    FunctionCounter.builder("almacen.sse.resyncs", resyncs, AtomicLong::get)
        .description("Times the clients were told to re-read because too many keys waited")
        .register(registry);
    Gauge.builder("almacen.sse.clients", clients, List::size)
        .description("Connected event streams")
        .register(registry);
  }

  public SseEmitter subscribe(long timeoutMillis) {
    SseEmitter emitter = new SseEmitter(timeoutMillis);
    return add(emitter);
  }

  /** A stream of {@code subject}'s, closed by {@link #closeStreamsOf} (user deactivated). */
  public SseEmitter subscribe(long timeoutMillis, String subject) {
    SseEmitter emitter = subscribe(timeoutMillis);
    owners.put(emitter, subject);
    return emitter;
  }

  /** Ends every open stream of {@code subject}; the number ended. */
  public int closeStreamsOf(String subject) {
    List<SseEmitter> ending =
        owners.entrySet().stream()
            .filter(owner -> owner.getValue().equals(subject))
            .map(Map.Entry::getKey)
            .toList();
    for (SseEmitter emitter : ending) {
      owners.remove(emitter);
      clients.remove(emitter);
      emitter.complete();
    }
    return ending.size();
  }

  /** Registers a client (package-private for tests, which pass their own emitter). */
  SseEmitter add(SseEmitter emitter) {
    clients.add(emitter);
    emitter.onCompletion(() -> forget(emitter));
    emitter.onTimeout(() -> forget(emitter));
    emitter.onError(e -> forget(emitter));
    return emitter;
  }

  private void forget(SseEmitter emitter) {
    clients.remove(emitter);
    owners.remove(emitter);
  }

  public int clients() {
    return clients.size();
  }

  @Override
  public void changed(ChangeKind kind, String key, Object value) {
    if (clients.isEmpty() || closed) {
      return;
    }
    synchronized (lock) {
      if (resyncPending) {
        // the clients re-read everything after the resync: this change included
        coalesced.incrementAndGet();
        return;
      }
      String id = kind.name() + '|' + key;
      if (pending.size() >= maxPending && !pending.containsKey(id)) {
        log.warn(
            "{} changes wait for slow event-stream clients; telling them to re-read instead",
            pending.size());
        coalesced.addAndGet(pending.size() + 1L);
        pending = new LinkedHashMap<>();
        resyncPending = true;
      } else if (pending.put(id, new Change(kind, key, value)) != null) {
        coalesced.incrementAndGet();
      }
      lock.notifyAll();
    }
  }

  /** Takes whatever waits and sends it, the resync first; then waits for more. */
  private void sendLoop() {
    while (!closed) {
      List<Change> batch;
      boolean resync;
      synchronized (lock) {
        while (pending.isEmpty() && !resyncPending && !closed) {
          try {
            lock.wait();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
        batch = List.copyOf(pending.values());
        pending = new LinkedHashMap<>();
        resync = resyncPending;
        resyncPending = false;
      }
      try {
        if (resync) {
          resyncs.incrementAndGet();
          send(RESYNC_EVENT, Map.of("reason", "too many changes waited; re-read"));
        }
        for (Change change : batch) {
          send(change.kind().eventName(), payload(change.kind(), change.key(), change.value()));
        }
      } catch (RuntimeException e) {
        // the one sender must outlive any batch: a dead sender leaves every screen silently stale
        log.error("Could not push {} change(s) to the event streams; going on", batch.size(), e);
      }
    }
  }

  /** One key's latest change. */
  private record Change(ChangeKind kind, String key, Object value) {}

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
      p.put("kind", i.getKind().name());
      p.put("branch", i.getBranch());
      p.put("status", i.getStatus().name());
      p.put("total", i.getTotal());
    } else if (value == null) {
      p.put("removed", true);
    }
    return p;
  }

  private void send(String event, Map<String, Object> payload) {
    List<SseEmitter> gone = new ArrayList<>();
    for (SseEmitter client : clients) {
      try {
        client.send(SseEmitter.event().name(event).data(payload));
      } catch (IOException | IllegalStateException e) {
        log.debug("SSE client gone: {}", e.getMessage());
        gone.add(client);
        end(client, e);
      }
    }
    clients.removeAll(gone);
    gone.forEach(owners::remove);
  }

  /**
   * Ends a stream whose client went away. The container may already have ended it (Tomcat refuses
   * an application thread the request once its own error handling has run): then it is gone anyway.
   */
  private static void end(SseEmitter client, Exception cause) {
    try {
      client.completeWithError(cause);
    } catch (IllegalStateException alreadyEnded) {
      log.debug("SSE stream already ended by the container: {}", alreadyEnded.getMessage());
    }
  }

  @Override
  public void close() {
    closed = true;
    sender.interrupt();
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
