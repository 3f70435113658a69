package almacen.query;

import almacen.events.MovementType;
import almacen.events.StockMovement;
import almacen.schemas.StoreNames;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The cost of the units sold per Buenos Aires day (of {@code occurredAt}), branch and sku, from the
 * ledger's SALE entries: {@code -delta × unitCost}, the moving average cost when the sale was
 * applied (an entry without a unit cost counts at zero). The ledger is written exactly once by the
 * inventory app, so a duplicate saleId never reaches it; a redelivery to this app is stopped by the
 * cell's offset watermark ({@link DailyCell}). Days older than {@code analyticsDaysKept} are
 * purged.
 */
final class CostAnalyticsProcessor implements Processor<String, StockMovement, Void, Void> {

  private final QueryConfig config;
  private ProcessorContext<Void, Void> context;
  private KeyValueStore<String, DailyCell> cells;

  CostAnalyticsProcessor(QueryConfig config) {
    this.config = config;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    this.context = context;
    cells = context.getStateStore(StoreNames.QUERY_ANALYTICS_COSTS);
    context.schedule(
        config.purgeInterval(),
        PunctuationType.WALL_CLOCK_TIME,
        now -> AnalyticsRetention.purgeDaysBefore(cells, AnalyticsRetention.cutoff(now, config)));
  }

  @Override
  public void process(Record<String, StockMovement> record) {
    StockMovement m = record.value();
    if (m == null || m.getType() != MovementType.SALE) {
      return;
    }
    LocalDate day = m.getOccurredAt().atZone(config.zone()).toLocalDate();
    BigDecimal sold = m.getDelta().negate();
    BigDecimal cost = m.getUnitCost() == null ? BigDecimal.ZERO : sold.multiply(m.getUnitCost());
    String key = StoreKeys.analyticsCell(day, m.getBranch(), m.getSku());
    DailyCell current = cells.get(key);
    DailyCell next =
        (current == null ? DailyCell.EMPTY : current)
            .plus(sold, cost, AnalyticsRetention.offset(context));
    if (next != null) {
      cells.put(key, next);
    }
  }
}
