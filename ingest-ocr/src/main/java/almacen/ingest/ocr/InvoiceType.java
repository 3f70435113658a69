package almacen.ingest.ocr;

import almacen.domain.Iva;
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
}
