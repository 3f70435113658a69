package almacen.ingest.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RowReviewTest {

  private static final OcrEngine.LineReview REVIEW = InvoiceTextParser.ROW_REVIEW;

  @Test
  void shouldAskForSecondReadingWhenRowClosesButASizeNeedsAFix() {
    // given rows whose numbers close (29 × 2.977,51 = 86.347,79) with a size OCR misread
    String grams = "LAC-3103  Dulce de Leche La Salamandra 4009  29  unidades  2.977,51  86.347,79";
    String period = "BEB-6002  Agua Villavicencio 1,5L.  4  980,00  21  3.920,00";

    // when / then
    assertThat(REVIEW.suspect(grams)).isTrue();
    assertThat(REVIEW.suspect(period)).isTrue();
  }

  @Test
  void shouldNotAskForSecondReadingWhenAQuantityFollowsAUnit() {
    // given a row whose quantity 11 follows the unit "UN" (11 is no "1L" there)
    String row = "BEB-6003  Cerveza Quilmes Lata 473cc  UN  11  1.350,00  21%  14.850,00";

    // when / then
    assertThat(REVIEW.suspect(row)).isFalse();
  }

  @Test
  void shouldTakeTheSizeOfTheSecondReadingWhenItIsWhatTheFixWouldGive() {
    // given "4009" read again, closer, as "400g"
    String first = "LAC-3103  Dulce de Leche La Salamandra 4009  29  unidades  2.977,51  86.347,79";
    String second =
        "LAC-3103 Dulce de Leche La Salamandra 400g   29   unidades   2.977,51   86.347,79";

    // when
    String kept = REVIEW.keep(first, second);

    // then the first reading, its size settled
    assertThat(kept)
        .isEqualTo(
            "LAC-3103  Dulce de Leche La Salamandra 400g  29  unidades  2.977,51  86.347,79");
    InvoiceTextParser.Parsed p =
        InvoiceTextParser.parse(
            "FACTURA B  Cód. 06\n"
                + "Código  Producto / Servicio  Cantidad  U. Medida  Precio Unit.  Subtotal\n"
                + kept
                + "\nImporte Total: $ 86.347,79\n");
    assertThat(p.lines().get(0).description()).isEqualTo("Dulce de Leche La Salamandra 400g");
    assertThat(p.issues()).noneSatisfy(i -> assertThat(i).contains("leído como"));
  }

  @Test
  void shouldKeepTheFirstReadingWhenTheSecondNeedsAFixToo() {
    // given "4009" read again as "400y": the two readings do not settle it
    String first = "LAC-3103  Dulce de Leche La Salamandra 4009  29  unidades  2.977,51  86.347,79";
    String second =
        "LAC-3103  Dulce de Leche La Salamandra 400y  29  unidades  2.977,51  86.347,79";

    // when / then
    assertThat(REVIEW.keep(first, second)).isNull();
  }

  @Test
  void shouldTakeASizeInNoUnitFromTheSecondReadingWhenItHasTheSameDigits() {
    // given a till's second line (its quantity × price is on the line above) with "1kg" as "1lkg"
    String first = "“<= Arroz Gallo Oro 1lkg (21,00)                38332,80";
    String sameDigits = "<= Arroz Gallo Oro 1kg (21,00)                 38332,80";
    String otherDigits = "<= Arroz Gallo Oro 11kg (21,00)                 38332,80";

    // when / then
    assertThat(REVIEW.keep(first, sameDigits))
        .isEqualTo("“<= Arroz Gallo Oro 1kg (21,00)                38332,80");
    assertThat(REVIEW.keep(first, otherDigits)).isNull();
  }

  @Test
  void shouldSettleTheSizeAndTakeTheNumbersWhenTheRowDidNotCloseEither() {
    // given a lost quantity and "500y", both read right the second time
    String first = "ALM-2001  Yerba Mate Playadito 500y  £  unidades  2.850,00  34.200,00";
    String second = "ALM-2001  Yerba Mate Playadito 500g  12  unidades  2.850,00  34.200,00";

    // when
    String kept = REVIEW.keep(first, second);

    // then
    assertThat(kept).containsPattern("Playadito\\s+500g\\s+12\\s").doesNotContain("£");
  }
}
