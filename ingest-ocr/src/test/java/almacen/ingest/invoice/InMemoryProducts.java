package almacen.ingest.invoice;

import almacen.ingest.catalog.Names;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A ProductLookup fake backed by maps. */
final class InMemoryProducts implements ProductLookup {

  private final Map<String, KnownProduct> bySku = new HashMap<>();
  private final Map<String, String> byEan = new HashMap<>();
  private final Map<String, String> byName = new HashMap<>();
  private final Map<String, String> bySupplierCode = new HashMap<>();
  private final Map<String, Set<String>> supplierCodes = new HashMap<>();

  InMemoryProducts add(String sku, String name, String ean, String ivaRate) {
    bySku.put(sku, new KnownProduct(sku, new BigDecimal(ivaRate)));
    byName.put(Names.normalise(name), sku);
    if (ean != null) {
      byEan.put(ean, sku);
    }
    return this;
  }

  InMemoryProducts learn(String cuitDigits, String supplierCode, String sku) {
    bySupplierCode.put(cuitDigits + "|" + supplierCode, sku);
    supplierCodes.computeIfAbsent(cuitDigits + "|" + sku, k -> new HashSet<>()).add(supplierCode);
    return this;
  }

  @Override
  public Optional<KnownProduct> bySku(String sku) {
    return Optional.ofNullable(bySku.get(sku));
  }

  @Override
  public Optional<KnownProduct> byEan(String ean) {
    return Optional.ofNullable(byEan.get(ean)).flatMap(this::bySku);
  }

  @Override
  public Optional<KnownProduct> bySupplierCode(String cuitDigits, String supplierCode) {
    return Optional.ofNullable(bySupplierCode.get(cuitDigits + "|" + supplierCode))
        .flatMap(this::bySku);
  }

  @Override
  public Set<String> supplierCodes(String cuitDigits, String sku) {
    return supplierCodes.getOrDefault(cuitDigits + "|" + sku, Set.of());
  }

  @Override
  public Optional<KnownProduct> byDescription(String description) {
    return Optional.ofNullable(byName.get(Names.normalise(description))).flatMap(this::bySku);
  }
}
