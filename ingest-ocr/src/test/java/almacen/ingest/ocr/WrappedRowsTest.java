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

  @Test
  void shouldAskForReviewWhenASizeInTheDescriptionHasNoKnownUnit() {
    // given a till roll photo whose "1kg" was read "1okg": the numbers all close ("1lkg", a
    // doubled 1, is fixed and said so: ItemTextTest)
    String text =
        """
        CANT./P.UNIT.   DESCRIPCION (%IVA)   IMPORTE
        16,000 x 2395,80
        Arroz Gallo Oro 1okg (21,00)   38332,80
        3,003 x 8337,51
        Mortadela Bocatti 1kg (21,00)   25037,54
        SUBTOTAL   63370,34
        TOTAL   $ 63370,34
        """;

    // when
    InvoiceTextParser.Parsed parsed = InvoiceTextParser.parse(text);

    // then only the row whose size ends in no unit of measure is flagged (the header is not
    // printed)
    assertThat(parsed.issues())
        .filteredOn(issue -> issue.startsWith("Renglón"))
        .containsExactly(
            "Renglón 1: la medida '1okg' de la descripción no termina en una unidad conocida;"
                + " revisar.");
  }
}
