package almacen.ingest.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Text PDFs of the held-out layouts read from the text layer by position, without OCR: the OCR
 * engine here would read nothing.
 */
class PdfTextLayerTest {

  private final FakeOcrEngine engine = new FakeOcrEngine("");
  private final OcrInvoiceReader reader =
      new OcrInvoiceReader(engine, page -> Optional.empty(), OcrSettings.defaults());

  @Test
  void shouldKeepEanRateAndNameApartWhenPdfHasAnEanColumn() throws Exception {
    // given a Factura A with EAN and code columns, a rate per line, the name beside the POS
    EvalSet.Sample sample = sample(3);

    // when
    ReadInvoice read = reader.read(sample.files().get(0), "central");

    // then
    assertThat(read.lines()).hasSameSizeAs(sample.truth().lines());
    assertThat(EvalAccuracy.exactLines(sample.truth(), read.lines()))
        .isEqualTo(sample.truth().lines().size());
    assertThat(read.supplierName()).isEqualTo(sample.truth().supplierName());
    assertThat(read.pointOfSale()).isEqualTo(sample.truth().pointOfSale());
    assertThat(read.issues()).isEmpty();
    assertThat(engine.calls()).isZero();
  }

  @Test
  void shouldReadEveryRowWithoutCarryLinesWhenWholesalerInvoiceHasTwoPages() throws Exception {
    // given a two-page Factura A with "Transporte" and "De transporte" lines
    EvalSet.Sample sample = sample(4);

    // when
    ReadInvoice read = reader.read(sample.files().get(0), "central");

    // then
    assertThat(sample.pages()).isEqualTo(2);
    assertThat(read.lines()).hasSameSizeAs(sample.truth().lines());
    assertThat(EvalAccuracy.exactLines(sample.truth(), read.lines()))
        .isEqualTo(sample.truth().lines().size());
    assertThat(read.total()).isEqualByComparingTo(sample.truth().total());
    assertThat(read.issues()).isEmpty();
  }

  @Test
  void shouldReadRowNumberLayoutWhenQuantityComesBeforeTheDescription() throws Exception {
    // given item numbers, supplier code, quantity and unit before the description
    EvalSet.Sample sample = sample(7);

    // when
    ReadInvoice read = reader.read(sample.files().get(0), "central");

    // then
    assertThat(read.lines()).hasSameSizeAs(sample.truth().lines());
    assertThat(EvalAccuracy.exactLines(sample.truth(), read.lines()))
        .isEqualTo(sample.truth().lines().size());
    assertThat(read.issues()).isEmpty();
  }

  private static EvalSet.Sample sample(int layout) {
    EvalSet set = new EvalSet(EvalSet.SEED);
    List<EvalSet.Layout> layouts = EvalSet.LAYOUTS;
    return set.sample(layouts.get(layout), EvalSet.Capture.TEXT_PDF, 0);
  }
}
