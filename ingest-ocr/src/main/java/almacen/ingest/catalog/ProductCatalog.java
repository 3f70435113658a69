package almacen.ingest.catalog;

import almacen.events.Product;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The products ingest knows: rebuilt at start from the compacted products topic, then updated on
 * each accepted PUT or import. Indexes skus, EANs and PLUs (each unique across products) and
 * normalised names.
 *
 * <p>Two locks: reads and {@link #apply} hold the catalogue's monitor for a map access only; a
 * writer holds {@link #write} for its whole check → publish → apply, so two writers never take the
 * same code while a sale's sku check is never kept waiting behind an import's Kafka transaction.
 */
public final class ProductCatalog {

  private final ReentrantLock writes = new ReentrantLock();

  private final Map<String, Product> bySku = new HashMap<>();
  private final Map<String, String> skuByEan = new HashMap<>();
  private final Map<String, String> skuByPlu = new HashMap<>();
  private final Map<String, Set<String>> skusByName = new HashMap<>();

  /** Applies a record of the products topic; a null value (tombstone) removes the sku. */
  public synchronized void apply(String sku, Product product) {
    Product old = bySku.remove(sku);
    if (old != null) {
      if (old.getEan() != null && sku.equals(skuByEan.get(old.getEan()))) {
        skuByEan.remove(old.getEan());
      }
      if (old.getPlu() != null && sku.equals(skuByPlu.get(old.getPlu()))) {
        skuByPlu.remove(old.getPlu());
      }
      Set<String> named = skusByName.get(Names.normalise(old.getName()));
      if (named != null) {
        named.remove(sku);
        if (named.isEmpty()) {
          skusByName.remove(Names.normalise(old.getName()));
        }
      }
    }
    if (product == null) {
      return;
    }
    bySku.put(sku, product);
    if (product.getEan() != null) {
      skuByEan.put(product.getEan(), sku);
    }
    if (product.getPlu() != null) {
      skuByPlu.put(product.getPlu(), sku);
    }
    skusByName.computeIfAbsent(Names.normalise(product.getName()), n -> new HashSet<>()).add(sku);
  }

  /** Applies accepted products in one step (readers see all of them or none). */
  public synchronized void applyAll(List<Product> products) {
    for (Product product : products) {
      apply(product.getSku(), product);
    }
  }

  /**
   * Runs {@code write} (check codes, publish, apply) with no other writer of this catalogue in
   * between.
   */
  public <T> T write(Supplier<T> write) {
    writes.lock();
    try {
      return write.get();
    } finally {
      writes.unlock();
    }
  }

  public synchronized Optional<Product> get(String sku) {
    return Optional.ofNullable(bySku.get(sku));
  }

  public synchronized Optional<String> skuByEan(String ean) {
    return Optional.ofNullable(skuByEan.get(ean));
  }

  public synchronized Optional<String> skuByPlu(String plu) {
    return Optional.ofNullable(skuByPlu.get(plu));
  }

  /** The one sku whose normalised name equals the normalised text; empty when none or several. */
  public synchronized Optional<String> skuByName(String text) {
    Set<String> skus = skusByName.get(Names.normalise(text));
    return skus != null && skus.size() == 1
        ? Optional.of(skus.iterator().next())
        : Optional.empty();
  }

  public synchronized int size() {
    return bySku.size();
  }
}
