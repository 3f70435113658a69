package almacen.domain;

import almacen.events.TaxRegime;
import java.math.BigDecimal;
import java.math.MathContext;

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
}
