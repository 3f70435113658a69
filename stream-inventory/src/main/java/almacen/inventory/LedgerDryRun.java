package almacen.inventory;

import almacen.events.Product;
import almacen.events.StockLevel;
import almacen.inventory.domain.CommandType;
import almacen.inventory.domain.ProductInfo;
import almacen.inventory.domain.StockCommand;
import almacen.inventory.domain.StockLedger;
import almacen.inventory.domain.TransferResult;
import almacen.schemas.StoreNames;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Applies an event's commands to a scratch copy of the levels they touch, without storing or
 * sending anything, so an event whose last line the ledger would refuse is refused whole before
 * its first line moves stock. Possible where the ledger's stores are in the dedupe's own task (one
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
    Map<String, StockLevel> scratch = new HashMap<>();
    for (StockCommand command : commands) {
      ProductInfo product = ProductInfo.ofNullable(command.sku(), products.get(command.sku()));
      if (command.type() == CommandType.TRANSFER) {
        String toKey = StoreNames.branchSkuKey(command.toBranch(), command.sku());
        TransferResult result = ledger.transfer(level(scratch, command.key()), level(scratch, toKey), command, product);
        scratch.put(command.key(), result.out().level());
        scratch.put(toKey, result.in().level());
      } else {
        scratch.put(command.key(), ledger.apply(level(scratch, command.key()), command, product).level());
      }
    }
  }

  private StockLevel level(Map<String, StockLevel> scratch, String key) {
    StockLevel pending = scratch.get(key);
    return pending != null ? pending : levels.get(key);
  }
}
