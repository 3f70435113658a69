package almacen.ingest.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class PaperFrameTest {

  /** A 1000×1400 photo: a dark table and an 800 px wide sheet turned 3°, with a line of text. */
  private static BufferedImage photo() {
    BufferedImage img = new BufferedImage(1000, 1400, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = img.createGraphics();
    try {
      g.setColor(new Color(80, 80, 80));
      g.fillRect(0, 0, 1000, 1400);
      g.rotate(Math.toRadians(3), 500, 700);
      g.setColor(new Color(235, 235, 235));
      g.fillRect(100, 135, 800, 1130);
      g.setColor(Color.BLACK);
      g.setFont(new Font("DejaVu Sans", Font.PLAIN, 20));
      g.drawString("Yerba Mate Playadito 500g   12   2.850,00   34.200,00", 160, 600);
    } finally {
      g.dispose();
    }
    return img;
  }

  @Test
  void shouldPaintTableAndMeasureSheetWhenPhotoShowsPaperOnDarkTable() {
    // given
    BufferedImage photo = photo();
    // when
    PaperFrame.Found found = PaperFrame.isolate(photo);
    // then the sheet's width is measured, the frame is cropped and what is left of the table is
    // paper-toned
    assertThat(found.paperWidth()).isBetween(790, 815);
    BufferedImage page = found.page();
    assertThat(page.getWidth()).isLessThan(1000);
    assertThat(page.getHeight()).isLessThan(1400);
    for (int[] corner :
        new int[][] {
          {1, 1},
          {page.getWidth() - 2, 1},
          {1, page.getHeight() - 2},
          {page.getWidth() - 2, page.getHeight() - 2}
        }) {
      assertThat(page.getRaster().getSample(corner[0], corner[1], 0))
          .as("corner %d,%d", corner[0], corner[1])
          .isGreaterThan(200);
    }
    assertThat(PhotoDpi.dpiOfA4Width(found.paperWidth())).isBetween(95, 99);
  }

  @Test
  void shouldLeavePageAloneWhenThereIsNoTableAroundIt() {
    // given a scan: white to the edges
    BufferedImage scan = new BufferedImage(800, 1130, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = scan.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 800, 1130);
    g.setColor(Color.BLACK);
    g.drawString("FACTURA B", 100, 100);
    g.dispose();
    // when
    PaperFrame.Found found = PaperFrame.isolate(scan);
    // then
    assertThat(found.paperWidth()).isZero();
    assertThat(found.page().getWidth()).isEqualTo(800);
    assertThat(found.page().getHeight()).isEqualTo(1130);
  }
}
