package almacen.ingest.invoice;

import java.util.Locale;

/** Why an invoice is not CONFIRMED; the {@code reason} tag of {@code almacen.ingest.invoices}. */
public enum IssueCode {
  /** Supplier CUIT missing, badly formatted or with a wrong check digit. */
  INVALID_CUIT,
  /** Type, point of sale, number, issue date or a total is missing or out of range. */
  MISSING_FIELD,
  /** issueDate after tomorrow (Buenos Aires). */
  FUTURE_DATE,
  /** pricesIncludeIva contradicts the invoice type. */
  PRICES_INCLUDE_IVA,
  /** No lines, or a line with a missing or negative value. */
  BAD_LINE,
  /** qty × unitCost × (1 − discountPct / 100) differs from lineTotal by more than $ 1.00. */
  LINE_TOTAL,
  /** A line of an A/M invoice has no valid IVA rate. */
  IVA_RATE,
  /** netTotal differs from Σ lineTotal by more than $ 1.00. */
  NET_TOTAL,
  /** ivaTotal differs from the IVA computed per rate by more than $ 1.00. */
  IVA_TOTAL,
  /** total differs from netTotal + ivaTotal + otherTaxes by more than $ 1.00. */
  TOTAL,
  /** A line whose product is not in the catalogue or cannot be identified. */
  UNKNOWN_PRODUCT,
  /** The corrected invoice names another invoice than the one being confirmed. */
  ID_MISMATCH,
  /** Raised by the OCR reader (low confidence, unreadable field, QR disagreement). */
  OCR;

  /** Tag value, e.g. {@code unknown_product}. */
  public String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
