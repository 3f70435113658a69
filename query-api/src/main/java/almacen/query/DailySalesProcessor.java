package almacen.query;

import almacen.domain.Decimals;
import almacen.events.Sale;
import almacen.events.SaleLine;
import almacen.schemas.StoreNames;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The money total of each sale under {@code day|branch|saleId} (day = Buenos Aires date of {@code
 * soldAt}): idempotent under redelivery and a repeated saleId, summed by prefix at query time. Days
 * older than {@code salesDaysKept} are purged by a wall-clock punctuator.
 */
final class DailySalesProcessor implements Processor<String, Sale, Void, Void> {

  private final QueryConfig config;
  private KeyValueStore<String, BigDecimal> store;

  DailySalesProcessor(QueryConfig config) {
    this.config = config;
  }

  static BigDecimal total(Sale sale) {
    BigDecimal total = BigDecimal.ZERO;
    for (SaleLine line : sale.getLines()) {
      total = total.add(line.getQty().multiply(line.getUnitPrice()));
    }
    return Decimals.money(total);
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    store = context.getStateStore(StoreNames.QUERY_SALES_DAILY);
    context.schedule(config.purgeInterval(), PunctuationType.WALL_CLOCK_TIME, this::purge);
  }

  @Override
  public void process(Record<String, Sale> record) {
    Sale sale = record.value();
    if (sale == null) {
      throw new IllegalArgumentException("Tombstone on sales for key " + record.key());
    }
    LocalDate day = sale.getSoldAt().atZone(config.zone()).toLocalDate();
    store.put(StoreKeys.dailySale(day, sale.getBranch(), sale.getSaleId()), total(sale));
  }

  /** Deletes every entry of a day before {@code today - salesDaysKept}. */
  void purge(long nowMillis) {
    LocalDate cutoff =
        Instant.ofEpochMilli(nowMillis)
            .atZone(config.zone())
            .toLocalDate()
            .minusDays(config.salesDaysKept());
    List<String> expired = new ArrayList<>();
    try (KeyValueIterator<String, BigDecimal> it = store.range(null, cutoff + "|")) {
      while (it.hasNext()) {
        expired.add(it.next().key);
      }
    }
    expired.forEach(store::delete);
  }
}
