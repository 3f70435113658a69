package almacen.pricing.domain;

import almacen.events.TaxRegime;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;

/**
 * Throughput of {@link PriceCalculator#compute} on one core (a harness, not a test): run with
 * {@code java -cp <test classpath> almacen.pricing.domain.PriceCalculatorBenchmark [seconds]}.
 * Inputs: 4096 cost lines dated up to 120 days before today (so F spans 1 to 5 months), A and B
 * invoices, IVA 10.5/21, product or category markups, the 22-month INDEC series, H = 15.
 */
public final class PriceCalculatorBenchmark {

  private PriceCalculatorBenchmark() {}

  public static void main(String[] args) {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    NavigableMap<YearMonth, BigDecimal> series = new TreeMap<>();
    PriceCalculatorTest.REAL_SERIES.forEach(
        (m, r) -> series.put(YearMonth.parse(m), new BigDecimal(r)));
    PricingRules rules =
        new PricingRules(
            TaxRegime.RI, 15, new BigDecimal("10.00"), null, PriceCalculatorTest.CATEGORY_MARKUPS);
    LocalDate today = LocalDate.of(2025, 10, 16);
    String[] categories = {"Almacén", "Bebidas", "Lácteos", "Golosinas", "Ferretería"};

    Random random = new Random(42);
    int n = 4096;
    CostLine[] costs = new CostLine[n];
    ProductTerms[] products = new ProductTerms[n];
    for (int i = 0; i < n; i++) {
      String sku = "SKU" + i;
      BigDecimal iva = random.nextBoolean() ? new BigDecimal("21.00") : new BigDecimal("10.50");
      costs[i] =
          new CostLine(
              sku,
              "INV" + i,
              today.minusDays(random.nextInt(120)),
              BigDecimal.valueOf(10_000 + random.nextInt(2_000_000), 2).setScale(4),
              iva,
              random.nextBoolean());
      products[i] =
          new ProductTerms(
              sku,
              categories[random.nextInt(categories.length)],
              iva,
              random.nextInt(3) == 0 ? BigDecimal.valueOf(20 + random.nextInt(40)) : null);
    }

    long sink = 0;
    // warm-up: let the JIT compile the hot path
    long warmupEnd = System.nanoTime() + 3_000_000_000L;
    int i = 0;
    while (System.nanoTime() < warmupEnd) {
      for (int k = 0; k < 10_000; k++, i = (i + 1) & (n - 1)) {
        sink +=
            PriceCalculator.compute(costs[i], products[i], series, today, rules)
                .listPrice()
                .unscaledValue()
                .intValue();
      }
    }
    long count = 0;
    long start = System.nanoTime();
    long end = start + seconds * 1_000_000_000L;
    long now;
    do {
      for (int k = 0; k < 10_000; k++, i = (i + 1) & (n - 1)) {
        sink +=
            PriceCalculator.compute(costs[i], products[i], series, today, rules)
                .listPrice()
                .unscaledValue()
                .intValue();
      }
      count += 10_000;
      now = System.nanoTime();
    } while (now < end);
    double perSecond = count / ((now - start) / 1e9);
    System.out.printf(
        "PriceCalculator.compute: %,.0f prices/s on one thread (%,d in %.1f s; checksum %d)%n",
        perSecond, count, (now - start) / 1e9, sink);
  }
}
