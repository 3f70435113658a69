package almacen.query.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import almacen.events.StockLevel;
import almacen.events.StockStatus;
import almacen.query.ChangeKind;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

class EventBroadcasterTest {

  private static final ZoneId ZONE = ZoneId.of("America/Argentina/Buenos_Aires");

  private EventBroadcaster broadcaster;

  @AfterEach
  void close() {
    broadcaster.close();
  }

  @Test
  void shouldPushOnlyTheLatestLevelOfAKeyWhenItChangesWhileTheSenderIsBusy() throws Exception {
    // given: a client that holds the first event until released, as a slow connection does
    broadcaster = new EventBroadcaster(ZONE);
    RecordingClient client = new RecordingClient(1);
    broadcaster.add(client);

    // when: a bulk import moves the same sku 100 times and another once while the first event is on
    // its way
    broadcaster.changed(ChangeKind.STOCK, "B1|YERBA", level("YERBA", "10"));
    client.awaitFirstSend();
    for (int onHand = 9; onHand >= -90; onHand--) {
      broadcaster.changed(ChangeKind.STOCK, "B1|YERBA", level("YERBA", String.valueOf(onHand)));
    }
    broadcaster.changed(ChangeKind.STOCK, "B1|ARROZ", level("ARROZ", "5"));
    client.release();

    // then: nothing lost — the first level, then the latest of each key, once
    await().atMost(Duration.ofSeconds(10)).until(() -> client.events.size() >= 3);
    assertThat(client.events).containsExactly("stock YERBA 10", "stock YERBA -90", "stock ARROZ 5");
  }

  @Test
  void shouldTellClientsToReReadWhenMoreKeysWaitThanAllowed() throws Exception {
    // given: room for three waiting keys and a client stuck on the first event
    broadcaster = new EventBroadcaster(ZONE, 3);
    RecordingClient client = new RecordingClient(1);
    broadcaster.add(client);
    broadcaster.changed(ChangeKind.STOCK, "B1|A", level("A", "1"));
    client.awaitFirstSend();

    // when: five distinct keys change while it is stuck
    for (String sku : List.of("B", "C", "D", "E", "F")) {
      broadcaster.changed(ChangeKind.STOCK, "B1|" + sku, level(sku, "2"));
    }
    client.release();

    // then: instead of dropping some silently, one resync tells the client to re-read everything
    await().atMost(Duration.ofSeconds(10)).until(() -> client.events.size() >= 2);
    assertThat(client.events).containsExactly("stock A 1", "resync");
  }

  @Test
  void shouldSendChangesAgainNormallyAfterAResync() throws Exception {
    // given: a resync already sent
    broadcaster = new EventBroadcaster(ZONE, 1);
    RecordingClient client = new RecordingClient(1);
    broadcaster.add(client);
    broadcaster.changed(ChangeKind.STOCK, "B1|A", level("A", "1"));
    client.awaitFirstSend();
    broadcaster.changed(ChangeKind.STOCK, "B1|B", level("B", "1"));
    broadcaster.changed(ChangeKind.STOCK, "B1|C", level("C", "1"));
    client.release();
    await().atMost(Duration.ofSeconds(10)).until(() -> client.events.contains("resync"));

    // when
    broadcaster.changed(ChangeKind.STOCK, "B1|D", level("D", "7"));

    // then
    await().atMost(Duration.ofSeconds(10)).until(() -> client.events.size() >= 3);
    assertThat(client.events).containsExactly("stock A 1", "resync", "stock D 7");
  }

  private static StockLevel level(String sku, String onHand) {
    // only what the event carries (the builder would ask for every field of the record)
    StockLevel level = new StockLevel();
    level.setBranch("B1");
    level.setSku(sku);
    level.setOnHand(new BigDecimal(onHand));
    level.setStatus(StockStatus.OK);
    level.setUpdatedAt(Instant.parse("2026-12-04T12:00:00Z"));
    return level;
  }

  @Test
  void shouldKeepPushingToOtherClientsWhenAGoneClientCannotEvenBeEnded() throws Exception {
    // given: a client whose connection dropped and whose stream the container already ended, as
    // Tomcat does (send fails, then completeWithError throws), beside a connected one
    broadcaster = new EventBroadcaster(ZONE);
    RecordingClient connected = new RecordingClient(0);
    broadcaster.add(new GoneClient());
    broadcaster.add(connected);

    // when: two changes, the first one meeting the gone client
    broadcaster.changed(ChangeKind.STOCK, "B1|YERBA", level("YERBA", "10"));
    await().atMost(Duration.ofSeconds(10)).until(() -> broadcaster.clients() == 1);
    broadcaster.changed(ChangeKind.STOCK, "B1|ARROZ", level("ARROZ", "5"));

    // then: the sender survived and the connected client got both
    await().atMost(Duration.ofSeconds(10)).until(() -> connected.events.size() >= 2);
    assertThat(connected.events).containsExactly("stock YERBA 10", "stock ARROZ 5");
  }

  /** A client that went away after the container had already ended its stream. */
  private static final class GoneClient extends SseEmitter {
    GoneClient() {
      super(0L);
    }

    @Override
    public void send(SseEventBuilder builder) throws IOException {
      throw new IOException("Broken pipe");
    }

    @Override
    public void completeWithError(Throwable ex) {
      throw new IllegalStateException(
          "A non-container (application) thread attempted to use the AsyncContext after an error");
    }
  }

  /** An emitter that records "event sku onHand" and can hold its first sends until released. */
  private static final class RecordingClient extends SseEmitter {
    final List<String> events = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstSend = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private int held;

    RecordingClient(int held) {
      super(0L);
      this.held = held;
    }

    void awaitFirstSend() throws InterruptedException {
      assertThat(firstSend.await(10, TimeUnit.SECONDS)).isTrue();
    }

    void release() {
      released.countDown();
    }

    @Override
    public void send(SseEventBuilder builder) throws IOException {
      String name = null;
      Object data = null;
      for (var part : builder.build()) {
        if (part.getData() instanceof String text && text.startsWith("event:")) {
          name = text.substring("event:".length(), text.indexOf('\n'));
        } else if (part.getData() instanceof Map<?, ?> map) {
          data = map;
        }
      }
      if (data instanceof Map<?, ?> map && map.containsKey("sku")) {
        events.add(
            name + " " + map.get("sku") + " " + ((BigDecimal) map.get("onHand")).toPlainString());
      } else {
        events.add(name);
      }
      if (held-- > 0) {
        firstSend.countDown();
        try {
          released.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }
}
