package almacen.query.read;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The last CONFIRMED invoice line of a sku: who sold it, at what unit cost, on which invoice. */
public record LastPurchase(
    String supplierCuit,
    String supplierName,
    BigDecimal unitCost,
    String invoiceId,
    LocalDate issueDate) {

  /** Issued later, or the same day on a later invoice id. */
  public boolean newerThan(LastPurchase other) {
    int byDate = issueDate.compareTo(other.issueDate);
    return byDate != 0 ? byDate > 0 : invoiceId.compareTo(other.invoiceId) > 0;
  }
}
