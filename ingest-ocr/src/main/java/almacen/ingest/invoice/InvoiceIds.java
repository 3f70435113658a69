package almacen.ingest.invoice;

import almacen.events.InvoiceKind;
import almacen.events.InvoiceType;

/**
 * An invoice: {@code <cuit digits>-<type>-<pointOfSale, 5 digits>-<number, 8 digits>}, e.g.
 * 30712345671-A-00003-00012345. A note carries its kind before the type ({@code NC} credit, {@code
 * ND} debit: 30712345671-NC-A-00003-00000012), because AFIP numbers notes apart from invoices: a
 * note and an invoice of one supplier may share a number and must never be taken for each other.
 */
public final class InvoiceIds {

  public static final int MAX_POINT_OF_SALE = 99_999;
  public static final long MAX_NUMBER = 99_999_999L;

  private InvoiceIds() {}

  public static String of(Cuit cuit, InvoiceType type, int pointOfSale, long number) {
    return of(cuit, InvoiceKind.INVOICE, type, pointOfSale, number);
  }

  public static String of(
      Cuit cuit, InvoiceKind kind, InvoiceType type, int pointOfSale, long number) {
    if (pointOfSale < 1 || pointOfSale > MAX_POINT_OF_SALE) {
      throw new IllegalArgumentException(
          "pointOfSale must be 1.." + MAX_POINT_OF_SALE + ": " + pointOfSale);
    }
    if (number < 1 || number > MAX_NUMBER) {
      throw new IllegalArgumentException("number must be 1.." + MAX_NUMBER + ": " + number);
    }
    return String.format(
        "%s-%s%s-%05d-%08d", cuit.digits(), prefix(kind), type.name(), pointOfSale, number);
  }

  private static String prefix(InvoiceKind kind) {
    return switch (kind) {
      case INVOICE -> "";
      case CREDIT_NOTE -> "NC-";
      case DEBIT_NOTE -> "ND-";
    };
  }
}
