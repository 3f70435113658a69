package almacen.ingest.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ParseIssuesTest {

  @Test
  void shouldKeepIssuesAndCorrectionsApartInTheOrderTheyWereSaid() {
    // given
    ParseIssues said = new ParseIssues();
    // when
    said.add("first issue");
    said.correction("first correction");
    said.add("second issue");
    said.correction("second correction");
    // then
    assertThat(said.list()).containsExactly("first issue", "second issue");
    assertThat(said.corrections()).containsExactly("first correction", "second correction");
  }

  @Test
  void shouldForgetCorrectionsTooWhenATriedReadingIsRolledBack() {
    // given a reading tried after one issue
    ParseIssues said = new ParseIssues();
    said.add("kept");
    int mark = said.mark();
    said.correction("tried");
    said.add("tried too");
    // when it is dropped, and an issue is said where it began
    said.rollBack(mark);
    said.insert(mark, "instead");
    // then
    assertThat(said.list()).containsExactly("kept", "instead");
    assertThat(said.corrections()).isEmpty();
  }

  @Test
  void shouldLeaveAComputedValueToAPersonWhenItsRowsOtherFixesAreCorrections() {
    // given a row whose quantity was computed (none was read) and whose total lost its comma
    RowNumbers.Pick pick =
        new RowNumbers.Pick(
            Numbers.Cand.derived(new BigDecimal("7"), 3, "cantidad ilegible, calculada como 7"),
            new Numbers.Cand(new BigDecimal("100.00"), 0, null),
            new Numbers.Cand(new BigDecimal("700.00"), 1, "'70000' sin coma decimal"),
            -1,
            1,
            2,
            4);
    ParseIssues said = new ParseIssues();
    // when
    said.rowFixes(4, pick);
    // then
    assertThat(said.list())
        .containsExactly(
            "Renglón 4: cantidad ilegible, calculada como 7 (cantidad × precio = importe).");
    assertThat(said.corrections())
        .containsExactly("Renglón 4: '70000' sin coma decimal (cantidad × precio = importe).");
  }
}
