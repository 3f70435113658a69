package almacen.ingest.catalog;

import almacen.events.Product;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The products ingest knows: rebuilt at start from the compacted products topic, then updated on
 * each accepted PUT. Indexes skus, EANs and PLUs (each unique across products) and normalised
 * names.
 */
public final class ProductCatalog {

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
