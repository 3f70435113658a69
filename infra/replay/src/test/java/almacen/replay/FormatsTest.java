package almacen.replay;

import static org.assertj.core.api.Assertions.assertThat;

import almacen.support.csv.Csv;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class FormatsTest {

  @Test
  void shouldGuardFormulaTextButKeepNegativeNumbersWhenLedgerCellsAreWritten() {
    // given
    Formats esAr = new Formats(true);

    // when
    String row =
        Csv.esAr()
            .row(
                Formats.BUENOS_AIRES,
                "=1+2#1",
                "-AJ-7",
                "@x",
                "S-2#1",
                Csv.number(esAr.number(new BigDecimal("-5.000"))),
                "a;b");

    // then
    assertThat(row).isEqualTo("\"'=1+2#1\";\"'-AJ-7\";\"'@x\";S-2#1;-5,00;\"a;b\"\n");
  }
}
