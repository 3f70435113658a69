package almacen.query.web;

import almacen.domain.BusinessDay;
import almacen.query.read.ReadModel;
import almacen.query.read.Views.InflationView;
import almacen.query.read.Views.SummaryPart;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Business gauges read from this instance's stores at scrape time (cached 10 s): stock items by
 * status and stock value (this instance's share: sum over instances), and how old the latest
 * inflation month is. NaN while the stores are not queryable, rather than a misleading zero.
 */
@Component
class ReadModelMetrics {

  private static final Logger log = LoggerFactory.getLogger(ReadModelMetrics.class);
  private static final long CACHE_NANOS = 10_000_000_000L;
  private final ReadModel model;
  private final Clock clock;
  private final ZoneId zone = BusinessDay.ZONE;
  private volatile SummaryPart summary;
  private volatile long summaryAt;

  ReadModelMetrics(ReadModel model, MeterRegistry registry, Clock clock) {
    this.model = model;
    this.clock = clock;
    for (String status : List.of("LOW", "OUT", "NEGATIVE")) {
      Gauge.builder("almacen.stock.items", this, m -> m.count(status))
          .tag("status", status)
          .description("Branch|sku keys by stock status held by this instance")
          .register(registry);
    }
    Gauge.builder("almacen.stock.value", this, m -> m.stockValue())
        .baseUnit("ars")
        .description("Stock value (max(onHand,0) x avg cost) held by this instance")
        .register(registry);
    // Prometheus conventions: durations in seconds, ratios 0-1
    // (almacen_inflation_latest_month_age_seconds,
    // almacen_inflation_latest_rate_ratio)
    Gauge.builder(
            "almacen.inflation.latest.month.age", this, ReadModelMetrics::latestMonthAgeSeconds)
        .baseUnit("seconds")
        .description("Time since the end of the latest inflation month loaded")
        .register(registry);
    Gauge.builder("almacen.inflation.latest.rate", this, ReadModelMetrics::latestRate)
        .baseUnit("ratio")
        .description(
            "Monthly rate of the latest inflation month loaded, as a ratio (0.025 for 2.5 %)")
        .register(registry);
  }

  private double latestRate() {
    try {
      List<InflationView> months = model.inflation();
      return months.isEmpty()
          ? Double.NaN
          : months.get(months.size() - 1).ratePct().doubleValue() / 100;
    } catch (RuntimeException e) {
      log.debug("inflation store not queryable yet: {}", e.toString());
      return Double.NaN;
    }
  }

  private double count(String status) {
    SummaryPart s = summary();
    if (s == null) {
      return Double.NaN;
    }
    return switch (status) {
      case "LOW" -> s.lowCount();
      case "OUT" -> s.outCount();
      default -> s.negativeCount();
    };
  }

  private double stockValue() {
    SummaryPart s = summary();
    return s == null ? Double.NaN : s.stockValue().doubleValue();
  }

  private double latestMonthAgeSeconds() {
    try {
      List<InflationView> months = model.inflation();
      if (months.isEmpty()) {
        return Double.NaN;
      }
      Instant end =
          YearMonth.parse(months.get(months.size() - 1).month())
              .plusMonths(1)
              .atDay(1)
              .atStartOfDay(zone)
              .toInstant();
      return Duration.between(end, clock.instant()).toMillis() / 1000.0;
    } catch (RuntimeException e) {
      log.debug("inflation store not queryable yet: {}", e.toString());
      return Double.NaN;
    }
  }

  private SummaryPart summary() {
    long now = System.nanoTime();
    if (summary == null || now - summaryAt > CACHE_NANOS) {
      try {
        summary = model.localSummary(null);
        summaryAt = now;
      } catch (RuntimeException e) {
        log.debug("stores not queryable yet: {}", e.toString());
        return summary;
      }
    }
    return summary;
  }
}
