package almacen.ingest.publish;

import java.util.ArrayList;
import java.util.List;

/** A fake EventPublisher: records what is published, or fails like a dead broker. */
public final class RecordingPublisher implements EventPublisher {

  private final List<List<OutgoingEvent<?>>> calls = new ArrayList<>();
  private volatile boolean brokerDown;

  @Override
  public synchronized void publish(List<OutgoingEvent<?>> events) {
    if (brokerDown) {
      throw new BrokerUnavailableException("fake broker down", null);
    }
    // encode like the real publisher does, so a value Avro cannot write fails here as it would in
    // production
    for (OutgoingEvent<?> event : events) {
      encode(event);
    }
    calls.add(List.copyOf(events));
  }

  public synchronized List<OutgoingEvent<?>> events() {
    return calls.stream().flatMap(List::stream).toList();
  }

  public synchronized List<List<OutgoingEvent<?>>> calls() {
    return List.copyOf(calls);
  }

  private static <V> void encode(OutgoingEvent<V> event) {
    event.topic().valueSerde().serializer().serialize(event.topic().name(), event.value());
  }

  public void brokerDown(boolean down) {
    this.brokerDown = down;
  }
}
