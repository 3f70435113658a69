package almacen.ingest.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import almacen.ingest.ocr.LetterBoxRereader.Seen;
import almacen.ingest.ocr.PdfWords.Word;
import java.util.List;
import org.junit.jupiter.api.Test;

class LetterBoxRereaderTest {

  private static Seen seen(String text, int x0, int x1, int line) {
    return new Seen(text, new LetterBox.Bounds(x0, 100, x1, 115), line);
  }

  @Test
  void shouldTakeTheCodeLabelAndTheShortWordAfterItWhenARuleMadeTheCodeUnreadable() {
    // given the page pass's words: the issuer's name, then "COD. P6" on a line of its own
    List<Seen> words =
        List.of(
            seen("MAYORISTA", 10, 200, 1),
            seen("EL", 210, 240, 1),
            seen("COD.", 853, 900, 2),
            seen("P6", 905, 932, 2),
            seen("FACTURA", 1000, 1200, 2));

    // when
    LetterBoxRereader.Label label = LetterBoxRereader.label(words);

    // then
    assertThat(label).isNotNull();
    assertThat(label.label()).isEqualTo("COD.");
    assertThat(label.code()).isEqualTo("P6");
    assertThat(label.x0()).isEqualTo(853);
    assertThat(label.x1()).isEqualTo(932);
  }

  @Test
  void shouldFindNoLabelWhenCodigoHeadsATableColumn() {
    // given the item table's heading "Código  Producto / Servicio"
    List<Seen> words =
        List.of(seen("Código", 10, 80, 7), seen("Producto", 120, 200, 7), seen("/", 205, 210, 7));

    // when / then
    assertThat(LetterBoxRereader.label(words)).isNull();
  }

  @Test
  void shouldPutTheLetterOnItsOwnLineAndTheCodeReadAgainWhenBothAgree() {
    // given the page's text with "COD. P6", and the second look's letter B and code 06
    String text = "MAYORISTA EL SOL S.R.L.\nCOD. P6\nFACTURA\nPunto de Venta: 00007";
    Word cod = new Word("COD.", 853, 900, 115, 15, 8);
    Word code = new Word("P6", 905, 932, 115, 15, 8);
    LetterBoxRereader.Label label =
        new LetterBoxRereader.Label("COD.", "P6", 853, 100, 932, 115, 100, 115);
    LetterBoxRereader.Reading reading =
        new LetterBoxRereader.Reading(InvoiceType.B, new LetterBox.Bounds(870, 40, 915, 90), "06");

    // when
    LetterBoxRereader.Amended amended =
        LetterBoxRereader.amend(text, List.of(cod, code), label, reading);

    // then the text and the words both say B, 06
    assertThat(amended.text())
        .isEqualTo("MAYORISTA EL SOL S.R.L.\nB\nCOD. 06\nFACTURA\nPunto de Venta: 00007");
    assertThat(amended.words()).extracting(Word::text).containsExactly("COD.", "06", "B");
    assertThat(HeaderReader.showsType(text)).isFalse();
    InvoiceTextParser.Parsed parsed = InvoiceTextParser.parse(amended.text());
    assertThat(parsed.type()).isEqualTo(InvoiceType.B);
    assertThat(parsed.afipCode()).isEqualTo(6);
    assertThat(parsed.issues()).noneSatisfy(i -> assertThat(i).contains("tipo de factura"));
  }

  @Test
  void shouldAskForTheLetterBoxOnlyWhenTheTextShowsNoType() {
    OcrEngine.LineReview review = InvoiceTextParser.ROW_REVIEW;
    assertThat(review.wantsLetterBox("MAYORISTA EL SOL\nCOD. P6\nFACTURA")).isTrue();
    assertThat(review.wantsLetterBox("MAYORISTA EL SOL\nCOD. 06\nFACTURA")).isFalse();
    assertThat(review.wantsLetterBox("MAYORISTA EL SOL   B   FACTURA\nCOD. P6")).isFalse();
    assertThat(OcrEngine.LineReview.NONE.wantsLetterBox("FACTURA")).isFalse();
  }
}
