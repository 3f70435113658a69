package almacen.inventory;

import almacen.events.Product;
import almacen.events.StockLevel;
import almacen.inventory.domain.InvalidStockEventException;
import almacen.inventory.domain.LedgerResult;
import almacen.inventory.domain.ProductInfo;
import almacen.inventory.domain.StockCommand;
import almacen.inventory.domain.StockLedger;
import almacen.schemas.StoreNames;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Applies stock commands (partitioned by sku) to the levels store through {@link StockLedger} and
 * emits the ledger entry, the new level and the alert of each key touched.
 */
final class LedgerProcessor implements Processor<String, StockCommand, String, LedgerOutput> {

  /**
   * Processing time minus business time of each applied command (how late stock learns of a fact).
   */
  private static final Timer EVENT_AGE =
      Timer.builder("almacen.event.age")
          .description("Processing time minus business time of the events applied to stock")
          .publishPercentileHistogram()
          .maximumExpectedValue(Duration.ofDays(2))
          .register(Metrics.globalRegistry);

  private final StockLedger ledger;
  private final LiveCommit liveCommit;
  private ProcessorContext<String, LedgerOutput> context;
  private KeyValueStore<String, StockLevel> levels;
  private KeyValueStore<String, Product> products;
  private KeyValueStore<String, String> skuBranches;

  LedgerProcessor(StockLedger ledger, LiveCommit liveCommit) {
    this.ledger = ledger;
    this.liveCommit = liveCommit;
  }

  @Override
  public void init(ProcessorContext<String, LedgerOutput> context) {
    this.context = context;
    liveCommit.init(context);
    this.levels = context.getStateStore(StoreNames.INVENTORY_LEVELS);
    this.products = context.getStateStore(StoreNames.INVENTORY_PRODUCTS);
    this.skuBranches = context.getStateStore(StoreNames.INVENTORY_SKU_BRANCHES);
  }

  @Override
  public void process(Record<String, StockCommand> record) {
    StockCommand command = record.value();
    if (command == null) {
      throw new InvalidStockEventException("Empty stock command with key " + record.key());
    }
    ProductInfo product = ProductInfo.ofNullable(command.sku(), products.get(command.sku()));
    EVENT_AGE.record(Duration.between(command.occurredAt(), Instant.now()).abs());
    for (LedgerResult result : ledger.execute(command, levels::get, product)) {
      emit(record, result);
    }
    liveCommit.afterRecord(record.timestamp());
  }

  private void emit(Record<String, StockCommand> record, LedgerResult result) {
    StockLevel level = result.level();
    String key = StoreNames.branchSkuKey(level.getBranch(), level.getSku());
    if (result.created()) {
      skuBranches.put(
          InventoryTopology.skuBranchKey(level.getSku(), level.getBranch()), level.getBranch());
    }
    levels.put(key, level);
    context.forward(
        record.withKey(key).withValue(new LedgerOutput(result.movement(), level, result.alert())));
  }
}
