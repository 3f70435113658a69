package almacen.ingest.publish;

import almacen.ingest.invoice.IssueCode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code almacen.ingest.events{type}} counts records acknowledged by the broker; {@code
 * almacen.ingest.invoices{outcome,reason}} counts invoices by outcome (CONFIRMED, NEEDS_REVIEW,
 * REJECTED, REJECTED_IN_REVIEW) and first issue. Every combination is registered at start.
 */
public final class IngestMetrics {

  public static final String EVENTS = "almacen.ingest.events";
  public static final String INVOICES = "almacen.ingest.invoices";
  public static final List<String> EVENT_TYPES =
      List.of("Product", "Sale", "Invoice", "StockAdjustment", "StockTransfer", "InflationMonth");
  public static final String NO_REASON = "none";

  public enum Outcome {
    CONFIRMED,
    NEEDS_REVIEW,
    /** Refused (422): typed with issues, or read without an identity. */
    REJECTED,
    /** Taken out of the review queue by a person ({@code /reject}). */
    REJECTED_IN_REVIEW
  }

  private final Map<String, Counter> events = new ConcurrentHashMap<>();
  private final Map<String, Counter> invoices = new ConcurrentHashMap<>();
  private final MeterRegistry registry;

  public IngestMetrics(MeterRegistry registry) {
    this.registry = registry;
    EVENT_TYPES.forEach(this::eventCounter);
    invoiceCounter(Outcome.CONFIRMED, NO_REASON);
    invoiceCounter(Outcome.REJECTED_IN_REVIEW, NO_REASON);
    for (IssueCode code : IssueCode.values()) {
      invoiceCounter(Outcome.NEEDS_REVIEW, code.tag());
      invoiceCounter(Outcome.REJECTED, code.tag());
    }
  }

  public void published(String eventType) {
    eventCounter(eventType).increment();
  }

  public void invoice(Outcome outcome, String reason) {
    invoiceCounter(outcome, reason).increment();
  }

  private Counter eventCounter(String type) {
    return events.computeIfAbsent(
        type,
        t ->
            Counter.builder(EVENTS)
                .description("Source events acknowledged by the broker")
                .tag("type", t)
                .register(registry));
  }

  private Counter invoiceCounter(Outcome outcome, String reason) {
    return invoices.computeIfAbsent(
        outcome + "|" + reason,
        k ->
            Counter.builder(INVOICES)
                .description("Invoices received, by outcome and first issue")
                .tag("outcome", outcome.name())
                .tag("reason", reason)
                .register(registry));
  }
}
