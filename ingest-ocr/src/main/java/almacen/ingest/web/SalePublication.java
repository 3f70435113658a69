package almacen.ingest.web;

import almacen.events.Sale;
import almacen.ingest.publish.EventPublisher;
import almacen.ingest.publish.OutgoingEvent;
import almacen.schemas.Topics;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Publishes accepted sales, each saleId once: a saleId seen recently ({@link RecentIds}) is not
 * published again, and neither is a repeat within one batch. Returns once the broker has committed.
 */
final class SalePublication {

  private final EventPublisher publisher;
  private final Topics topics;
  private final RecentIds recent;

  SalePublication(EventPublisher publisher, Topics topics, int recentIds) {
    this.publisher = publisher;
    this.topics = topics;
    this.recent = new RecentIds(recentIds);
  }

  void publish(Sale sale) {
    if (!recent.contains(sale.getSaleId())) {
      publisher.publish(List.of(event(sale)));
      recent.add(sale.getSaleId());
    }
  }

  /** All in one transaction (a batch is all or nothing). */
  void publishAll(List<Sale> sales) {
    Set<String> ids = new LinkedHashSet<>();
    List<OutgoingEvent<?>> events = new ArrayList<>();
    for (Sale sale : sales) {
      if (!recent.contains(sale.getSaleId()) && ids.add(sale.getSaleId())) {
        events.add(event(sale));
      }
    }
    publisher.publish(events);
    ids.forEach(recent::add);
  }

  private OutgoingEvent<Sale> event(Sale sale) {
    return OutgoingEvent.at(topics.sales, sale.getSaleId(), sale, sale.getSoldAt());
  }
}
