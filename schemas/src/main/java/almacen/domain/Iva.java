package almacen.domain;

import almacen.events.InvoiceType;

/** What an Argentine invoice letter says about IVA. */
public final class Iva {

  private Iva() {}

  /** B and C print final prices (IVA included); A and M discriminate IVA (net prices plus IVA). */
  public static boolean pricesIncludeIva(InvoiceType type) {
    return type == InvoiceType.B || type == InvoiceType.C;
  }
}
