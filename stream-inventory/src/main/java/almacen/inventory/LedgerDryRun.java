package almacen.inventory;

import almacen.events.Product;
import almacen.events.StockLevel;
import almacen.inventory.domain.ProductInfo;
import almacen.inventory.domain.StockCommand;
import almacen.inventory.domain.StockLedger;
import almacen.schemas.StoreNames;
import java.util.List;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Applies an event's commands to a scratch copy of the levels they touch, without storing or
 * sending anything, so an event whose last line the ledger would refuse is refused whole before its
 * first line moves stock. Possible where the ledger's stores are in the dedupe's own task (one
 * partition per topic, the default); with a repartition each command is checked where it applies.
 */
final class LedgerDryRun {

  private final StockLedger ledger;
  private KeyValueStore<String, StockLevel> levels;
  private KeyValueStore<String, Product> products;

  LedgerDryRun(StockLedger ledger) {
    this.ledger = ledger;
  }

  void init(ProcessorContext<?, ?> context) {
    this.levels = context.getStateStore(StoreNames.INVENTORY_LEVELS);
    this.products = context.getStateStore(StoreNames.INVENTORY_PRODUCTS);
  }

  /** Throws what the ledger would throw for any of the commands, applied in order. */
  void check(List<StockCommand> commands) {
    ledger.executeAll(commands, levels::get, sku -> ProductInfo.ofNullable(sku, products.get(sku)));
  }
}
