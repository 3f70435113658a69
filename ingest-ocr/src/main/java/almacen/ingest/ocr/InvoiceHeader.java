package almacen.ingest.ocr;

import almacen.events.InvoiceKind;
import java.time.LocalDate;

/**
 * What the header of an invoice says, as printed (any field null when it was not found).
 *
 * @param afipCode the comprobante code printed next to the letter ("COD. 01")
 * @param supplierCuit issuer CUIT, formatted, check digit verified
 * @param buyerCuit receptor CUIT when printed, same format
 * @param kind invoice, credit or debit note, by the AFIP code or the printed title (an invoice when
 *     neither says otherwise)
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
    LocalDate caeDueDate,
    InvoiceKind kind) {}
