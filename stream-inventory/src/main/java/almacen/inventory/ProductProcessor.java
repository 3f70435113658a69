package almacen.inventory;

import almacen.events.Product;
import almacen.events.StockLevel;
import almacen.inventory.domain.InvalidStockEventException;
import almacen.inventory.domain.LedgerResult;
import almacen.inventory.domain.ProductInfo;
import almacen.inventory.domain.StockLedger;
import almacen.schemas.StoreNames;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the local copy of the catalogue ({@link StoreNames#INVENTORY_PRODUCTS}) and, on a change,
 * re-evaluates at once every branch holding the sku (found through the sku→branches index), so a
 * new minStock raises or clears alerts without waiting for the next movement.
 */
final class ProductProcessor implements Processor<String, Product, String, LedgerOutput> {

  private final StockLedger ledger;
  private final int partitions;
  private ProcessorContext<String, LedgerOutput> context;
  private KeyValueStore<String, StockLevel> levels;
  private KeyValueStore<String, Product> products;
  private KeyValueStore<String, String> skuBranches;

  ProductProcessor(StockLedger ledger, int partitions) {
    this.ledger = ledger;
    this.partitions = partitions;
  }

  @Override
  public void init(ProcessorContext<String, LedgerOutput> context) {
    this.context = context;
    this.levels = context.getStateStore(StoreNames.INVENTORY_LEVELS);
    this.products = context.getStateStore(StoreNames.INVENTORY_PRODUCTS);
    this.skuBranches = context.getStateStore(StoreNames.INVENTORY_SKU_BRANCHES);
  }

  @Override
  public void process(Record<String, Product> record) {
    String sku = record.key();
    Product product = record.value();
    if (sku == null || sku.isBlank()) {
      throw new InvalidStockEventException("Product record without a sku key");
    }
    if (product != null && !sku.equals(product.getSku())) {
      throw new InvalidStockEventException(
          "Product key " + sku + " differs from its sku " + product.getSku());
    }
    requireCoPartitioned(sku);
    if (product == null) {
      products.delete(sku);
    } else {
      products.put(sku, product);
    }
    ProductInfo info = ProductInfo.ofNullable(sku, product);
    Instant at = ProductInfo.changedAt(product, record.timestamp());
    for (String branch : branchesHolding(sku)) {
      String key = StoreNames.branchSkuKey(branch, sku);
      StockLevel current = levels.get(key);
      if (current == null) {
        continue;
      }
      LedgerResult result = ledger.reevaluate(current, info, at);
      if (!result.level().equals(current)) {
        levels.put(key, result.level());
        if (result.alert() != null) {
          context.forward(
              new Record<>(
                  key,
                  new LedgerOutput(null, result.alert()),
                  record.timestamp(),
                  record.headers()));
        }
      }
    }
  }

  private List<String> branchesHolding(String sku) {
    List<String> branches = new ArrayList<>();
    try (KeyValueIterator<String, String> it =
        skuBranches.prefixScan(sku + "|", new StringSerializer())) {
      while (it.hasNext()) {
        KeyValue<String, String> entry = it.next();
        branches.add(entry.value);
      }
    }
    return branches;
  }

  /**
   * Levels of a sku live in the partition of the sku on the products topic; a mismatch is a
   * misconfiguration.
   */
  private void requireCoPartitioned(String sku) {
    RecordMetadata meta = context.recordMetadata().orElse(null);
    if (meta != null && SkuPartitioner.partitionFor(sku, partitions) != meta.partition()) {
      throw new IllegalStateException(
          "Product "
              + sku
              + " read from partition "
              + meta.partition()
              + " of "
              + meta.topic()
              + " but its levels are in partition "
              + SkuPartitioner.partitionFor(sku, partitions)
              + ": the products topic must have almacen.topics.partitions ("
              + partitions
              + ") partitions");
    }
  }
}
