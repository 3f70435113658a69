package almacen.ingest.ocr;

import almacen.domain.Iva;
import almacen.events.InvoiceKind;
import java.util.Optional;

/** Argentine invoice letter and its AFIP "tipo de comprobante" code for a factura. */
public enum InvoiceType {
  A(1),
  B(6),
  C(11),
  M(51);

  private final int afipCode;

  InvoiceType(int afipCode) {
    this.afipCode = afipCode;
  }

  public int afipCode() {
    return afipCode;
  }

  /**
   * Whether unit prices and line totals include IVA (B and C) or IVA is discriminated (A and M):
   * {@link Iva}.
   */
  public boolean pricesIncludeIva() {
    return Iva.pricesIncludeIva(almacen.events.InvoiceType.valueOf(name()));
  }

  /**
   * Letter of an AFIP comprobante code: 1–5 A (factura, ND, NC, recibo, nota de venta), 6–10 B,
   * 11–15 C, 51–55 M. Only 1, 6, 11 and 51 are facturas (see {@link #isFactura(int)}).
   */
  public static Optional<InvoiceType> ofAfipCode(int code) {
    if (code >= 1 && code <= 5) {
      return Optional.of(A);
    }
    if (code >= 6 && code <= 10) {
      return Optional.of(B);
    }
    if (code >= 11 && code <= 15) {
      return Optional.of(C);
    }
    if (code >= 51 && code <= 55) {
      return Optional.of(M);
    }
    return Optional.empty();
  }

  public static boolean isFactura(int code) {
    return code == 1 || code == 6 || code == 11 || code == 51;
  }

  /**
   * What an AFIP code says the document is: 1/6/11/51 an invoice, 2/7/12/52 a debit note, 3/8/13/53
   * a credit note; anything else (recibo, nota de venta) is none of the three.
   */
  public static Optional<InvoiceKind> kindOfAfipCode(int code) {
    if (ofAfipCode(code).isEmpty()) {
      return Optional.empty();
    }
    int withinLetter = code >= 51 ? code - 51 : (code - 1) % 5;
    return switch (withinLetter) {
      case 0 -> Optional.of(InvoiceKind.INVOICE);
      case 1 -> Optional.of(InvoiceKind.DEBIT_NOTE);
      case 2 -> Optional.of(InvoiceKind.CREDIT_NOTE);
      default -> Optional.empty();
    };
  }

  /** The AFIP code of this letter's document of {@code kind} (Nota de Crédito B: 8). */
  public int afipCode(InvoiceKind kind) {
    return switch (kind) {
      case INVOICE -> afipCode;
      case DEBIT_NOTE -> afipCode + 1;
      case CREDIT_NOTE -> afipCode + 2;
    };
  }
}
