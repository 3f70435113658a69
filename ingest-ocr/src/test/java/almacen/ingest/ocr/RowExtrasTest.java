package almacen.ingest.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowExtrasTest {

  @Test
  void shouldDropTheBarcodeWhenItIsPrintedBesideTheSupplierCode() {
    // given an OCR'd row with an EAN column before the supplier's code
    String[] row = "7790400793130 LAC-3103 Dulce de Leche 2 2.460,75 4.921,50".split(" ");

    // when
    String[] kept = RowExtras.withoutBarcodeBesideCode(row);

    // then
    assertThat(String.join(" ", kept)).isEqualTo("LAC-3103 Dulce de Leche 2 2.460,75 4.921,50");
  }

  @Test
  void shouldKeepTheBarcodeWhenItIsTheOnlyCode() {
    // given a row whose only code is the EAN
    String[] row = "7790400793130 Dulce de Leche 2 2.460,75 4.921,50".split(" ");

    // when
    String[] kept = RowExtras.withoutBarcodeBesideCode(row);

    // then
    assertThat(kept[0]).isEqualTo("7790400793130");
  }

  @Test
  void shouldSeeNumberedRowsWhenFirstTokensCountFromOne() {
    // given three rows numbered 1, 2, 3 (the header title misread)
    List<String[]> rows =
        List.of(
            "1 CAF-9001 4 unidades Cafe 5.299,80 21.199,20".split(" "),
            "2 FIA-4002 3,609 kg Mortadela 8.337,51 30.090,07".split(" "),
            "3 GAL-5001 27 unidades Galletitas 2.286,90 61.746,30".split(" "));

    // when
    boolean numbered = RowExtras.numberedRows(rows);

    // then
    assertThat(numbered).isTrue();
  }

  @Test
  void shouldReadTheRateWhenItIsPrintedBetweenPriceAndAmount() {
    // given "price 21% amount"
    String[] row = "ALM-2001 Yerba 13 2.850,00 21% 37.050,00".split(" ");

    // when
    BigDecimal rate = RowExtras.rateBetween(row, 3, 5);

    // then
    assertThat(rate).isEqualByComparingTo("21");
  }

  @Test
  void shouldFlagADescriptionWhenOcrLeftAMarkInsideAWord() {
    // given descriptions OCR spoiled and one printed as is
    // when / then
    assertThat(RowExtras.hasStrayMarks("Detergente Magistral 500m!l")).isTrue();
    assertThat(RowExtras.hasStrayMarks("Manteca La Serenisima 200g,")).isTrue();
    assertThat(RowExtras.hasStrayMarks("Dulce de Leche La Salamandra 4008")).isTrue();
    assertThat(RowExtras.hasStrayMarks("Harina 000 Blancaflor 1kg")).isFalse();
  }
}
