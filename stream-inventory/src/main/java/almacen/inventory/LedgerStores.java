package almacen.inventory;

import almacen.events.Product;
import almacen.events.StockLevel;
import almacen.inventory.domain.LedgerResult;
import almacen.inventory.domain.ProductInfo;
import almacen.schemas.StoreNames;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The ledger's view of its task's stores: the level of a branch|sku, what the catalogue says of a
 * sku, and how a result is kept (the level, and the sku→branch index the first time a key moves).
 */
final class LedgerStores {

  private KeyValueStore<String, StockLevel> levels;
  private KeyValueStore<String, Product> products;
  private KeyValueStore<String, String> skuBranches;

  static final String[] NAMES = {
    StoreNames.INVENTORY_LEVELS, StoreNames.INVENTORY_PRODUCTS, StoreNames.INVENTORY_SKU_BRANCHES
  };

  void init(ProcessorContext<?, ?> context) {
    this.levels = context.getStateStore(StoreNames.INVENTORY_LEVELS);
    this.products = context.getStateStore(StoreNames.INVENTORY_PRODUCTS);
    this.skuBranches = context.getStateStore(StoreNames.INVENTORY_SKU_BRANCHES);
  }

  /** The level of {@code branch|sku}, null for a key never moved. */
  StockLevel level(String key) {
    return levels.get(key);
  }

  ProductInfo product(String sku) {
    return ProductInfo.ofNullable(sku, products.get(sku));
  }

  /** Stores a result's level; returns its key. */
  String keep(LedgerResult result) {
    StockLevel level = result.level();
    String key = StoreNames.branchSkuKey(level.getBranch(), level.getSku());
    if (result.created()) {
      skuBranches.put(
          InventoryTopology.skuBranchKey(level.getSku(), level.getBranch()), level.getBranch());
    }
    levels.put(key, level);
    return key;
  }
}
