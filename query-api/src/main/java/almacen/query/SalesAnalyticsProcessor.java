package almacen.query;

import almacen.domain.SaleValidity;
import almacen.events.Sale;
import almacen.events.SaleLine;
import almacen.schemas.StoreNames;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Units and amount sold per Buenos Aires day (of {@code soldAt}), branch and sku, at the price of
 * each sale line ({@code qty × unitPrice}, what the till charged), in {@link
 * StoreNames#QUERY_ANALYTICS_SALES}.
 *
 * <p>A saleId counts once: {@link StoreNames#QUERY_ANALYTICS_SALE_IDS} remembers the offset where
 * it was first seen, and a later record with the same id is a duplicate (as the inventory app
 * does). A redelivery of that same record passes the id check and is stopped by each cell's offset
 * watermark ({@link DailyCell}). A sale that fails {@link SaleValidity} (no lines, no sku, quantity
 * &le; 0, negative price...) is not counted: the inventory app rejects it whole with the same rule.
 * Days older than {@code analyticsDaysKept} are purged by a wall-clock punctuator, with the ids of
 * those days.
 */
final class SalesAnalyticsProcessor implements Processor<String, Sale, Void, Void> {

  private final QueryConfig config;
  private ProcessorContext<Void, Void> context;
  private KeyValueStore<String, DailyCell> cells;
  private KeyValueStore<String, String> saleIds;

  SalesAnalyticsProcessor(QueryConfig config) {
    this.config = config;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    this.context = context;
    cells = context.getStateStore(StoreNames.QUERY_ANALYTICS_SALES);
    saleIds = context.getStateStore(StoreNames.QUERY_ANALYTICS_SALE_IDS);
    context.schedule(config.purgeInterval(), PunctuationType.WALL_CLOCK_TIME, this::purge);
  }

  @Override
  public void process(Record<String, Sale> record) {
    Sale sale = record.value();
    if (sale == null) {
      throw new IllegalArgumentException("Tombstone on sales for key " + record.key());
    }
    if (!countable(sale)) {
      return;
    }
    long offset = AnalyticsRetention.offset(context);
    LocalDate day = sale.getSoldAt().atZone(config.zone()).toLocalDate();
    String seen = saleIds.get(sale.getSaleId());
    if (seen != null && offsetOf(seen) != offset) {
      return;
    }
    if (seen == null) {
      saleIds.put(sale.getSaleId(), day + "|" + offset);
    }
    // one addition per cell and record: two lines of the same sku must not meet the watermark twice
    Map<String, BigDecimal[]> bySku = new TreeMap<>();
    for (SaleLine line : sale.getLines()) {
      BigDecimal[] sum =
          bySku.computeIfAbsent(
              line.getSku(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
      sum[0] = sum[0].add(line.getQty());
      sum[1] = sum[1].add(line.getQty().multiply(line.getUnitPrice()));
    }
    bySku.forEach(
        (sku, sum) -> {
          String key = StoreKeys.analyticsCell(day, sale.getBranch(), sku);
          DailyCell current = cells.get(key);
          DailyCell next =
              (current == null ? DailyCell.EMPTY : current).plus(sum[0], sum[1], offset);
          if (next != null) {
            cells.put(key, next);
          }
        });
  }

  static boolean countable(Sale sale) {
    return SaleValidity.isValid(sale);
  }

  private static long offsetOf(String seen) {
    return Long.parseLong(seen.substring(seen.indexOf('|') + 1));
  }

  void purge(long nowMillis) {
    LocalDate cutoff = AnalyticsRetention.cutoff(nowMillis, config);
    AnalyticsRetention.purgeDaysBefore(cells, cutoff);
    String before = cutoff.toString();
    List<String> expired = new ArrayList<>();
    try (KeyValueIterator<String, String> it = saleIds.all()) {
      while (it.hasNext()) {
        var kv = it.next();
        if (kv.value.substring(0, kv.value.indexOf('|')).compareTo(before) < 0) {
          expired.add(kv.key);
        }
      }
    }
    expired.forEach(saleIds::delete);
  }
}
