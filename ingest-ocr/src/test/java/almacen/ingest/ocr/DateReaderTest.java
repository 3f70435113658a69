package almacen.ingest.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateReaderTest {

  @ParameterizedTest(name = "{0} → issue {1}, CAE due {2}")
  @CsvSource(
      delimiter = ';',
      value = {
        "Fecha de Emisión: 15/10/2025;2025-10-15;",
        "Fecha: 02/09/2025;2025-09-02;",
        "Fecha de Vto. de CAE: 25/10/2025;;2025-10-25",
        "Fecha de Inicio de Actividades: 01/03/2015;;",
        "Período Facturado Desde: 01/10/2025;;",
        "Fecha de Emisión: 3O/06/2025;2025-06-30;",
        "Fecha de Emisión: 31/02/2025;;"
      })
  void shouldTellDatesApartByTheirLabelWhenLabelled(
      String line, LocalDate issue, LocalDate caeDue) {
    // given one labelled date
    // when
    DateReader.Dates dates = new DateReader(new PrintedLines(line), new ParseIssues()).read();
    // then
    assertThat(dates).isEqualTo(new DateReader.Dates(issue, caeDue));
  }

  @Test
  void shouldTakeUnlabelledDateAndSaySoWhenNoIssueDateIsLabelled() {
    // given a date without a label and an activity start
    ParseIssues issues = new ParseIssues();
    String text = "Inicio de Actividades: 01/03/2015\nSan Telmo, 20/11/2025";
    // when
    DateReader.Dates dates = new DateReader(new PrintedLines(text), issues).read();
    // then
    assertThat(dates.issue()).isEqualTo(LocalDate.of(2025, 11, 20));
    assertThat(issues.list()).containsExactly("Fecha de emisión sin rótulo: se tomó 2025-11-20.");
  }

  @Test
  void shouldRecordImpossibleDateWhenOcrMadeOne() {
    // given a 31 February
    ParseIssues issues = new ParseIssues();
    // when
    new DateReader(new PrintedLines("Fecha de Emisión: 31/02/2025"), issues).read();
    // then
    assertThat(issues.list())
        .containsExactly(
            "Fecha imposible '31/02/2025' ignorada.", "No se encontró la fecha de emisión.");
  }
}
