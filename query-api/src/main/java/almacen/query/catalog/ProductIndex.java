package almacen.query.catalog;

import almacen.domain.Barcodes;
import almacen.events.Product;
import almacen.query.read.Text;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The catalogue of this instance, in memory, for the till and the product search: a token → skus
 * map searched by prefix (sku, name words, EAN, PLU, folded to lower case without accents), and
 * product code → sku maps (EAN padded to 13 digits, PLU). A search touches only the skus of its
 * tokens, never every product, so it stays in the low milliseconds at 10,000 products.
 *
 * <p>Fed by the global products store's processor ({@link #apply}) on the global thread, restore
 * included, and completed once from the store itself on first use ({@link #loadOnce}): a persistent
 * global store restored from its checkpoint does not replay older records through the processor.
 * The load only adds skus the processor has not told about (the processor's value is never older
 * than what the store held when the load read it), and skips skus removed meanwhile, so the two
 * feeds may interleave freely. Every instance holds the whole catalogue, like the global store.
 */
public final class ProductIndex {

  /** Called with every record of the products topic, on the global stream thread. */
  @FunctionalInterface
  public interface Sink {
    Sink NONE = (sku, product) -> {};

    void apply(String sku, Product product);
  }

  private static final Pattern SEPARATORS = Pattern.compile("[^\\p{Alnum}]+");

  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<String, Product> bySku = new HashMap<>();
  private final NavigableMap<String, Set<String>> skusByToken = new TreeMap<>();
  private final Map<String, String> skuByGtin = new HashMap<>();
  private final Map<String, String> skuByPlu = new HashMap<>();
  private final Set<String> removedBeforeLoad = new HashSet<>();
  private volatile boolean loaded;

  /** The processor's feed: upsert, or remove on a tombstone. */
  public void apply(String sku, Product product) {
    lock.writeLock().lock();
    try {
      unindex(sku);
      if (product == null) {
        if (!loaded) {
          removedBeforeLoad.add(sku);
        }
        return;
      }
      removedBeforeLoad.remove(sku);
      index(sku, product);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Completes the index from the store once; {@code all} reads every product of the global store
   * (it may throw while the store is unavailable, and then the next call tries again).
   */
  public void loadOnce(Supplier<Collection<Product>> all) {
    if (loaded) {
      return;
    }
    Collection<Product> stored = all.get();
    lock.writeLock().lock();
    try {
      if (loaded) {
        return;
      }
      for (Product p : stored) {
        if (!bySku.containsKey(p.getSku()) && !removedBeforeLoad.contains(p.getSku())) {
          index(p.getSku(), p);
        }
      }
      removedBeforeLoad.clear();
      loaded = true;
    } finally {
      lock.writeLock().unlock();
    }
  }

  public boolean loaded() {
    return loaded;
  }

  /** The sku of a product code (EAN-13, EAN-8 or UPC-A, any padding) or a PLU. */
  public Optional<String> skuByGtin(String code) {
    return read(() -> Optional.ofNullable(skuByGtin.get(Barcodes.key(code))));
  }

  public Optional<String> skuByPlu(String plu) {
    return read(() -> Optional.ofNullable(skuByPlu.get(plu)));
  }

  public Optional<Product> product(String sku) {
    return read(() -> Optional.ofNullable(bySku.get(sku)));
  }

  /**
   * Products matching every word of {@code q} by prefix (all when blank), of the category (folded
   * equality) and activity given, sorted by sku: one page and the total.
   */
  public Result search(String q, String category, Boolean active, int page, int size) {
    List<String> words = tokens(q);
    String cat = category == null || category.isBlank() ? null : Text.fold(category);
    return read(
        () -> {
          Collection<String> candidates =
              words.isEmpty() ? new TreeSet<>(bySku.keySet()) : matching(words);
          List<Product> hits = new ArrayList<>();
          for (String sku : candidates) {
            Product p = bySku.get(sku);
            if ((cat == null || cat.equals(Text.fold(p.getCategory())))
                && (active == null || active == p.getActive())) {
              hits.add(p);
            }
          }
          long from = Math.min((long) page * size, hits.size());
          long to = Math.min(from + size, hits.size());
          return new Result(List.copyOf(hits.subList((int) from, (int) to)), hits.size());
        });
  }

  /**
   * The products matching every word of {@code q} by prefix, sorted by sku; empty when {@code q}
   * has no word. One read lock for the whole answer (a search's candidates), not one per product.
   */
  public List<Product> productsMatching(String q) {
    List<String> words = tokens(q);
    if (words.isEmpty()) {
      return List.of();
    }
    return read(
        () -> {
          List<String> skus = matching(words);
          List<Product> out = new ArrayList<>(skus.size());
          for (String sku : skus) {
            out.add(bySku.get(sku));
          }
          return out;
        });
  }

  /** A page of products and how many matched in all. */
  public record Result(List<Product> items, long total) {}

  /** Skus having, for every word, a token starting with it; sorted. */
  private List<String> matching(List<String> words) {
    Set<String> out = null;
    for (String word : words) {
      // hash sets while narrowing, one sort at the end: a common word matches hundreds of skus
      Set<String> withWord = new HashSet<>();
      for (Set<String> skus :
          skusByToken.subMap(word, true, word + Character.MAX_VALUE, false).values()) {
        if (out == null) {
          withWord.addAll(skus);
        } else {
          for (String sku : skus) {
            if (out.contains(sku)) {
              withWord.add(sku);
            }
          }
        }
      }
      out = withWord;
      if (out.isEmpty()) {
        break;
      }
    }
    List<String> sorted = new ArrayList<>(out);
    Collections.sort(sorted);
    return sorted;
  }

  /** Lower case, accents removed, split on anything that is not a letter or digit. */
  static List<String> tokens(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String t : SEPARATORS.split(Text.fold(text), -1)) {
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
    return out;
  }

  private static Set<String> tokensOf(Product p) {
    Set<String> out = new HashSet<>(tokens(p.getName()));
    out.addAll(tokens(p.getSku()));
    out.add(Text.fold(p.getSku()));
    if (p.getEan() != null) {
      out.add(p.getEan());
    }
    if (p.getPlu() != null) {
      out.add(p.getPlu());
    }
    return out;
  }

  private void index(String sku, Product p) {
    bySku.put(sku, p);
    for (String token : tokensOf(p)) {
      skusByToken.computeIfAbsent(token, t -> new HashSet<>()).add(sku);
    }
    if (p.getEan() != null) {
      skuByGtin.put(Barcodes.key(p.getEan()), sku);
    }
    if (p.getPlu() != null) {
      skuByPlu.put(p.getPlu(), sku);
    }
  }

  private void unindex(String sku) {
    Product old = bySku.remove(sku);
    if (old == null) {
      return;
    }
    for (String token : tokensOf(old)) {
      Set<String> skus = skusByToken.get(token);
      if (skus != null) {
        skus.remove(sku);
        if (skus.isEmpty()) {
          skusByToken.remove(token);
        }
      }
    }
    if (old.getEan() != null) {
      skuByGtin.remove(Barcodes.key(old.getEan()), sku);
    }
    if (old.getPlu() != null) {
      skuByPlu.remove(old.getPlu(), sku);
    }
  }

  private <T> T read(Supplier<T> query) {
    lock.readLock().lock();
    try {
      return query.get();
    } finally {
      lock.readLock().unlock();
    }
  }
}
