package almacen.ingest.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class AfipQrTest {

  private final InvoiceImageGenerator generator = new InvoiceImageGenerator(7);

  @Test
  void shouldParseAfipPayloadWhenUrlIsWellFormed() {
    // given the RG 4892 example payload
    String url =
        "https://www.afip.gob.ar/fe/qr/?p=eyJ2ZXIiOjEsImZlY2hhIjoiMjAyMC0xMC0xMyIsImN1aXQiOjMwMDAwMDAwMDA3LCJwdG9WdGEiOjEwLCJ0aXBvQ21wIjoxLCJucm9DbXAiOjk0LCJpbXBvcnRlIjoxMjEwMCwibW9uZWRhIjoiRE9MIiwiY3R6Ijo2NSwidGlwb0RvY1JlYyI6ODAsIm5yb0RvY1JlYyI6MjAwMDAwMDAwMDEsInRpcG9Db2RBdXQiOiJFIiwiY29kQXV0Ijo3MDQxNzA1NDM2NzQ3Nn0=";
    // when
    Optional<AfipQr> qr = AfipQrParser.parse(url);
    // then
    assertThat(qr)
        .contains(
            new AfipQr(
                1,
                LocalDate.of(2020, 10, 13),
                30000000007L,
                10,
                1,
                94L,
                new BigDecimal("12100.00"),
                "DOL",
                new BigDecimal("65"),
                80,
                20000000001L,
                "E",
                "70417054367476"));
  }

  @Test
  void shouldRejectPayloadWhenQrIsNotAfips() {
    assertThat(AfipQrParser.parse("https://example.com/?p=eyJ2ZXIiOjF9")).isEmpty();
    assertThat(AfipQrParser.parse("https://www.afip.gob.ar/fe/qr/?p=%%%notbase64")).isEmpty();
    assertThat(AfipQrParser.parse("https://www.afip.gob.ar/fe/qr/")).isEmpty();
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {"1e1000000", "1000000000000.01", "-5", "1E+999999999"})
  void shouldTreatThePayloadAsMalformedWhenItsImporteIsOutOfBounds(String importe) {
    // given a well-formed payload whose importe no invoice can have
    String json =
        "{\"ver\":1,\"fecha\":\"2020-10-13\",\"cuit\":30000000007,\"ptoVta\":10,\"tipoCmp\":1,"
            + "\"nroCmp\":94,\"importe\":"
            + importe
            + ",\"moneda\":\"PES\",\"ctz\":1,\"tipoCodAut\":\"E\","
            + "\"codAut\":70417054367476}";
    String url =
        "https://www.afip.gob.ar/fe/qr/?p="
            + java.util.Base64.getEncoder()
                .encodeToString(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    // when
    long start = System.nanoTime();
    Optional<AfipQr> qr = AfipQrParser.parse(url);
    // then it is refused (the reader falls back to OCR), without scaling the huge number
    assertThat(qr).isEmpty();
    assertThat(System.nanoTime() - start).isLessThan(1_000_000_000L);
  }

  @Test
  void shouldDecodeQrWhenInvoiceIsClean() throws Exception {
    // given a clean 200 dpi Factura A with its AFIP QR
    InvoiceImageGenerator.Sample s = generator.clean(InvoiceType.A, 0, "DejaVu Sans", 200, true);
    BufferedImage page = ImageIO.read(new ByteArrayInputStream(s.bytes()));
    // when
    Optional<AfipQr> qr = new ZxingQrDecoder().decode(page).flatMap(AfipQrParser::parse);
    // then
    assertThat(qr).isPresent();
    assertThat(qr.get().importe()).isEqualByComparingTo(s.truth().total());
    assertThat(qr.get().nroCmp()).isEqualTo(s.truth().number());
    assertThat(qr.get().tipoCmp()).isEqualTo(1);
  }

  @Test
  void shouldDecodeMostQrsWhenInvoicesArePhoneJpegs() throws Exception {
    // given three rotated, blurred, noisy, unevenly lit JPEG-60 photos at 200 dpi
    int decoded = 0;
    for (int dpi : new int[] {200, 200, 200}) {
      InvoiceImageGenerator.Sample s =
          generator.photo(InvoiceType.B, 1, "Liberation Sans", dpi, true);
      BufferedImage page = ImageIO.read(new ByteArrayInputStream(s.bytes()));
      // when
      Optional<AfipQr> qr = new ZxingQrDecoder().decode(page).flatMap(AfipQrParser::parse);
      // then whatever decodes is exactly the invoice's payload
      if (qr.isPresent()) {
        decoded++;
        assertThat(qr.get().cuit())
            .isEqualTo(Long.parseLong(s.truth().supplierCuit().replace("-", "")));
        assertThat(qr.get().importe()).isEqualByComparingTo(s.truth().total());
      }
    }
    // known gap: a dense (~70 module) 3 cm QR at 3–4° with blur + JPEG 60 often defeats zxing (rate
    // in docs/ocr.md)
    assertThat(decoded).isGreaterThanOrEqualTo(1);
  }

  @Test
  void shouldFindNoQrWhenInvoiceHasNone() throws Exception {
    InvoiceImageGenerator.Sample s = generator.clean(InvoiceType.C, 2, "DejaVu Serif", 150, false);
    BufferedImage page = ImageIO.read(new ByteArrayInputStream(s.bytes()));
    assertThat(new ZxingQrDecoder().decode(page)).isEmpty();
  }
}
