package almacen.ingest.ocr;

import almacen.events.InvoiceKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The 12 generated phone photos the accuracy test and the benchmark read: types A/B/C in turn, the
 * three column layouts in runs of three, the four fonts and 150/200/250/300 dpi in turn, every
 * other one with the AFIP QR. Same seed, same photos.
 */
final class PhotoSet {

  static final long SEED = 20251015L;
  static final int SIZE = 12;

  private PhotoSet() {}

  static List<InvoiceImageGenerator.Sample> photos(long seed) {
    InvoiceImageGenerator gen = new InvoiceImageGenerator(seed);
    InvoiceType[] types = {InvoiceType.A, InvoiceType.B, InvoiceType.C};
    int[] dpis = {150, 200, 250, 300};
    List<InvoiceImageGenerator.Sample> out = new ArrayList<>();
    for (int k = 0; k < SIZE; k++) {
      String font = InvoiceImageGenerator.FONTS[k % InvoiceImageGenerator.FONTS.length];
      out.add(gen.photo(types[k % 3], (k / 3) % 3, font, dpis[k % 4], k % 2 == 0));
    }
    return out;
  }

  /** Seed of {@link #notesAndDiscounts}. */
  static final long NOTES_SEED = 20251105L;

  /**
   * Four phone photos of what a shop also receives: a Nota de Crédito B with the AFIP QR, a Nota de
   * Crédito A without it (only the print says it is a note) whose table has a "% Bonif." column, a
   * Factura B with bonificaciones and the QR, and a Nota de Débito C.
   */
  static List<InvoiceImageGenerator.Sample> notesAndDiscounts(long seed) {
    InvoiceImageGenerator gen = new InvoiceImageGenerator(seed);
    String[] fonts = InvoiceImageGenerator.FONTS;
    int discounted = InvoiceImageGenerator.DISCOUNT_LAYOUT;
    return List.of(
        gen.photo(InvoiceType.B, 0, fonts[0], 250, true, InvoiceKind.CREDIT_NOTE, false),
        gen.photo(InvoiceType.A, discounted, fonts[1], 300, false, InvoiceKind.CREDIT_NOTE, true),
        gen.photo(InvoiceType.B, discounted, fonts[2], 300, true, InvoiceKind.INVOICE, true),
        gen.photo(InvoiceType.C, 1, fonts[3], 250, false, InvoiceKind.DEBIT_NOTE, false));
  }

  /** Lines whose quantity, price, total and bonificación (none = 0) were all read exactly. */
  static int exactWithDiscount(InvoiceImageGenerator.Truth truth, List<ReadLine> read) {
    int exact = 0;
    for (ReadLine t : truth.lines()) {
      if (read.stream()
          .anyMatch(
              l -> EvalAccuracy.sameNumbers(t, l) && discount(t).compareTo(discount(l)) == 0)) {
        exact++;
      }
    }
    return exact;
  }

  private static BigDecimal discount(ReadLine l) {
    return l.discountPct() == null ? BigDecimal.ZERO : l.discountPct();
  }

  /** Lines read exactly (code, description, quantity, price and total) by {@code read}. */
  static int exactLines(InvoiceImageGenerator.Truth truth, List<ReadLine> read) {
    int exact = 0;
    for (ReadLine t : truth.lines()) {
      if (read.stream()
          .anyMatch(
              l ->
                  EvalAccuracy.sameNumbers(t, l)
                      && java.util.Objects.equals(t.supplierCode(), l.supplierCode())
                      && t.description().equals(l.description()))) {
        exact++;
      }
    }
    return exact;
  }

  /** Lines whose quantity, price and total were read exactly. */
  static int exactNumbers(InvoiceImageGenerator.Truth truth, List<ReadLine> read) {
    int exact = 0;
    for (ReadLine t : truth.lines()) {
      if (read.stream().anyMatch(l -> EvalAccuracy.sameNumbers(t, l))) {
        exact++;
      }
    }
    return exact;
  }
}
