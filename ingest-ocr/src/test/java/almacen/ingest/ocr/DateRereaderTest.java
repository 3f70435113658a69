package almacen.ingest.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import almacen.ingest.ocr.PdfWords.Word;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DateRereaderTest {

  /** A scan's letterhead as the page pass read it: "Fecha de Emisión" joined to "Domicilio". */
  private static final String LOST_DATE =
      "ORIGINAL\n"
          + "HNOS. FERRARI S.H.          A | FACTURA\n"
          + "A       e pe          Punto de Venta: 00003 Comp. Nro: 00095947\n"
          + "Domicilio Comercial: Av. Corrientes 1234 - CABA             rica\n"
          + "Fecha de Inicio de Actividades: 01/03/2015\n"
          + "Descripción   Código   Cantidad   Precio   Total\n"
          + "Harina 000 Blancaflor 1kg   HAR-8001   24   1.045,00   25.080,00\n"
          + "Fecha de Vto. de CAE: 22/02/2026\n";

  @Test
  void shouldLookAtTheLetterheadAgainWhenThePageShowsNoLabelledIssueDate() {
    // given a page whose only dates are the activity start and the CAE's due date
    // when
    boolean wants = DateRereader.wants(LOST_DATE);
    boolean wantsWhenDated = DateRereader.wants("Fecha de Emisión: 12/02/2026\n");
    // then
    assertThat(wants).isTrue();
    assertThat(wantsWhenDated).isFalse();
  }

  @Test
  void shouldReadTheIssueDateWhenTheSecondLookPutsItsLineInTheLetterhead() {
    // given the line the sparse second look read
    String amended = DateRereader.withLine(LOST_DATE, "Fecha de Emisión:   12/02/2026");
    // when
    InvoiceTextParser.Parsed parsed = InvoiceTextParser.parse(amended);
    // then
    assertThat(amended)
        .contains(
            "Fecha de Inicio de Actividades: 01/03/2015\nFecha de Emisión:   12/02/2026\n"
                + "Descripción   Código   Cantidad   Precio   Total\n");
    assertThat(parsed.issueDate()).isEqualTo(LocalDate.of(2026, 2, 12));
    assertThat(parsed.caeDueDate()).isEqualTo(LocalDate.of(2026, 2, 22));
  }

  @Test
  void shouldLookOnlyAboveTheItemTableWhenThePageHasAHeaderRow() {
    // given a letterhead line and the table's header row, 24 px high with its baseline at y 820
    List<Word> words =
        List.of(
            new Word("CUIT:", 100, 160, 500, 24, 12),
            new Word("Descripción", 100, 240, 820, 24, 12),
            new Word("Cantidad", 600, 700, 820, 24, 12),
            new Word("Precio", 800, 870, 820, 24, 12),
            new Word("Total", 1000, 1060, 820, 24, 12));
    // when
    int top = DateRereader.tableTop(words);
    int none = DateRereader.tableTop(List.of(new Word("CUIT:", 100, 160, 500, 24, 12)));
    // then
    assertThat(top).isEqualTo(796);
    assertThat(none).isZero();
  }

  @Test
  void shouldNotTakeTheDateReadAgainWhenItFallsAfterTheCaesDueDate() {
    // given the CAE's due date 22/02/2026 printed on the page
    LocalDate caeDue = LocalDate.of(2026, 2, 22);
    // when
    boolean misread = DateRereader.believable(LocalDate.of(2028, 2, 12), caeDue);
    boolean before = DateRereader.believable(LocalDate.of(2026, 2, 12), caeDue);
    boolean withoutCae = DateRereader.believable(LocalDate.of(2026, 2, 12), null);
    // then
    assertThat(misread).isFalse();
    assertThat(before).isTrue();
    assertThat(withoutCae).isTrue();
  }
}
