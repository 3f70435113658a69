package almacen.support.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvTest {

  private static final ZoneId BUENOS_AIRES = ZoneId.of("America/Argentina/Buenos_Aires");

  @Test
  void shouldQuoteAndPrefixTextThatASpreadsheetWouldEvaluateWhenWritten() {
    // when
    String row =
        Csv.plain()
            .row(
                BUENOS_AIRES,
                "=HYPERLINK(\"http://x\",\"clic\")",
                "+5491155550000",
                "-2+3",
                "@SUM(A1:A9)",
                "\tcmd",
                "\rcmd",
                "Yerba",
                "a,b",
                "");

    // then
    assertThat(row)
        .isEqualTo(
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"clic\"\")\",\"'+5491155550000\",\"'-2+3\","
                + "\"'@SUM(A1:A9)\",\"'\tcmd\",\"'\rcmd\",Yerba,\"a,b\",\n");
  }

  @Test
  void shouldKeepNegativeNumbersAsNumbersWhenTheCellIsNumeric() {
    // when: a negative delta, a negative sequence-like long and a text id that looks numeric
    String plain = Csv.plain().row(BUENOS_AIRES, new BigDecimal("-2.000"), -3L, 7, "-2.000");
    String esAr =
        Csv.forLocale("es-AR").row(BUENOS_AIRES, new BigDecimal("-2.000"), -3L, 7, "-2.000");

    // then: numbers untouched (decimal comma in es-AR), the text cell guarded
    assertThat(plain).isEqualTo("-2.000,-3,7,\"'-2.000\"\n");
    assertThat(esAr).isEqualTo("-2,000;-3;7;\"'-2.000\"\n");
  }

  @Test
  void shouldWriteSemicolonsDecimalCommaAndArgentineDatesWhenLocaleIsEsAr() {
    // given
    Csv csv = Csv.forLocale("es-AR");
    Instant noonInBuenosAires = Instant.parse("2026-03-10T15:00:00Z");

    // when
    String header = csv.header("sku", "name", "onHand", "updatedAt", "day");
    String row =
        csv.row(
            BUENOS_AIRES,
            "ALM000001",
            "Galletitas; dulces",
            new BigDecimal("1234.5"),
            noonInBuenosAires,
            LocalDate.of(2026, 3, 1),
            null);

    // then
    assertThat(csv.preamble()).isEqualTo("\uFEFF");
    assertThat(header).isEqualTo("sku;name;onHand;updatedAt;day\n");
    assertThat(row)
        .isEqualTo("ALM000001;\"Galletitas; dulces\";1234,5;10/03/2026 12:00:00;01/03/2026;\n");
  }

  @Test
  void shouldWriteIsoDatesAndNoBomWhenLocaleIsAbsent() {
    // when
    Csv csv = Csv.forLocale(null);
    String row =
        csv.row(
            BUENOS_AIRES,
            "Galletitas; dulces",
            new BigDecimal("1234.5"),
            Instant.parse("2026-03-10T15:00:00Z"),
            LocalDate.of(2026, 3, 1));

    // then
    assertThat(csv.preamble()).isEmpty();
    assertThat(csv.locale()).isNull();
    assertThat(row).isEqualTo("Galletitas; dulces,1234.5,2026-03-10T12:00:00-03:00,2026-03-01\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"es-AR", "es_AR", "ES-ar"})
  void shouldSelectEsArWhenLocaleIsWrittenAnyWay(String locale) {
    // then
    assertThat(Csv.forLocale(locale).locale()).isEqualTo("es-AR");
  }

  @Test
  void shouldRefuseAnUnknownLocaleWhenAsked() {
    // then
    assertThatThrownBy(() -> Csv.forLocale("fr-FR"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("locale must be es-AR or absent");
  }

  @Test
  void shouldKeepPhysicalLineNumbersWhenBlankLinesHeaderBomAndQuotesAreRead() {
    // given a body as a spreadsheet saves it: BOM, header, CRLF, blank lines, quoted cells with a
    // doubled quote
    String body =
        "\uFEFFsaleId,branch,sku\r\nS-1, central ,\"ALM\"\"1\"\r\n\r\n  \r\nS-2,norte,\"a,b\"\r\n";

    // when
    List<Csv.Row> rows = Csv.read(body, "SALEID");

    // then
    assertThat(rows)
        .containsExactly(
            new Csv.Row(2, List.of("S-1", "central", "ALM\"1")),
            new Csv.Row(5, List.of("S-2", "norte", "a,b")));
  }

  @Test
  void shouldKeepTheHeaderAsTheFirstRowWhenEveryRowIsRead() {
    // given a BOM and blank lines before the header
    String body = "\uFEFF\n\nsku,name\r\nALM1,Yerba\r\n";

    // when
    List<Csv.Row> rows = Csv.readAll(body);

    // then
    assertThat(rows)
        .containsExactly(
            new Csv.Row(3, List.of("sku", "name")), new Csv.Row(4, List.of("ALM1", "Yerba")));
  }

  @Test
  void shouldReadTheFirstLineAsDataWhenItIsNotTheHeader() {
    // when
    List<Csv.Row> rows = Csv.read("2026-01,2.2,INDEC\n2026-02,2.4", "month");

    // then
    assertThat(rows)
        .containsExactly(
            new Csv.Row(1, List.of("2026-01", "2.2", "INDEC")),
            new Csv.Row(2, List.of("2026-02", "2.4")));
  }

  @Test
  void shouldRefuseWithTheLineWhenAQuoteIsNeverClosed() {
    // when / then
    assertThatThrownBy(() -> Csv.read("month,ratePct\n2026-01,2.2\n\"2026-02,2.4\n", "month"))
        .isInstanceOfSatisfying(
            Csv.MalformedException.class, e -> assertThat(e.line()).isEqualTo(3))
        .hasMessageStartingWith("line 3: not valid CSV");
  }

  @Test
  void shouldReadNothingWhenTheBodyIsAbsent() {
    // then
    assertThat(Csv.read(null, "month")).isEmpty();
  }
}
