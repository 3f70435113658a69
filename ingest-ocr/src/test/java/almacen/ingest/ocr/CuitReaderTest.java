package almacen.ingest.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CuitReaderTest {

  private static CuitReader reader(String text, ParseIssues issues) {
    return new CuitReader(new PrintedLines(text), issues);
  }

  @ParameterizedTest(name = "{0} / {1} → {2}")
  @CsvSource(
      delimiter = ';',
      value = {
        "Datos del emisor;CUIT: 30-71234567-1;2",
        "Factura;CUIT: 30-71234567-1;0",
        "Señor(es): ALMACEN DON PEPE;CUIT: 20-12345678-6;-1",
        "Factura;Cliente: ALMACEN  CUIT: 20-12345678-6;-2",
        "Señor(es): ALMACEN DON PEPE;Cliente  CUIT: 20-12345678-6;-3",
        "Ingresos Brutos: 901-1;Razón Social: X  CUIT: 30-71234567-1;0"
      })
  void shouldScoreCuitByItsNeighboursWhenLabelsSayWhoseItIs(
      String above, String line, int expected) {
    // given a CUIT line and the line above it
    CuitReader reader = reader(above + "\n" + line, new ParseIssues());
    // when
    int score = reader.score(1);
    // then
    assertThat(score).isEqualTo(expected);
  }

  @Test
  void shouldTellIssuerFromBuyerWhenBuyerIsPrintedFirst() {
    // given the buyer's block on top and the issuer's CUIT next to its IIBB
    String text =
        """
        Señor(es): ALMACEN DON PEPE  CUIT: 27-23456789-1
        Curr: 33-70000001-5
        Ingresos Brutos: Exento
        """;
    // when
    CuitReader.Cuits cuits = reader(text, new ParseIssues()).read();
    // then
    assertThat(cuits).isEqualTo(new CuitReader.Cuits("33-70000001-5", "27-23456789-1"));
  }

  @Test
  void shouldGiveTheIssuersFieldsToTheCuitBeforeThemWhenTheBuyersCuitFollowsThem() {
    // given a scan's text (seed 1618033, layout 6) where the issuer's IIBB and activity start end
    // its block, right above the buyer's CUIT
    String text =
        """
        Razón Social: HNOS. FERRARI S.H.
        CUIT: 30-37245700-3
        Domicilio Comercial: San Martín 455, Rosario
        B | FACTURA
        COD. 06
        Ingresos Brutos: 901-372457-1
        Inicio de Actividades: 01/03/2015
        CUIT: 20-53401969-7
        Condición frente al IVA: IVA Responsable Inscripto
        Apellido y Nombre / Razón Social: ALMACEN DON PEPE
        """;
    // when
    CuitReader.Cuits cuits = reader(text, new ParseIssues()).read();
    // then
    assertThat(cuits).isEqualTo(new CuitReader.Cuits("30-37245700-3", "20-53401969-7"));
  }

  @Test
  void shouldKnowTheIibbLabelWhenOcrMisreadItsFirstLetter() {
    // given "IIBB" read as "TIBB" under the issuer's CUIT (seed 271828, layout 3)
    String text =
        """
        C.U.I.T.: 33-25621222-1
        TIBB: 901-256212-1
        """;
    // when
    int score = reader(text, new ParseIssues()).score(0);
    // then
    assertThat(score).isEqualTo(CuitReader.ISSUER_FIELD_NEAR);
  }

  @Test
  void shouldLeaveIssuerEmptyWhenTheOnlyCuitIsTheBuyers() {
    // given only the buyer's CUIT
    ParseIssues issues = new ParseIssues();
    // when
    CuitReader.Cuits cuits = reader("Cliente: ALMACEN  CUIT: 20-12345678-6", issues).read();
    // then
    assertThat(cuits).isEqualTo(new CuitReader.Cuits(null, "20-12345678-6"));
    assertThat(issues.list())
        .containsExactly(
            "El único CUIT encontrado parece ser el del cliente; revisar el CUIT del proveedor.");
  }

  @Test
  void shouldIgnoreCuitWithWrongCheckDigitWhenItIsLabelled() {
    // given a labelled CUIT whose check digit is wrong
    ParseIssues issues = new ParseIssues();
    // when
    CuitReader.Cuits cuits = reader("CUIT: 30-71234567-2", issues).read();
    // then
    assertThat(cuits).isEqualTo(new CuitReader.Cuits(null, null));
    assertThat(issues.list())
        .containsExactly(
            "CUIT '30-71234567-2' con dígito verificador inválido: ignorado.",
            "No se encontró un CUIT válido del emisor.");
  }
}
