package almacen.ingest.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageJoinTest {

  @Test
  void shouldKeepOnlyItemRowsOfLaterPagesWhenInvoiceSpansTwoPages() {
    // given page 1 ends with a carry line and a page number, page 2 repeats letterhead and header
    List<String> page1 =
        List.of(
            "MAYORISTA EL SOL S.R.L.   FACTURA",
            "Art.   Descripción   Cant.   Precio Unit.   Importe",
            "ALM-2001   Yerba Mate 500g   2   2.850,00   5.700,00",
            "Transporte: $   5.700,00",
            "Página 1 de 2");
    List<String> page2 =
        List.of(
            "MAYORISTA EL SOL S.R.L.   FACTURA A",
            "Hoja 2 de 2",
            "Art.   Descripción   Cant.   Precio Unit.   Importe",
            "De transporte: $   5.700,00",
            "ALM-2002   Azucar 1kg   1   1.390,50   1.390,50",
            "Importe Total: $   7.090,50",
            "Página 2 de 2");

    // when
    String text = PageJoin.text(List.of(page1, page2));

    // then
    assertThat(text)
        .isEqualTo(
            "MAYORISTA EL SOL S.R.L.   FACTURA\n"
                + "Art.   Descripción   Cant.   Precio Unit.   Importe\n"
                + "ALM-2001   Yerba Mate 500g   2   2.850,00   5.700,00\n"
                + "ALM-2002   Azucar 1kg   1   1.390,50   1.390,50\n"
                + "Importe Total: $   7.090,50\n");
  }

  @Test
  void shouldKeepFreightItemWhenItsRowStartsWithTransporte() {
    // given a one-page invoice whose item is the freight, with quantity, price and amount
    List<String> page =
        List.of(
            "Cant.   Descripción   Precio   Importe",
            "Transporte flete zona norte   1   5.000,00   5.000,00",
            "Total: $ 5.000,00");

    // when
    String text = PageJoin.text(List.of(page));

    // then
    assertThat(text)
        .isEqualTo(
            "Cant.   Descripción   Precio   Importe\n"
                + "Transporte flete zona norte   1   5.000,00   5.000,00\n"
                + "Total: $ 5.000,00\n");
  }
}
