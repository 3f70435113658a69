package almacen.ingest.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReadConfidenceTest {

  @ParameterizedTest(
      name = "ocr {0}, checks {1}/2, fields {2}/6, lines {3}/{4}, QR agrees {5} → {6}")
  @CsvSource({
    "1.0, 2, 6, 5, 5, false, 1.0",
    "1.0, 2, 6, 5, 5, true, 1.0",
    "0.8, 0, 3, 0, 4, false, 0.43",
    "0.5, 1, 6, 1, 2, true, 0.725",
    "0.0, 0, 0, 0, 0, false, 0.0"
  })
  void shouldWeighOcrStructureAndLinesWhenScoringARead(
      double ocr,
      int crossChecks,
      int fields,
      int consistent,
      int lines,
      boolean qrAgrees,
      double expected) {
    // when
    double score =
        ReadConfidence.DEFAULT.score(ocr, crossChecks, fields, consistent, lines, qrAgrees);
    // then
    assertThat(score).isEqualTo(expected);
  }
}
