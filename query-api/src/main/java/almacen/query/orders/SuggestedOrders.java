package almacen.query.orders;

import almacen.events.Product;
import almacen.query.read.AnalyticsModel;
import almacen.query.read.LastPurchase;
import almacen.query.read.Views.StockView;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What to order, from a branch's stock: every active product at or below its minimum (LOW, OUT,
 * NEGATIVE), with its supplier, the quantity to order rounded up to whole packs, and its last cost;
 * grouped by supplier (by name, products without a known supplier last), then by product name.
 *
 * <p>How much: the level's {@code reorderQty} (stream-inventory's: up to the maximum, or the demand
 * of the coming days), but never less than what brings the stock back to its minimum — and, for a
 * product at its minimum exactly, one pack — then rounded up to whole packs.
 */
public final class SuggestedOrders {

  static final Set<String> TO_ORDER = Set.of("LOW", "OUT", "NEGATIVE");

  /** Suppliers by name (case-insensitive), unknown supplier last; then product name, then sku. */
  static final Comparator<OrderLine> ORDER =
      Comparator.comparing(
              OrderLine::supplierName, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER))
          .thenComparing(OrderLine::supplierCuit, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(OrderLine::name, String.CASE_INSENSITIVE_ORDER)
          .thenComparing(OrderLine::sku);

  private SuggestedOrders() {}

  /**
   * The order lines of a branch, sorted by supplier then product.
   *
   * @param stock the branch's stock (every instance's share, never-moved products included)
   * @param products the catalogue by sku
   * @param lastPurchases the last CONFIRMED invoice line per sku
   * @param supplierNames supplier names by CUIT digits (from their invoices)
   * @param supplierDigits only this supplier (11 digits), or null for all
   */
  public static List<OrderLine> suggest(
      List<StockView> stock,
      Function<String, Product> products,
      Map<String, LastPurchase> lastPurchases,
      Map<String, String> supplierNames,
      String supplierDigits) {
    List<OrderLine> out = new ArrayList<>();
    for (StockView level : stock) {
      Product product = products.apply(level.sku());
      if (product == null || !product.getActive() || !TO_ORDER.contains(level.status())) {
        continue;
      }
      LastPurchase last = lastPurchases.get(level.sku());
      String cuit = last != null ? last.supplierCuit() : dashed(product.getSupplierCuit());
      String name =
          last != null
              ? last.supplierName()
              : cuit == null ? null : supplierNames.get(AnalyticsModel.cuitDigits(cuit));
      if (supplierDigits != null && !supplierDigits.equals(AnalyticsModel.cuitDigits(cuit))) {
        continue;
      }
      BigDecimal pack = packSize(product);
      BigDecimal reorder = level.reorderQty() == null ? BigDecimal.ZERO : level.reorderQty();
      out.add(
          new OrderLine(
              cuit,
              name,
              level.sku(),
              product.getName(),
              product.getUnit().name(),
              level.onHand(),
              level.minStock(),
              reorder,
              pack,
              orderQty(reorder, level.minStock().subtract(level.onHand()), pack),
              last == null ? null : last.unitCost(),
              last == null ? null : last.invoiceId()));
    }
    out.sort(ORDER);
    return out;
  }

  /** max(reorder, shortfall), at least one pack, rounded up to whole packs. */
  static BigDecimal orderQty(BigDecimal reorder, BigDecimal shortfall, BigDecimal pack) {
    BigDecimal need = reorder.max(shortfall).max(BigDecimal.ZERO);
    BigDecimal packs = need.divide(pack, 0, RoundingMode.CEILING).max(BigDecimal.ONE);
    return packs.multiply(pack).setScale(3, RoundingMode.UNNECESSARY);
  }

  private static BigDecimal packSize(Product product) {
    BigDecimal pack = product.getPackSize();
    return pack == null || pack.signum() <= 0 ? BigDecimal.ONE.setScale(3) : pack;
  }

  /** 30712345671 → 30-71234567-1, as invoices write it; anything else as it is. */
  static String dashed(String cuit) {
    String d = AnalyticsModel.cuitDigits(cuit);
    if (d.length() != 11) {
      return cuit;
    }
    return d.substring(0, 2) + "-" + d.substring(2, 10) + "-" + d.substring(10);
  }
}
