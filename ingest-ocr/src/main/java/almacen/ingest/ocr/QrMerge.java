package almacen.ingest.ocr;

import almacen.events.InvoiceKind;
import almacen.ingest.invoice.Cuit;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The invoice's identity and total, with the AFIP QR (when there is one) winning over what OCR
 * read: the QR is what AFIP authorised, OCR is a guess. Every field where the two disagree is
 * recorded as an issue, so a person sees what the print said.
 */
final class QrMerge {

  /** Length of a CAE (and of a CAEA): the QR's code is taken only when it has that shape. */
  static final int CAE_LENGTH = 14;

  /** "E": the QR's code is a CAE (electronic authorisation per invoice), not a CAEA. */
  static final String CAE_KIND = "E";

  /** AFIP's code for pesos; anything else needs its amounts checked by a person. */
  static final String PESOS = "PES";

  /**
   * The identity fields and the total after the merge; any may be null but {@code kind} (an invoice
   * unless the code or title says otherwise).
   */
  record Identity(
      InvoiceType type,
      Integer pointOfSale,
      Long number,
      LocalDate issueDate,
      String supplierCuit,
      String buyerCuit,
      String cae,
      BigDecimal total,
      InvoiceKind kind) {

    /** How many of the six fields every invoice must show were found (the CAE aside). */
    int requiredFound() {
      return (type != null ? 1 : 0)
          + (pointOfSale != null ? 1 : 0)
          + (number != null ? 1 : 0)
          + (issueDate != null ? 1 : 0)
          + (supplierCuit != null ? 1 : 0)
          + (total != null ? 1 : 0);
    }
  }

  /** Fields counted by {@link Identity#requiredFound()}. */
  static final int REQUIRED_FIELDS = 6;

  private QrMerge() {}

  /** What OCR read, overridden field by field by {@code qr} when not null. */
  static Identity merge(InvoiceTextParser.Parsed p, AfipQr qr, List<String> issues) {
    Identity printed =
        new Identity(
            p.type(),
            p.pointOfSale(),
            p.number(),
            p.issueDate(),
            p.supplierCuit(),
            p.buyerCuit(),
            p.cae(),
            p.total(),
            p.kind() == null ? InvoiceKind.INVOICE : p.kind());
    return qr == null ? printed : withQr(printed, qr, issues);
  }

  private static Identity withQr(Identity ocr, AfipQr qr, List<String> issues) {
    InvoiceType qrType = InvoiceType.ofAfipCode(qr.tipoCmp()).orElse(null);
    InvoiceType type = prefer("tipo", ocr.type(), qrType, issues);
    InvoiceKind kind = kind(ocr.kind(), qr.tipoCmp(), issues);
    Integer pos = prefer("punto de venta", ocr.pointOfSale(), qr.ptoVta(), issues);
    Long number = prefer("número", ocr.number(), qr.nroCmp(), issues);
    LocalDate date = prefer("fecha", ocr.issueDate(), qr.fecha(), issues);
    String cuit = ocr.supplierCuit();
    String buyer = ocr.buyerCuit();
    String qrCuit =
        Cuit.parse(String.format(Locale.ROOT, "%011d", qr.cuit()))
            .map(Cuit::formatted)
            .orElse(null);
    if (qrCuit == null) {
      issues.add("El QR trae un CUIT inválido (" + qr.cuit() + ").");
    } else {
      // OCR took the buyer's CUIT for the issuer's: what it read is the buyer's
      if (buyer == null && cuit != null && !cuit.equals(qrCuit)) {
        buyer = cuit;
      }
      // OCR took the issuer's CUIT for the buyer's: they trade places
      if (qrCuit.equals(buyer)) {
        buyer = cuit;
      }
      cuit = prefer("CUIT", cuit, qrCuit, issues);
    }
    String cae = ocr.cae();
    if (CAE_KIND.equalsIgnoreCase(qr.tipoCodAut())
        && qr.codAut() != null
        && qr.codAut().length() == CAE_LENGTH) {
      cae = prefer("CAE", cae, qr.codAut(), issues);
    }
    if (!PESOS.equalsIgnoreCase(qr.moneda())) {
      issues.add(
          "Factura en moneda " + qr.moneda() + " (cotización " + qr.ctz() + "): revisar importes.");
    }
    BigDecimal total = prefer("total", ocr.total(), qr.importe(), issues);
    return new Identity(type, pos, number, date, cuit, buyer, cae, total, kind);
  }

  /**
   * The QR's comprobante code decides invoice, credit or debit note; a print that differs is said.
   */
  private static InvoiceKind kind(InvoiceKind printed, int tipoCmp, List<String> issues) {
    InvoiceKind byQr = InvoiceType.kindOfAfipCode(tipoCmp).orElse(null);
    if (byQr == null) {
      issues.add(
          "El QR trae el código de comprobante "
              + tipoCmp
              + ": no es una factura ni una nota de crédito o débito.");
      return printed;
    }
    if (printed != byQr) {
      issues.add(
          "El comprobante impreso parece "
              + HeaderReader.spanish(printed)
              + " pero el QR de AFIP dice "
              + HeaderReader.spanish(byQr)
              + "; se usa el QR.");
    }
    return byQr;
  }

  /** The QR's value when it has one, noting where the print said otherwise. */
  static <T> T prefer(String field, T ocr, T qr, List<String> issues) {
    if (qr == null) {
      return ocr;
    }
    if (ocr != null && !equal(ocr, qr)) {
      issues.add(
          "El "
              + field
              + " impreso ("
              + ocr
              + ") no coincide con el QR de AFIP ("
              + qr
              + "); se usa el QR.");
    }
    return qr;
  }

  private static boolean equal(Object a, Object b) {
    if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
      return x.compareTo(y) == 0;
    }
    if (a instanceof Number x && b instanceof Number y) {
      return x.longValue() == y.longValue();
    }
    return a.equals(b);
  }
}
