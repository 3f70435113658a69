package almacen.ingest.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ItemDoubtsTest {

  private static ReadLine line(String code, String description) {
    return new ReadLine(
        code,
        description,
        new BigDecimal("2"),
        new BigDecimal("10.00"),
        new BigDecimal("21"),
        new BigDecimal("20.00"));
  }

  private static List<String> issues(ItemDoubts doubts, List<ReadLine> lines) {
    List<String> out = new ArrayList<>();
    doubts.check(lines, out::add);
    return out;
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "LAC-3101, AAA-9",
    "LAC3101, AAA9",
    "LACC-3101, AAAA-9",
    "7790401109893, 9",
    "12, 9",
    "A-12/3, A-9/9"
  })
  void shouldGiveLettersAndDigitRunsTheirClassWhenShapingACode(String code, String shape) {
    assertThat(ItemDoubts.shape(code)).isEqualTo(shape);
  }

  @Test
  void shouldDoubtTheCodeWhoseShapeDiffersWhenMostCodesShareOne() {
    // given four codes of one supplier, one read without its hyphen (seed 107, a phone photo)
    List<ReadLine> lines =
        List.of(
            line("LAC-3102", "Queso Cremoso"),
            line("LAC3104", "Yogur Bebible Sancor Frutilla 1L"),
            line("FIA-4002", "Mortadela Bocatti"),
            line("ALM-2002", "Azucar Ledesma 1kg"));
    // when
    List<String> issues = issues(ItemDoubts.ofOcr(Map.of(), ""), lines);
    // then
    assertThat(issues)
        .containsExactly(
            "Renglón 2: el código 'LAC3104' no tiene la forma de los demás códigos de la factura;"
                + " revisar.");
  }

  @Test
  void shouldNotDoubtNumericCodesWhenOnlyTheirLengthsDiffer() {
    // given a supplier numbering its items 12, 345, 6789
    List<ReadLine> lines =
        List.of(line("12", "Yerba 1kg"), line("345", "Fideos 500g"), line("6789", "Arroz 1kg"));
    // when / then
    assertThat(issues(ItemDoubts.ofOcr(Map.of(), ""), lines)).isEmpty();
  }

  @Test
  void shouldDoubtAStrayGlyphWhenARuleOrDashIsReadIntoTheCodeOrDescription() {
    // given a dash read before a code, and one joined to the description (seed 107, photos)
    List<ReadLine> lines =
        List.of(
            line("— FIA-4003", "Salame Milan Cagnoli"),
            line("7790401109893", "—FIA-4002 Mortadela Bocatti"));
    // when / then
    assertThat(issues(ItemDoubts.ofOcr(Map.of(), ""), lines))
        .containsExactly(
            "Renglón 1: el código '— FIA-4003' tiene signos dudosos; revisar.",
            "Renglón 2: la descripción '—FIA-4002 Mortadela Bocatti' tiene signos dudosos;"
                + " revisar.");
  }

  @Test
  void shouldDoubtADescriptionWordWhenTesseractGaveItALowConfidence() {
    // given "zz" read at confidence 0 before a product name, the rest read with confidence
    Map<String, Integer> confidence = Map.of("zz", 0, "Gaseosa", 91, "Coca-Cola", 93, "2,25L", 93);
    List<ReadLine> lines = List.of(line(null, "zz Gaseosa Coca-Cola 2,25L"));
    // when / then
    assertThat(issues(ItemDoubts.ofOcr(confidence, ""), lines))
        .containsExactly("Renglón 1: el OCR no está seguro de 'zz' en la descripción; revisar.");
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "Papel Higjenico Higjenol 4 x 30m;el OCR no está seguro de 'Higjenico' en la descripción",
        "Cocjna Jnfantil;el OCR no está seguro de 'Cocjna' en la descripción",
        "Cerveza Quilmes Lata 47 3cc;la medida '47 3cc' de la descripción parece partida",
        "Papel Higienico Higienol 4 x 30m;",
        "Naranja Jugo Conjunto Objeto Reloj;",
        "Harina 000 1kg;",
        "Agua Pack 6 500ml;",
        "Cerveza Quilmes Lata 473cc;"
      })
  void shouldDoubtTextNoProductNameHasWhenTesseractIsSureOfIt(String description, String doubt) {
    // given every word read with a high confidence
    List<ReadLine> lines = List.of(line(null, description));
    // when
    List<String> found = issues(ItemDoubts.ofOcr(Map.of(), ""), lines);
    // then an i read as a j, or a size split in two, is doubted all the same
    if (doubt == null) {
      assertThat(found).isEmpty();
    } else {
      assertThat(found).containsExactly("Renglón 1: " + doubt + "; revisar.");
    }
  }

  @Test
  void shouldTrustALowConfidenceCodeWhenItsShapeIsTheUsualOne() {
    // given Tesseract unsure of codes, as it is of most codes right or wrong (no dictionary has
    // them)
    Map<String, Integer> confidence = Map.of("HAR-8001", 9, "Harina", 93, "000", 90, "1kg", 91);
    List<ReadLine> lines = List.of(line("HAR-8001", "Harina 000 1kg"));
    // when / then
    assertThat(issues(ItemDoubts.ofOcr(confidence, ""), lines)).isEmpty();
  }

  @Test
  void shouldSayCodesWereLostWhenThePagePrintsThemAndNoItemHasOne() {
    // given a photo whose code column Tesseract read as a block of its own, apart from the rows
    String text = "Código\nLIM-7001\nCAF-9001\nBEB-6002\nDescripción Cant. Importe\n";
    List<ReadLine> lines =
        List.of(
            line(null, "Lavandina Ayudin 1L"),
            line(null, "Cafe La Virginia Molido 250g"),
            line(null, "Agua Villavicencio 1,5L"));
    // when / then
    assertThat(issues(ItemDoubts.ofOcr(Map.of(), text), lines))
        .containsExactly(
            "La página muestra códigos de artículo que no quedaron en ningún renglón; revisá los"
                + " códigos.");
  }

  @Test
  void shouldDoubtNothingWhenTheTextIsAPdfTextLayer() {
    // given exact characters: what a text PDF prints is what it says
    List<ReadLine> lines =
        List.of(
            line("LAC-3102", "Queso ]"), line("LAC3104", "Yogur"), line("FIA-4002", "Mortadela"));
    // when / then
    assertThat(issues(ItemDoubts.NONE, lines)).isEmpty();
  }
}
