package almacen.ingest.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class WrappedRowsTest {

  @Test
  void shouldReadOneItemWhenTillPrintsQuantityAndPriceAboveTheDescription() {
    // given a till roll: "qty x price" on one line, description (rate) and amount on the next
    String text =
        """
        CANT./P.UNIT.   DESCRIPCION (%IVA)   IMPORTE
        2,000 x 3448,50
        Yerba Mate Playadito 500g (21,00)   6897,00
        0,750 x 10829,50
        Queso Cremoso Punta del Agua (21,00)   8122,13
        SUBTOTAL   15019,13
        TOTAL   $ 15019,13
        """;

    // when
    InvoiceTextParser.Parsed parsed = InvoiceTextParser.parse(text);

    // then
    assertThat(parsed.lines())
        .containsExactly(
            new ReadLine(
                null,
                "Yerba Mate Playadito 500g",
                new BigDecimal("2"),
                new BigDecimal("3448.50"),
                null,
                new BigDecimal("6897.00")),
            new ReadLine(
                null,
                "Queso Cremoso Punta del Agua",
                new BigDecimal("0.75"),
                new BigDecimal("10829.50"),
                null,
                new BigDecimal("8122.13")));
    assertThat(parsed.total()).isEqualByComparingTo("15019.13");
  }
}
