package almacen.ingest.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ItemTextTest {

  @ParameterizedTest(name = "{0} code={1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "HAR-8001;true",
        "AL!-2001;true",
        "7790070410122;true",
        "12;false",
        "2,350;false",
        "1.234,56;false",
        "1.000;false",
        "Yerba;false"
      })
  void shouldTellCodeFromNumberWhenTokenHasDigits(String token, boolean code) {
    // when / then
    assertThat(ItemText.isCode(token)).isEqualTo(code);
  }

  @ParameterizedTest(name = "{0} junk={1}")
  @CsvSource(
      delimiter = ';',
      value = {"a;true", "»;true", "£;true", "kg;false", "9;false", "abc;false"})
  void shouldTakeShortDigitlessNonUnitForSpeckWhenJudgingJunk(String token, boolean junk) {
    // when / then
    assertThat(ItemText.isJunk(token)).isEqualTo(junk);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = ';',
      quoteCharacter = '"',
      value = {
        "AL!-2001;ALI-2001;Renglón 1: código 'AL!-2001' leído como 'ALI-2001'.",
        "LAC-31O2;LAC-3102;Renglón 1: código 'LAC-31O2' leído como 'LAC-3102'.",
        "HAR-8001;HAR-8001;",
        "abc123;ABC123;"
      })
  void shouldUndoLetterDigitConfusionsPartByPartWhenFixingCode(
      String code, String fixed, String issue) {
    // given
    ParseIssues issues = new ParseIssues();
    // when
    String read = new ItemText(issues).fixCode(code, 1);
    // then
    assertThat(read).isEqualTo(fixed);
    if (issue == null) {
      assertThat(issues.list()).isEmpty();
    } else {
      assertThat(issues.list()).containsExactly(issue);
    }
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = ';',
      quoteCharacter = '"',
      value = {
        "Yerba Mate Playadito 5009;Yerba Mate Playadito 500g;;Renglón 2: '5009' leído como '500g'"
            + " en la descripción.",
        "Harina 000 Blancaflor 1kg;Harina 000 Blancaflor 1kg;;",
        "— Arroz Gallo Oro 1kg;Arroz Gallo Oro 1kg;;",
        "Lavandina Ayudin 11;Lavandina Ayudin 1L;Renglón 2: '11' leído como '1L' al final de la"
            + " descripción.;",
        "Yogur Sancor Frutilla 11.;Yogur Sancor Frutilla 1L;Renglón 2: '11.' leído como '1L' al"
            + " final de la descripción.;",
        "Gaseosa Coca-Cola 2,251;Gaseosa Coca-Cola 2,25L;Renglón 2: '2,251' leído como '2,25L' al"
            + " final de la descripción.;",
        "Agua Villavicencio 1,5L.;Agua Villavicencio 1,5L;;Renglón 2: '1,5L.' leído como '1,5L' (un"
            + " punto después de la unidad) en la descripción.",
        "Queso Rallado 150 grs.;Queso Rallado 150 grs.;;"
      })
  void shouldFixPackSizesSpecksAndLitresWhenFixingDescription(
      String description, String fixed, String issue, String correction) {
    // given
    ParseIssues issues = new ParseIssues();
    // when
    String read = new ItemText(issues).fixDescription(description, 2);
    // then a fix with one possible reading is a correction, any other an issue
    assertThat(read).isEqualTo(fixed);
    assertThat(String.join(" | ", issues.list())).isEqualTo(issue == null ? "" : issue);
    assertThat(String.join(" | ", issues.corrections()))
        .isEqualTo(correction == null ? "" : correction);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = ';',
      quoteCharacter = '"',
      value = {
        "Pure de Tomate Arcor 5209;Pure de Tomate Arcor 520g;;Renglón 2: '5209' leído como '520g'"
            + " en la descripción.",
        "Pure de Tomate Arcor 520y;Pure de Tomate Arcor 520g;;Renglón 2: '520y' leído como '520g'"
            + " en la descripción.",
        "Detergente Magistral 500m!;Detergente Magistral 500ml;;Renglón 2: '500m!' leído como"
            + " '500ml' en la descripción.",
        "Detergente Magistral 500m1;Detergente Magistral 500ml;;Renglón 2: '500m1' leído como"
            + " '500ml' en la descripción.",
        "Arroz Gallo Oro 1lkg;Arroz Gallo Oro 1kg;Renglón 2: '1lkg' leído como '1kg' en la"
            + " descripción.;",
        "Arroz Gallo Oro lkg;Arroz Gallo Oro 1kg;;Renglón 2: 'lkg' leído como '1kg' en la"
            + " descripción.",
        "Jabon en Polvo Ala 800g,;Jabon en Polvo Ala 800g;;Renglón 2: ',' al final de la"
            + " descripción, descartado.",
        "Manteca La Serenisima 2008,;Manteca La Serenisima 200g;Renglón 2: '2008' leído como '200g'"
            + " en la descripción.;Renglón 2: ',' al final de la descripción, descartado.",
        "VinoToro Tinto Tetra 1L;Vino Toro Tinto Tetra 1L;Renglón 2: 'VinoToro' leído como 'Vino"
            + " Toro' (palabras pegadas).;",
        "=2 Dulce de Leche 400g;Dulce de Leche 400g;Renglón 2: '=2' al principio de la descripción,"
            + " descartado.;",
        "Papas Bastón McCain 720g;Papas Bastón McCain 720g;;",
        "Detergente Magistral 500ml1;Detergente Magistral 500ml;Renglón 2: '500ml1' leído como"
            + " '500ml' en la descripción.;",
        "Manteca La Serenisima 200yg;Manteca La Serenisima 200g;;Renglón 2: '200yg' leído como"
            + " '200g' en la descripción.",
        "Te Verde x 158;Te Verde x 158;;",
        "Vino Malbec 2019;Vino Malbec 2019;;"
      })
  void shouldFixASizeWhenItsUnitWasReadAsADigitOrAMark(
      String description, String fixed, String issues, String corrections) {
    // given
    ParseIssues found = new ParseIssues();
    // when
    String read = new ItemText(found).fixDescription(description, 2);
    // then a fix with one possible reading is a correction; "2008" may be a year, "1lkg" "11kg"
    assertThat(read).isEqualTo(fixed);
    assertThat(String.join(" | ", found.list())).isEqualTo(issues == null ? "" : issues);
    assertThat(String.join(" | ", found.corrections()))
        .isEqualTo(corrections == null ? "" : corrections);
  }

  @ParameterizedTest(name = "{0} unit={1}")
  @CsvSource(
      delimiter = ';',
      value = {"unidades;true", "«unidades;true", "kg.;true", "«;false", "«u;false", "Arroz;false"})
  void shouldTakeAUnitWordWithASpeckGluedToItForAUnit(String token, boolean unit) {
    // when / then
    assertThat(ItemText.isUnit(token)).isEqualTo(unit);
  }

  @ParameterizedTest(name = "{0} speck={1}")
  @CsvSource(
      delimiter = ';',
      value = {"a;true", "d:1;true", "TÁ;true", "11;false", "1,5;false", "kg;false", "Oro;false"})
  void shouldTakeAGarbledShortTokenForASpeckWhenItReadsAsNoNumberUnitOrWord(
      String token, boolean speck) {
    // when / then
    assertThat(ItemText.isSpeck(token)).isEqualTo(speck);
  }

  @ParameterizedTest(name = "{0} {1} {2} → {3}")
  @CsvSource(
      delimiter = ';',
      value = {
        "Salamandra;4009;UN;400g",
        "Celusal;500y;32;500g",
        "Blancaflor;lkg;(10,50);1kg",
        "Frutilla;11;UN;1L",
        "UN;11;1.350,00;11",
        "Villavicencio;1,5L.;4;1,5L",
        "Oro;1kg;9;1kg",
        "Arcor;5209;UN;520g",
        "Oro;1lkg;UN;1kg",
        "Magistral;500m!;UN;500ml"
      })
  void shouldFixAWordOfADescriptionAsTheDescriptionFixWould(
      String previous, String word, String next, String fixed) {
    // when / then
    assertThat(SizeWords.fixedSize(previous, word, next)).isEqualTo(fixed);
  }

  @ParameterizedTest(name = "{0} flagged={1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "Pure de Tomate Arcor 520;true",
        "Arroz Gallo Oro 1lkg;true",
        "Harina 000;false",
        "Te Taragui 50 saquitos;false",
        "Galletitas Criollitas 3 x 100g;false"
      })
  void shouldFlagADescriptionWhoseSizeLostItsUnit(String description, boolean flagged) {
    // given
    ParseIssues issues = new ParseIssues();
    // when
    ItemText.checkDescription(description, 2, issues);
    // then
    assertThat(issues.list().isEmpty()).isEqualTo(!flagged);
  }

  @ParameterizedTest(name = "{0} flagged={1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "LIM-7002 Detergente Magistral 500ml;true",
        "Yerba Mate Playadito 500g;false",
        "Te Verde 20 saquitos;false"
      })
  void shouldFlagADescriptionWhenItStartsWithASupplierCode(String description, boolean flagged) {
    // given a row whose code column was lost into the description
    ParseIssues issues = new ParseIssues();
    // when
    ItemText.checkDescription(description, 2, issues);
    // then
    assertThat(issues.list().isEmpty()).isEqualTo(!flagged);
  }
}
