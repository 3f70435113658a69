package almacen.ingest.ocr;

import java.math.BigDecimal;

/**
 * One line item as printed. {@code unitPrice} and {@code lineTotal} are as printed: net for A/M,
 * IVA included for B/C. {@code ivaRatePct} is the rate printed on the line (A/M invoices) or null.
 * {@code discountPct} is the printed bonificación, or null when the table has no discount column
 * (then lineTotal = qty × unitPrice). {@code qty} keeps up to 3 decimals (kg), money 2 decimals.
 */
public record ReadLine(
    String supplierCode,
    String description,
    BigDecimal qty,
    BigDecimal unitPrice,
    BigDecimal ivaRatePct,
    BigDecimal lineTotal,
    BigDecimal discountPct) {

  /** A line of a table without a discount column. */
  public ReadLine(
      String supplierCode,
      String description,
      BigDecimal qty,
      BigDecimal unitPrice,
      BigDecimal ivaRatePct,
      BigDecimal lineTotal) {
    this(supplierCode, description, qty, unitPrice, ivaRatePct, lineTotal, null);
  }
}
