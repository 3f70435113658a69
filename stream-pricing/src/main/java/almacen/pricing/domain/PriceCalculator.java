package almacen.pricing.domain;

import almacen.domain.CostBasis;
import almacen.events.TaxRegime;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.NavigableMap;

/**
 * The selling-price rule, as a pure function (no Kafka, no clock):
 *
 * <ol>
 *   <li>c = {@link CostBasis#of} (regime, u, v_inv, pricesIncludeIva);
 *   <li>F = Π over months m of (1 + r(m)/100)^(n_m / len(m)), n_m = days of m in (d0, t + H]; r(m)
 *       = the month's rate, else the nearest earlier month's, else 0; F = 1 when t + H ≤ d0;
 *   <li>k = product markup, else category markup, else the default (35);
 *   <li>P = c × F × (1 + k/100); L* = P × (1 + v/100) under RI (v = the product's IVA), P under
 *       MONOTRIBUTO;
 *   <li>listPrice = ceil(L* / step) × step.
 * </ol>
 *
 * <p>Arithmetic is BigDecimal with 16 significant digits ({@link MathContext#DECIMAL64}). A whole
 * month contributes its exact factor 1 + r/100; the fractional powers of partial months (at most
 * the first and the last) go through {@code Math.pow} and return to BigDecimal with 15 decimals. c
 * × (1 + k/100) × (1 + v/100) is exact, then multiplied by F once.
 */
public final class PriceCalculator {

  /** Working precision of every product: 16 significant digits. */
  public static final MathContext MC = MathContext.DECIMAL64;

  private PriceCalculator() {}

  /**
   * The list price and its breakdown for one cost line, by the rule above.
   *
   * @param series monthly inflation in % (months without a record fall back to the nearest earlier
   *     one)
   * @param today the shop's date (Buenos Aires) on which the price is computed
   */
  public static PriceBreakdown compute(
      CostLine cost,
      ProductTerms product,
      NavigableMap<YearMonth, BigDecimal> series,
      LocalDate today,
      PricingRules rules) {
    TaxRegime regime = rules.taxRegime();
    BigDecimal costBasis =
        CostBasis.of(regime, cost.unitCost(), cost.invoiceIvaRatePct(), cost.pricesIncludeIva());
    LocalDate horizon = today.plusDays(rules.horizonDays());
    BigDecimal factor = inflationFactor(cost.issueDate(), horizon, series);

    MarkupSource markupSource;
    BigDecimal markup;
    BigDecimal categoryMarkup;
    if (product.markupPct() != null) {
      markupSource = MarkupSource.PRODUCT;
      markup = product.markupPct();
    } else if ((categoryMarkup = rules.categoryMarkup(product.category())) != null) {
      markupSource = MarkupSource.CATEGORY;
      markup = categoryMarkup;
    } else {
      markupSource = MarkupSource.DEFAULT;
      markup = rules.defaultMarkupPct();
    }

    // c × (1 + k/100) [× (1 + v/100)] is exact (short decimals); F is applied once at 16 digits.
    BigDecimal multiplier = onePlusPct(markup);
    if (regime == TaxRegime.RI) {
      multiplier = multiplier.multiply(onePlusPct(product.ivaRatePct()));
    }
    BigDecimal beforeRounding = costBasis.multiply(multiplier).multiply(factor, MC);
    BigDecimal step = rules.roundingStep();
    BigDecimal listPrice = beforeRounding.divide(step, 0, RoundingMode.CEILING).multiply(step);

    return new PriceBreakdown(
        cost.sku(),
        listPrice,
        beforeRounding,
        cost.unitCost(),
        costBasis,
        cost.issueDate(),
        cost.invoiceId(),
        factor,
        horizon,
        markup,
        markupSource,
        product.ivaRatePct(),
        regime,
        step);
  }

  /**
   * F from the cost date d0 to the horizon t_h: Π (1 + r(m)/100)^(n_m / len(m)) over the months
   * that the interval (d0, t_h] touches; 1 when t_h ≤ d0.
   */
  public static BigDecimal inflationFactor(
      LocalDate costDate, LocalDate horizon, NavigableMap<YearMonth, BigDecimal> series) {
    if (!horizon.isAfter(costDate)) {
      return BigDecimal.ONE;
    }
    LocalDate firstDay = costDate.plusDays(1);
    YearMonth first = YearMonth.from(firstDay);
    YearMonth last = YearMonth.from(horizon);
    BigDecimal wholeMonths = BigDecimal.ONE;
    double partialMonths = 1.0;
    boolean anyPartial = false;
    for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
      int fromDay = month.equals(first) ? firstDay.getDayOfMonth() : 1;
      int length = month.lengthOfMonth();
      int toDay = month.equals(last) ? horizon.getDayOfMonth() : length;
      int days = toDay - fromDay + 1;
      BigDecimal rate = rateFor(month, series);
      if (rate.signum() == 0) {
        continue;
      }
      BigDecimal base = onePlusPct(rate);
      if (days == length) {
        wholeMonths = wholeMonths.multiply(base, MC);
      } else {
        partialMonths *= Math.pow(base.doubleValue(), (double) days / length);
        anyPartial = true;
      }
    }
    return anyPartial ? wholeMonths.multiply(fromDouble(partialMonths), MC) : wholeMonths;
  }

  /** A positive double as a BigDecimal with 15 decimals (≥ 15 significant digits for F ≥ 0.5). */
  static BigDecimal fromDouble(double value) {
    if (value < 9.0) {
      return BigDecimal.valueOf(Math.round(value * 1e15), 15);
    }
    return new BigDecimal(value, MC);
  }

  /**
   * r(m): the month's own rate, else the nearest earlier month's, else 0 (no earlier data at all).
   */
  public static BigDecimal rateFor(YearMonth month, NavigableMap<YearMonth, BigDecimal> series) {
    Map.Entry<YearMonth, BigDecimal> entry = series.floorEntry(month);
    return entry == null ? BigDecimal.ZERO : entry.getValue();
  }

  private static BigDecimal onePlusPct(BigDecimal pct) {
    return BigDecimal.ONE.add(pct.movePointLeft(2));
  }
}
