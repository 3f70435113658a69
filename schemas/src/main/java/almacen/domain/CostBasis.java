package almacen.domain;

import almacen.events.TaxRegime;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * What the shop really pays for a unit, less what it can reclaim (shared by pricing and inventory
 * valuation). RI reclaims IVA only where the invoice discriminates it, so the printed unit cost is
 * the basis on A/M (net) and on B/C (final). MONOTRIBUTO reclaims nothing: IVA discriminated on an
 * A/M invoice is part of its cost.
 */
public final class CostBasis {

  private static final BigDecimal HUNDRED = new BigDecimal(100);

  private CostBasis() {}

  public static BigDecimal of(
      TaxRegime regime,
      BigDecimal unitCost,
      BigDecimal invoiceIvaRatePct,
      boolean pricesIncludeIva) {
    if (regime == TaxRegime.MONOTRIBUTO && !pricesIncludeIva) {
      BigDecimal factor =
          BigDecimal.ONE.add(invoiceIvaRatePct.divide(HUNDRED, MathContext.DECIMAL64));
      return unitCost.multiply(factor, MathContext.DECIMAL64);
    }
    return unitCost;
  }

  /**
   * What one unit of an invoice line was paid, as printed (net on A/M, final on B/C), before {@link
   * #of}: {@code lineTotal / qty} when the line has a bonificación, the printed unit cost when it
   * has none. A line without discount closes to the centavo, so the two agree there; keeping the
   * printed cost for it means a replay of records written before discounts existed rebuilds the
   * same ledger and prices.
   *
   * @param discountPct the printed bonificación in percent (null or 0: none)
   */
  public static BigDecimal paidUnitCost(
      BigDecimal unitCost, BigDecimal qty, BigDecimal lineTotal, BigDecimal discountPct) {
    if (discountPct == null
        || discountPct.signum() == 0
        || qty == null
        || qty.signum() <= 0
        || lineTotal == null) {
      return unitCost;
    }
    return lineTotal.divide(qty, Decimals.UNIT_COST_SCALE, RoundingMode.HALF_UP);
  }

  /**
   * A line's total as printed: qty × unitCost × (1 − discountPct / 100), half-up to the centavo.
   */
  public static BigDecimal lineTotal(BigDecimal qty, BigDecimal unitCost, BigDecimal discountPct) {
    BigDecimal gross = qty.multiply(unitCost);
    if (discountPct == null || discountPct.signum() == 0) {
      return gross.setScale(Decimals.MONEY_SCALE, RoundingMode.HALF_UP);
    }
    BigDecimal kept = BigDecimal.ONE.subtract(discountPct.movePointLeft(2));
    return gross.multiply(kept).setScale(Decimals.MONEY_SCALE, RoundingMode.HALF_UP);
  }
}
