package almacen.ingest.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class QrLocatorTest {

  private final InvoiceImageGenerator generator = new InvoiceImageGenerator(11);

  private static ZxingQrDecoder.Gray gray(InvoiceImageGenerator.Sample s) throws Exception {
    return ZxingQrDecoder.Gray.of(ImageIO.read(new ByteArrayInputStream(s.bytes())));
  }

  @Test
  void shouldPointAtTheQrWhenInvoiceHasOne() throws Exception {
    // given a 150 dpi Factura A whose AFIP QR is 1.15 in wide, its centre near (1.18 in, 9.98 in)
    ZxingQrDecoder.Gray page = gray(generator.clean(InvoiceType.A, 0, "DejaVu Sans", 150, true));
    // when
    QrLocator.Spot spot = QrLocator.find(page);
    // then
    assertThat(spot.likely()).isTrue();
    assertThat(spot.x()).isBetween(0, 176);
    assertThat(spot.x() + spot.w()).isGreaterThan(176 + 86);
    assertThat(spot.y()).isLessThan(1497 - 86);
    assertThat(spot.y() + spot.h()).isGreaterThan(1497 + 86);
    assertThat(spot.w()).isLessThan(page.w / 2);
  }

  @Test
  void shouldFindNothingQrLikeWhenInvoiceHasNoQr() throws Exception {
    // given the same kind of invoice without the QR, with its big bold type letter and the grey
    // table header
    ZxingQrDecoder.Gray page = gray(generator.clean(InvoiceType.A, 0, "DejaVu Sans", 150, false));
    // when
    QrLocator.Spot spot = QrLocator.find(page);
    // then
    assertThat(spot.score()).isLessThan(QrLocator.NONE_BELOW);
  }

  @Test
  void shouldDecodeFromTheSpotWhenPhotoIsFramed() throws Exception {
    // given a phone photo of an invoice with its QR, framed as the reader does it
    InvoiceImageGenerator.Sample s =
        generator.photo(InvoiceType.B, 2, "Liberation Sans", 250, true);
    BufferedImage photo = ImageIO.read(new ByteArrayInputStream(s.bytes()));
    BufferedImage page = PaperFrame.isolate(photo).page();
    // when
    QrLocator.Spot spot = QrLocator.find(ZxingQrDecoder.Gray.of(page));
    // then
    assertThat(spot.likely()).isTrue();
    assertThat(new ZxingQrDecoder().decode(page).flatMap(AfipQrParser::parse))
        .hasValueSatisfying(qr -> assertThat(qr.importe()).isEqualByComparingTo(s.truth().total()));
  }
}
