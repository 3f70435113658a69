package almacen.ingest.invoice;

import almacen.events.InvoiceType;

/**
 * {@code <cuit digits>-<type>-<pointOfSale, 5 digits>-<number, 8 digits>}, e.g.
 * 30712345671-A-00003-00012345.
 */
public final class InvoiceIds {

  public static final int MAX_POINT_OF_SALE = 99_999;
  public static final long MAX_NUMBER = 99_999_999L;

  private InvoiceIds() {}

  public static String of(Cuit cuit, InvoiceType type, int pointOfSale, long number) {
    if (pointOfSale < 1 || pointOfSale > MAX_POINT_OF_SALE) {
      throw new IllegalArgumentException(
          "pointOfSale must be 1.." + MAX_POINT_OF_SALE + ": " + pointOfSale);
    }
    if (number < 1 || number > MAX_NUMBER) {
      throw new IllegalArgumentException("number must be 1.." + MAX_NUMBER + ": " + number);
    }
    return String.format("%s-%s-%05d-%08d", cuit.digits(), type.name(), pointOfSale, number);
  }
}
