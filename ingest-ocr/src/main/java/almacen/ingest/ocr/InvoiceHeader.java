package almacen.ingest.ocr;

import java.time.LocalDate;

/**
 * What the header of an invoice says, as printed (any field null when it was not found).
 *
 * @param afipCode the comprobante code printed next to the letter ("COD. 01")
 * @param supplierCuit issuer CUIT, formatted, check digit verified
 * @param buyerCuit receptor CUIT when printed, same format
 */
record InvoiceHeader(
    InvoiceType type,
    Integer afipCode,
    Integer pointOfSale,
    Long number,
    LocalDate issueDate,
    String supplierCuit,
    String supplierName,
    String buyerCuit,
    String cae,
    LocalDate caeDueDate) {}
