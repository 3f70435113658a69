package almacen.ingest.ocr;

import almacen.events.InvoiceKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the reading pipeline found on an invoice photo or PDF. Any field may be null when it could
 * not be read; {@code issues} says why, in Spanish, one sentence per problem or automatic
 * correction.
 *
 * @param supplierCuit issuer CUIT formatted {@code 30-71234567-1} (check digit verified)
 * @param buyerCuit receptor CUIT when printed, same format
 * @param ivaByRate IVA amount per rate printed in the totals box (rate as {@code 21}, {@code
 *     10.5}...)
 * @param ivaTotal sum of {@code ivaByRate}; 0 for B/C
 * @param qr the AFIP QR payload when one was decoded (its values already won over the OCR's)
 * @param confidence 0..1: OCR confidence combined with how many consistency checks passed
 * @param sha256 hex SHA-256 of the uploaded bytes
 * @param kind invoice, credit or debit note (the QR's code, else the printed code or title)
 * @param notes what the reader corrected on its own, with one possible reading and every sum of the
 *     invoice closing with it ("'1,154,73' con punto de miles leído como coma"): said, not doubted,
 *     so they do not keep an invoice from confirming
 */
public record ReadInvoice(
    InvoiceType type,
    Integer pointOfSale,
    Long number,
    LocalDate issueDate,
    String supplierCuit,
    String supplierName,
    String buyerCuit,
    String cae,
    LocalDate caeDueDate,
    List<ReadLine> lines,
    BigDecimal netTotal,
    Map<BigDecimal, BigDecimal> ivaByRate,
    BigDecimal ivaTotal,
    BigDecimal otherTaxes,
    BigDecimal total,
    boolean qrPresent,
    AfipQr qr,
    double confidence,
    List<String> issues,
    SourceKind sourceKind,
    String sha256,
    String branch,
    InvoiceKind kind,
    List<String> notes) {

  public ReadInvoice {
    kind = kind == null ? InvoiceKind.INVOICE : kind;
    lines = List.copyOf(lines);
    ivaByRate = Map.copyOf(ivaByRate);
    issues = List.copyOf(issues);
    notes = List.copyOf(notes);
  }

  /** {@code true} for B and C (final prices), false for A and M or when the type is unknown. */
  public boolean pricesIncludeIva() {
    return type != null && type.pricesIncludeIva();
  }
}
