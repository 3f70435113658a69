package almacen.ingest.catalog;

import almacen.events.Product;
import almacen.ingest.invoice.InvoiceLedger;
import almacen.ingest.invoice.ProductLookup;
import java.util.Optional;
import java.util.Set;

/**
 * {@link ProductLookup} over the in-memory catalogue and the supplier codes learned from invoices.
 */
public final class CatalogLookup implements ProductLookup {

  private final ProductCatalog catalog;
  private final InvoiceLedger ledger;

  public CatalogLookup(ProductCatalog catalog, InvoiceLedger ledger) {
    this.catalog = catalog;
    this.ledger = ledger;
  }

  @Override
  public Optional<KnownProduct> bySku(String sku) {
    return catalog.get(sku).map(CatalogLookup::known);
  }

  @Override
  public Optional<KnownProduct> byEan(String ean) {
    return catalog.skuByEan(ean).flatMap(this::bySku);
  }

  @Override
  public Optional<KnownProduct> bySupplierCode(String cuitDigits, String supplierCode) {
    return ledger.skuForSupplierCode(cuitDigits, supplierCode).flatMap(this::bySku);
  }

  @Override
  public Set<String> supplierCodes(String cuitDigits, String sku) {
    return ledger.supplierCodes(cuitDigits, sku);
  }

  @Override
  public Optional<KnownProduct> bySupplierDescription(String cuitDigits, String description) {
    return ledger.learning().skuForDescription(cuitDigits, description).flatMap(this::bySku);
  }

  @Override
  public Optional<KnownProduct> byDescription(String description) {
    return catalog.skuByName(description).flatMap(this::bySku);
  }

  private static KnownProduct known(Product p) {
    return new KnownProduct(p.getSku(), p.getIvaRatePct());
  }
}
