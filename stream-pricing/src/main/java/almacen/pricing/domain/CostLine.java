package almacen.pricing.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The current replacement cost of one sku: its line on the newest CONFIRMED invoice.
 *
 * @param unitCost what a unit was paid on the invoice, net of its bonificación (net of IVA on A/M,
 *     final on B/C)
 * @param invoiceIvaRatePct the IVA rate of that invoice line
 * @param pricesIncludeIva whether the invoice prints final prices (B and C)
 */
public record CostLine(
    String sku,
    String invoiceId,
    LocalDate issueDate,
    BigDecimal unitCost,
    BigDecimal invoiceIvaRatePct,
    boolean pricesIncludeIva) {

  public CostLine {
    Objects.requireNonNull(sku, "sku");
    Objects.requireNonNull(invoiceId, "invoiceId");
    Objects.requireNonNull(issueDate, "issueDate");
    Objects.requireNonNull(unitCost, "unitCost");
    Objects.requireNonNull(invoiceIvaRatePct, "invoiceIvaRatePct");
  }
}
