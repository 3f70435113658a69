package almacen.ingest.publish;

import java.util.List;

/** Counts each record in {@code almacen.ingest.events} once the delegate has it acknowledged. */
public final class MeteredEventPublisher implements EventPublisher {

  private final EventPublisher delegate;
  private final IngestMetrics metrics;

  public MeteredEventPublisher(EventPublisher delegate, IngestMetrics metrics) {
    this.delegate = delegate;
    this.metrics = metrics;
  }

  @Override
  public void publish(List<OutgoingEvent<?>> events) {
    delegate.publish(events);
    events.forEach(e -> metrics.published(e.eventType()));
  }
}
