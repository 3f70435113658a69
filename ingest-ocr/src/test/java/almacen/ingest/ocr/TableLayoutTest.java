package almacen.ingest.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import almacen.ingest.ocr.ColumnOrder.Column;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TableLayoutTest {

  @ParameterizedTest(name = "{0} → qty<price={1}, qty<desc={2}, code after desc={3}")
  @CsvSource(
      delimiter = ';',
      value = {
        "código  producto / servicio  cantidad  u. medida  precio unit.  subtotal;true;false;false",
        "cant.  código  descripción  p. unitario  importe;true;true;false",
        "descripción  código  cantidad  precio  total;true;false;true",
        "descripcion  precio unitario  cantidad  importe;false;false;false",
        "detalle  total;true;false;false"
      })
  void shouldTellColumnOrderWhenHeaderRowNamesTheColumns(
      String header, boolean qtyBeforePrice, boolean qtyBeforeDesc, boolean codeAfterDesc) {
    // given a table header row, normalized
    // when
    ColumnOrder order = ColumnOrder.fromHeader(PrintedLines.normalize(header));
    // then
    assertThat(order.qtyBeforePrice()).isEqualTo(qtyBeforePrice);
    assertThat(order.qtyBeforeDesc()).isEqualTo(qtyBeforeDesc);
    assertThat(order.codeAfterDesc()).isEqualTo(codeAfterDesc);
  }

  @ParameterizedTest(name = "{0} → discount column {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "código  descripción  cant.  p. unit.  % bonif.  subtotal;true",
        "código  descripción  cant.  p. unit.  % boniíf.  subtotal;true",
        "cant.  descripción  precio  bonif  importe;true",
        "cant.  descripción  precio  dto.  importe;true",
        "cant.  descripción  precio  desc. %  importe;true",
        "cant.  descripción  p. unitario  desc.  total;true",
        "cant.  descripción  precio  descuento  importe;true",
        "cant.  código  descripción  p. unitario  importe;false",
        "descripcion  precio unitario  cantidad  importe;false"
      })
  void shouldFindTheDiscountColumnWhenTheHeaderNamesABonificacion(String header, boolean discount) {
    // given a table header row, normalized
    // when
    ColumnOrder order = ColumnOrder.fromHeader(PrintedLines.normalize(header));
    // then
    assertThat(order.hasDiscount()).isEqualTo(discount);
  }

  @Test
  void shouldListColumnsInPrintedOrderWhenHeaderHasTotalWithIva() {
    // given an AFIP Factura A header with both a net and an IVA-included subtotal ("Código
    // Producto" reads as one description column: the code is told apart row by row)
    String header =
        "código  producto / servicio  cantidad  u. medida  precio unit.  subtotal  alícuota iva"
            + "  subtotal c/iva";
    // when
    ColumnOrder order = ColumnOrder.fromHeader(PrintedLines.normalize(header));
    // then
    assertThat(order.columns())
        .containsExactly(
            Column.DESC, Column.QTY, Column.PRICE, Column.SUBTOTAL, Column.RATE, Column.TOTAL_IVA);
  }

  @Test
  void shouldFindTableAndTotalsWhenAProductIsNamedLikeATotal() {
    // given a row whose description starts with "Total" but has three numbers
    PrintedLines text =
        new PrintedLines(
            """
            FACTURA B
            Cant.  Descripción  Precio  Importe

            2  Arroz Gallo Oro 1kg  1.980,00  3.960,00
            Total Limpieza 500ml  1  950,00  950,00
            Subtotal: $ 4.910,00
            TOTAL $ 4.910,00
            """);
    // when
    TableLayout layout = TableLayout.of(text);
    // then the blank line is gone, the header row is line 1, and totals start at "Subtotal"
    assertThat(layout.headerRow()).isEqualTo(1);
    assertThat(layout.firstRow()).isEqualTo(2);
    assertThat(layout.totalsStart()).isEqualTo(4);
    assertThat(layout.columns().qtyBeforeDesc()).isTrue();
  }

  @Test
  void shouldLookForRowsFromTheTopWhenThereIsNoHeaderRow() {
    // given no line naming quantity, description and an amount
    PrintedLines text = new PrintedLines("Arroz  2  1.980,00  3.960,00\nTOTAL $ 3.960,00\n");
    // when
    TableLayout layout = TableLayout.of(text);
    // then
    assertThat(layout.hasHeaderRow()).isFalse();
    assertThat(layout.firstRow()).isZero();
    assertThat(layout.totalsStart()).isEqualTo(1);
    assertThat(layout.columns()).isEqualTo(ColumnOrder.NONE);
  }
}
