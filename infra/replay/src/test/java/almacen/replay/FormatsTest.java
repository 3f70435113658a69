package almacen.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class FormatsTest {

  @Test
  void shouldGuardFormulaTextButKeepNegativeNumbersWhenLedgerCellsAreWritten() {
    // given
    Formats esAr = new Formats(true);

    // when
    String row = String.join(";", Formats.csv("=1+2#1", ';'), Formats.csv("-AJ-7", ';'), Formats.csv("@x", ';'),
        Formats.csv("S-2#1", ';'), esAr.number(new BigDecimal("-5.000")), Formats.csv("a;b", ';'));

    // then
    assertThat(row).isEqualTo("\"'=1+2#1\";\"'-AJ-7\";\"'@x\";S-2#1;-5,00;\"a;b\"");
  }
}
