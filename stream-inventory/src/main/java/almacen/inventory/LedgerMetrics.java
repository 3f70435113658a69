package almacen.inventory;

import almacen.inventory.domain.StockCommand;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;

/** The ledger's own metrics, shared by the processors that apply commands. */
final class LedgerMetrics {

  /**
   * Processing time minus business time of each applied command (how late stock learns of a fact).
   */
  private static final Timer EVENT_AGE =
      Timer.builder("almacen.event.age")
          .description("Processing time minus business time of the events applied to stock")
          .publishPercentileHistogram()
          .maximumExpectedValue(Duration.ofDays(2))
          .register(Metrics.globalRegistry);

  private LedgerMetrics() {}

  static void recordAge(StockCommand command) {
    EVENT_AGE.record(Duration.between(command.occurredAt(), Instant.now()).abs());
  }
}
