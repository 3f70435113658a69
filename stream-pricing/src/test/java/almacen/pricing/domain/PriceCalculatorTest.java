package almacen.pricing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import almacen.domain.Decimals;
import almacen.events.TaxRegime;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The pricing rule, worked by hand. Each row's comment shows the arithmetic: c (cost basis), the
 * months of (d0, t_h] with their days and rates, F, k, P, L* and the rounding. Powers with a
 * fractional exponent were evaluated with a 50-digit calculator; expected F is rounded half-up to
 * 10 decimals (the published scale).
 */
class PriceCalculatorTest {

  /** INDEC monthly CPI change, % (Jan 2024 .. Oct 2025). */
  static final Map<String, String> REAL_SERIES =
      Map.ofEntries(
          Map.entry("2024-01", "20.60"),
          Map.entry("2024-02", "13.20"),
          Map.entry("2024-03", "11.00"),
          Map.entry("2024-04", "8.80"),
          Map.entry("2024-05", "4.20"),
          Map.entry("2024-06", "4.60"),
          Map.entry("2024-07", "4.00"),
          Map.entry("2024-08", "4.20"),
          Map.entry("2024-09", "3.50"),
          Map.entry("2024-10", "2.70"),
          Map.entry("2024-11", "2.40"),
          Map.entry("2024-12", "2.70"),
          Map.entry("2025-01", "2.20"),
          Map.entry("2025-02", "2.40"),
          Map.entry("2025-03", "3.70"),
          Map.entry("2025-04", "2.80"),
          Map.entry("2025-05", "1.50"),
          Map.entry("2025-06", "1.60"),
          Map.entry("2025-07", "1.90"),
          Map.entry("2025-08", "1.90"),
          Map.entry("2025-09", "2.10"),
          Map.entry("2025-10", "2.30"));

  /** The category markups shipped in application.yml. */
  static final Map<String, BigDecimal> CATEGORY_MARKUPS =
      Map.of(
          "Almacén",
          new BigDecimal("30"),
          "Bebidas",
          new BigDecimal("35"),
          "Lácteos",
          new BigDecimal("25"),
          "Limpieza",
          new BigDecimal("35"),
          "Perfumería",
          new BigDecimal("40"),
          "Fiambrería",
          new BigDecimal("40"),
          "Panadería",
          new BigDecimal("45"),
          "Congelados",
          new BigDecimal("35"),
          "Golosinas",
          new BigDecimal("50"),
          "Verdulería",
          new BigDecimal("45"));

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      useHeadersInDisplayName = false,
      textBlock =
          """
      # case, regime, pricesIncludeIva, u, v_inv, d0, today, H, product IVA v, product markup, category, step, series, F, listPrice
      # fOneWhenHorizonEqualsCostDate: c = 1000 = u; t_h = 2025-10-16; t_h <= d0 -> F = 1
      #   F = 1.000000000000; k = 35 (product); P = c x F x 1.35 = 1350.00000000; L* = P x 1.21 = 1633.50000000; ceil to 10.00 = 1640.00
      fOneWhenHorizonEqualsCostDate, RI, false, 1000.0000, 21, 2025-10-16, 2025-10-16, 0, 21, 35, Varios, 10.00, REAL, 1.0000000000, 1640.00
      # fOneWhenCostDatedAfterHorizon: c = 1000 = u; t_h = 2025-10-16; t_h <= d0 -> F = 1
      #   F = 1.000000000000; k = 35 (default); P = c x F x 1.35 = 1350.00000000; L* = P x 1.21 = 1633.50000000; ceil to 10.00 = 1640.00
      fOneWhenCostDatedAfterHorizon, RI, false, 1000.0000, 21, 2025-10-17, 2025-10-16, 0, 21, , Varios, 10.00, REAL, 1.0000000000, 1640.00
      # onStepMonotributoB: c = 1000 = u; t_h = 2025-10-16; t_h <= d0 -> F = 1
      #   F = 1.000000000000; k = 30 (category Almacén); P = c x F x 1.3 = 1300.00000000; L* = P = 1300.00000000; ceil to 10.00 = 1300.00
      onStepMonotributoB, MONOTRIBUTO, true, 1000.0000, 21, 2025-10-16, 2025-10-16, 0, 21, , Almacén, 10.00, REAL, 1.0000000000, 1300.00
      # onStepRiProductMarkup100: c = 500 = u; t_h = 2025-10-16; t_h <= d0 -> F = 1
      #   F = 1.000000000000; k = 100 (product); P = c x F x 2 = 1000.00000000; L* = P x 1.21 = 1210.00000000; ceil to 10.00 = 1210.00
      onStepRiProductMarkup100, RI, false, 500.0000, 21, 2025-10-16, 2025-10-16, 0, 21, 100, Almacén, 10.00, REAL, 1.0000000000, 1210.00
      # wholeOctober31Days: c = 1000 = u; t_h = 2025-10-31; 2025-10 31/31 d at 2.30%
      #   F = 1.023000000000; k = 35 (category Bebidas); P = c x F x 1.35 = 1381.05000000; L* = P x 1.21 = 1671.07050000; ceil to 10.00 = 1680.00
      wholeOctober31Days, RI, false, 1000.0000, 21, 2025-09-30, 2025-10-16, 15, 21, , Bebidas, 10.00, REAL, 1.0230000000, 1680.00
      # wholeSeptember30Days: c = 1000 = u; t_h = 2025-09-30; 2025-09 30/30 d at 2.10%
      #   F = 1.021000000000; k = 35 (category Bebidas); P = c x F x 1.35 = 1378.35000000; L* = P x 1.21 = 1667.80350000; ceil to 10.00 = 1670.00
      wholeSeptember30Days, RI, false, 1000.0000, 21, 2025-08-31, 2025-09-15, 15, 21, , Bebidas, 10.00, REAL, 1.0210000000, 1670.00
      # wholeFebruary28Days: c = 1000 = u; t_h = 2025-02-28; 2025-02 28/28 d at 2.40%
      #   F = 1.024000000000; k = 35 (category Bebidas); P = c x F x 1.35 = 1382.40000000; L* = P x 1.21 = 1672.70400000; ceil to 10.00 = 1680.00
      wholeFebruary28Days, RI, false, 1000.0000, 21, 2025-01-31, 2025-02-13, 15, 21, , Bebidas, 10.00, REAL, 1.0240000000, 1680.00
      # wholeLeapFebruary29Days: c = 1000 = u; t_h = 2024-02-29; 2024-02 29/29 d at 13.20%
      #   F = 1.132000000000; k = 35 (category Bebidas); P = c x F x 1.35 = 1528.20000000; L* = P x 1.21 = 1849.12200000; ceil to 10.00 = 1850.00
      wholeLeapFebruary29Days, RI, false, 1000.0000, 21, 2024-01-31, 2024-02-14, 15, 21, , Bebidas, 10.00, REAL, 1.1320000000, 1850.00
      # partOfOctober: c = 1000 = u; t_h = 2025-10-25; 2025-10 24/31 d at 2.30%
      #   F = 1.017760641349; k = 35 (category Bebidas); P = c x F x 1.35 = 1373.97686582; L* = P x 1.21 = 1662.51200764; ceil to 10.00 = 1670.00
      partOfOctober, RI, false, 1000.0000, 21, 2025-10-01, 2025-10-10, 15, 21, , Bebidas, 10.00, REAL, 1.0177606413, 1670.00
      # spanningThreeMonths: c = 850 = u; t_h = 2025-10-31; 2025-08 11/31 d at 1.90%; 2025-09 30/30 d at 2.10%; 2025-10 31/31 d at 2.30%
      #   F = 1.051482121476; k = 35 (category Limpieza); P = c x F x 1.35 = 1206.57573439; L* = P x 1.21 = 1459.95663862; ceil to 10.00 = 1460.00
      spanningThreeMonths, RI, false, 850.0000, 21, 2025-08-20, 2025-10-16, 15, 21, , Limpieza, 10.00, REAL, 1.0514821215, 1460.00
      # spanningFourMonthsWithFebruary: c = 2345.67 = u; t_h = 2025-04-10; 2025-01 16/31 d at 2.20%; 2025-02 28/28 d at 2.40%; 2025-03 31/31 d at 3.70%; 2025-04 10/30 d at 2.80%
      #   F = 1.083812859457; k = 40 (category Perfumería); P = c x F x 1.4 = 3559.17423406; L* = P x 1.21 = 4306.60082321; ceil to 10.00 = 4310.00
      spanningFourMonthsWithFebruary, RI, false, 2345.6700, 21, 2025-01-15, 2025-03-26, 15, 21, , Perfumería, 10.00, REAL, 1.0838128595, 4310.00
      # missingNovemberUsesOctober: c = 1000 = u; t_h = 2025-11-09; 2025-10 11/31 d at 2.30%; 2025-11 9/30 d at 2.30% (no 2025-11: 2025-10's)
      #   F = 1.015002115071; k = 35 (category Bebidas); P = c x F x 1.35 = 1370.25285535; L* = P x 1.21 = 1658.00595497; ceil to 10.00 = 1660.00
      missingNovemberUsesOctober, RI, false, 1000.0000, 21, 2025-10-20, 2025-10-25, 15, 21, , Bebidas, 10.00, REAL, 1.0150021151, 1660.00
      # twoMissingMonthsUseOctober: c = 1000 = u; t_h = 2025-12-25; 2025-11 30/30 d at 2.30% (no 2025-11: 2025-10's); 2025-12 25/31 d at 2.30% (no 2025-12: 2025-10's)
      #   F = 1.041933146989; k = 35 (category Bebidas); P = c x F x 1.35 = 1406.60974843; L* = P x 1.21 = 1701.99779561; ceil to 10.00 = 1710.00
      twoMissingMonthsUseOctober, RI, false, 1000.0000, 21, 2025-10-31, 2025-12-10, 15, 21, , Bebidas, 10.00, REAL, 1.0419331470, 1710.00
      # gapInSeriesUsesEarlierMonth: c = 1000 = u; t_h = 2025-07-31; 2025-07 31/31 d at 1.50% (no 2025-07: 2025-05's)
      #   F = 1.015000000000; k = 35 (category Bebidas); P = c x F x 1.35 = 1370.25000000; L* = P x 1.21 = 1658.00250000; ceil to 10.00 = 1660.00
      gapInSeriesUsesEarlierMonth, RI, false, 1000.0000, 21, 2025-06-30, 2025-07-16, 15, 21, , Bebidas, 10.00, 2025-05:1.50;2025-08:9.00, 1.0150000000, 1660.00
      # noEarlierMonthMeansZero: c = 1000 = u; t_h = 2025-10-15; 2025-09 15/30 d at 0% (no 2025-09 nor earlier: r=0); 2025-10 15/31 d at 4.00%
      #   F = 1.019158986783; k = 35 (category Bebidas); P = c x F x 1.35 = 1375.86463216; L* = P x 1.21 = 1664.79620491; ceil to 10.00 = 1670.00
      noEarlierMonthMeansZero, RI, false, 1000.0000, 21, 2025-09-15, 2025-09-30, 15, 21, , Bebidas, 10.00, 2025-10:4.00, 1.0191589868, 1670.00
      # emptySeriesMeansFOne: c = 1000 = u; t_h = 2025-10-31; 2025-09 29/30 d at 0% (no 2025-09 nor earlier: r=0); 2025-10 31/31 d at 0% (no 2025-10 nor earlier: r=0)
      #   F = 1.000000000000; k = 35 (category Bebidas); P = c x F x 1.35 = 1350.00000000; L* = P x 1.21 = 1633.50000000; ceil to 10.00 = 1640.00
      emptySeriesMeansFOne, RI, false, 1000.0000, 21, 2025-09-01, 2025-10-16, 15, 21, , Bebidas, 10.00, EMPTY, 1.0000000000, 1640.00
      # productMarkupBeatsCategory: c = 400 = u; t_h = 2025-10-31; 2025-10 31/31 d at 2.30%
      #   F = 1.023000000000; k = 20 (product); P = c x F x 1.2 = 491.04000000; L* = P x 1.21 = 594.15840000; ceil to 10.00 = 600.00
      productMarkupBeatsCategory, RI, false, 400.0000, 21, 2025-09-30, 2025-10-16, 15, 21, 20, Golosinas, 10.00, REAL, 1.0230000000, 600.00
      # categoryMarkupWhenProductHasNone: c = 400 = u; t_h = 2025-10-31; 2025-10 31/31 d at 2.30%
      #   F = 1.023000000000; k = 50 (category Golosinas); P = c x F x 1.5 = 613.80000000; L* = P x 1.21 = 742.69800000; ceil to 10.00 = 750.00
      categoryMarkupWhenProductHasNone, RI, false, 400.0000, 21, 2025-09-30, 2025-10-16, 15, 21, , Golosinas, 10.00, REAL, 1.0230000000, 750.00
      # categoryMatchedIgnoringCaseAndAccents: c = 400 = u; t_h = 2025-10-31; 2025-10 31/31 d at 2.30%
      #   F = 1.023000000000; k = 25 (category LACTEOS); P = c x F x 1.25 = 511.50000000; L* = P x 1.105 = 565.20750000; ceil to 10.00 = 570.00
      categoryMatchedIgnoringCaseAndAccents, RI, false, 400.0000, 10.5, 2025-09-30, 2025-10-16, 15, 10.5, , LACTEOS, 10.00, REAL, 1.0230000000, 570.00
      # defaultMarkupForUnknownCategory: c = 400 = u; t_h = 2025-10-31; 2025-10 31/31 d at 2.30%
      #   F = 1.023000000000; k = 35 (default); P = c x F x 1.35 = 552.42000000; L* = P x 1.21 = 668.42820000; ceil to 10.00 = 670.00
      defaultMarkupForUnknownCategory, RI, false, 400.0000, 21, 2025-09-30, 2025-10-16, 15, 21, , Ferretería, 10.00, REAL, 1.0230000000, 670.00
      # riProductIva105: c = 1234.56 = u; t_h = 2025-10-31; 2025-10 21/31 d at 2.30%
      #   F = 1.015523424356; k = 30 (category Almacén); P = c x F x 1.3 = 1629.84197840; L* = P x 1.105 = 1800.97538614; ceil to 10.00 = 1810.00
      riProductIva105, RI, false, 1234.5600, 10.5, 2025-10-10, 2025-10-16, 15, 10.5, , Almacén, 10.00, REAL, 1.0155234244, 1810.00
      # riInvoiceBFinalCostIsBasis: c = 1500 = u; t_h = 2025-10-31; 2025-10 21/31 d at 2.30%
      #   F = 1.015523424356; k = 30 (category Almacén); P = c x F x 1.3 = 1980.27067749; L* = P x 1.21 = 2396.12751977; ceil to 10.00 = 2400.00
      riInvoiceBFinalCostIsBasis, RI, true, 1500.0000, 21, 2025-10-10, 2025-10-16, 15, 21, , Almacén, 10.00, REAL, 1.0155234244, 2400.00
      # monotributoInvoiceAAddsIva21: c = 1210 = u x (1 + 21/100); t_h = 2025-10-31; 2025-10 21/31 d at 2.30%
      #   F = 1.015523424356; k = 30 (category Almacén); P = c x F x 1.3 = 1597.41834651; L* = P = 1597.41834651; ceil to 10.00 = 1600.00
      monotributoInvoiceAAddsIva21, MONOTRIBUTO, false, 1000.0000, 21, 2025-10-10, 2025-10-16, 15, 21, , Almacén, 10.00, REAL, 1.0155234244, 1600.00
      # monotributoInvoiceAAddsIva105: c = 1105 = u x (1 + 10.5/100); t_h = 2025-10-31; 2025-10 21/31 d at 2.30%
      #   F = 1.015523424356; k = 30 (category Almacén); P = c x F x 1.3 = 1458.79939909; L* = P = 1458.79939909; ceil to 10.00 = 1460.00
      monotributoInvoiceAAddsIva105, MONOTRIBUTO, false, 1000.0000, 10.5, 2025-10-10, 2025-10-16, 15, 10.5, , Almacén, 10.00, REAL, 1.0155234244, 1460.00
      # monotributoInvoiceBKeepsFinalCost: c = 1210 = u; t_h = 2025-10-31; 2025-10 21/31 d at 2.30%
      #   F = 1.015523424356; k = 30 (category Almacén); P = c x F x 1.3 = 1597.41834651; L* = P = 1597.41834651; ceil to 10.00 = 1600.00
      monotributoInvoiceBKeepsFinalCost, MONOTRIBUTO, true, 1210.0000, 21, 2025-10-10, 2025-10-16, 15, 21, , Almacén, 10.00, REAL, 1.0155234244, 1600.00
      # stepOfOneCentavo: c = 999.99 = u; t_h = 2025-10-31; 2025-10 21/31 d at 2.30%
      #   F = 1.015523424356; k = 30 (category Almacén); P = c x F x 1.3 = 1320.16724986; L* = P x 1.21 = 1597.40237233; ceil to 0.01 = 1597.41
      stepOfOneCentavo, RI, false, 999.9900, 21, 2025-10-10, 2025-10-16, 15, 21, , Almacén, 0.01, REAL, 1.0155234244, 1597.41
      # stepOf50OnStep: c = 1000 = u; t_h = 2025-10-16; t_h <= d0 -> F = 1
      #   F = 1.000000000000; k = 25 (product); P = c x F x 1.25 = 1250.00000000; L* = P x 1 = 1250.00000000; ceil to 50.00 = 1250.00
      stepOf50OnStep, RI, false, 1000.0000, 0, 2025-10-16, 2025-10-16, 0, 0, 25, Almacén, 50.00, REAL, 1.0000000000, 1250.00
      # oldCostAcrossYearEnd: c = 100 = u; t_h = 2025-01-31; 2024-12 31/31 d at 2.70%; 2025-01 31/31 d at 2.20%
      #   F = 1.049594000000; k = 30 (category Almacén); P = c x F x 1.3 = 136.44722000; L* = P x 1.21 = 165.10113620; ceil to 10.00 = 170.00
      oldCostAcrossYearEnd, RI, false, 100.0000, 21, 2024-11-30, 2025-01-16, 15, 21, , Almacén, 10.00, REAL, 1.0495940000, 170.00
      """)
  void shouldComputeListPriceWhenRuleAppliedByHand(
      String name,
      TaxRegime regime,
      boolean pricesIncludeIva,
      BigDecimal unitCost,
      BigDecimal invoiceIva,
      LocalDate costDate,
      LocalDate today,
      int horizonDays,
      BigDecimal productIva,
      BigDecimal productMarkup,
      String category,
      BigDecimal step,
      String series,
      String expectedFactor,
      String expectedListPrice) {
    // given
    CostLine cost =
        new CostLine(
            "SKU1",
            "30712345671-A-00003-00000001",
            costDate,
            unitCost,
            invoiceIva,
            pricesIncludeIva);
    ProductTerms product = new ProductTerms("SKU1", category, productIva, productMarkup);
    PricingRules rules =
        new PricingRules(regime, horizonDays, step, new BigDecimal("35"), CATEGORY_MARKUPS);

    // when
    PriceBreakdown price = PriceCalculator.compute(cost, product, series(series), today, rules);

    // then
    assertThat(Decimals.factor(price.inflationFactor())).isEqualByComparingTo(expectedFactor);
    assertThat(price.listPrice()).isEqualByComparingTo(expectedListPrice);
    assertThat(price.listPrice().remainder(step)).isZero();
    assertThat(price.horizonDate()).isEqualTo(today.plusDays(horizonDays));
  }

  @Test
  void shouldExplainMarkupSourceWhenProductCategoryOrNeitherHasOne() {
    // given
    PricingRules rules =
        new PricingRules(TaxRegime.RI, 15, new BigDecimal("10.00"), null, CATEGORY_MARKUPS);
    CostLine cost =
        new CostLine(
            "S",
            "I",
            LocalDate.of(2025, 10, 1),
            new BigDecimal("100"),
            new BigDecimal("21"),
            false);
    LocalDate today = LocalDate.of(2025, 10, 2);

    // when
    PriceBreakdown own =
        PriceCalculator.compute(
            cost,
            new ProductTerms("S", "Golosinas", new BigDecimal("21"), new BigDecimal("12.50")),
            series("EMPTY"),
            today,
            rules);
    PriceBreakdown byCategory =
        PriceCalculator.compute(
            cost,
            new ProductTerms("S", " golosinas ", new BigDecimal("21"), null),
            series("EMPTY"),
            today,
            rules);
    PriceBreakdown byDefault =
        PriceCalculator.compute(
            cost,
            new ProductTerms("S", "Ferretería", new BigDecimal("21"), null),
            series("EMPTY"),
            today,
            rules);

    // then
    assertThat(own.markupSource()).isEqualTo(MarkupSource.PRODUCT);
    assertThat(own.markupPct()).isEqualByComparingTo("12.50");
    assertThat(byCategory.markupSource()).isEqualTo(MarkupSource.CATEGORY);
    assertThat(byCategory.markupPct()).isEqualByComparingTo("50");
    assertThat(byDefault.markupSource()).isEqualTo(MarkupSource.DEFAULT);
    assertThat(byDefault.markupPct()).isEqualByComparingTo("35");
  }

  @Test
  void shouldKeepFullPrecisionBreakdownWhenFactorIsFractional() {
    // given: 24 of 31 October days at 2.3 % -> F = 1.023^(24/31) = 1.017760641348...
    NavigableMap<YearMonth, BigDecimal> octoberOnly = series("2025-10:2.30");

    // when
    BigDecimal factor =
        PriceCalculator.inflationFactor(
            LocalDate.of(2025, 10, 1), LocalDate.of(2025, 10, 25), octoberOnly);

    // then: at least 12 significant digits survive the trip through double
    assertThat(factor.subtract(new BigDecimal("1.017760641348")).abs())
        .isLessThan(new BigDecimal("1e-12"));
  }

  static NavigableMap<YearMonth, BigDecimal> series(String spec) {
    NavigableMap<YearMonth, BigDecimal> series = new TreeMap<>();
    if (spec.equals("REAL")) {
      REAL_SERIES.forEach(
          (month, rate) -> series.put(YearMonth.parse(month), new BigDecimal(rate)));
    } else if (!spec.equals("EMPTY")) {
      for (String entry : spec.split(";", -1)) {
        String[] parts = entry.split(":", -1);
        series.put(YearMonth.parse(parts[0]), new BigDecimal(parts[1]));
      }
    }
    return series;
  }
}
