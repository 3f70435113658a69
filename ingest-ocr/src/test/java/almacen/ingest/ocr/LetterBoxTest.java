package almacen.ingest.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class LetterBoxTest {

  /** A white gray page of {@code w}×{@code h} pixels with {@code drawing} in black. */
  private static LetterBox.Gray page(int w, int h, Consumer<Graphics2D> drawing) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = img.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, w, h);
      g.setColor(Color.BLACK);
      drawing.accept(g);
    } finally {
      g.dispose();
    }
    byte[] px = new byte[w * h];
    img.getRaster().getDataElements(0, 0, w, h, px);
    return new LetterBox.Gray(w, h, px);
  }

  @Test
  void shouldCutOutTheLetterWhenItStandsAloneInItsBoxBesideATitle() {
    // given an AFIP letterhead: a box with a big "B", the title "FACTURA" beside it, "COD. 06"
    // under it and the frame's rule running down from the box
    LetterBox.Gray g =
        page(
            640,
            260,
            d -> {
              d.setStroke(new BasicStroke(2));
              d.drawRect(100, 10, 120, 140);
              d.drawLine(160, 150, 160, 259);
              d.setFont(new Font(Font.SERIF, Font.BOLD, 90));
              d.drawString("B", 127, 110);
              d.setFont(new Font(Font.SERIF, Font.BOLD, 44));
              d.drawString("FACTURA", 250, 100);
              d.setFont(new Font(Font.SERIF, Font.BOLD, 18));
              d.drawString("COD. 06", 110, 180);
            });

    // when
    LetterBox.Glyph glyph = LetterBox.loneGlyph(g, 40, 160);

    // then the box's letter, not a letter of the title, alone on white
    assertThat(glyph).isNotNull();
    assertThat(glyph.bounds().x0()).isBetween(120, 140);
    assertThat(glyph.bounds().x1()).isBetween(180, 200);
    assertThat(glyph.bounds().height()).isBetween(55, 75);
    LetterBox.Gray cut = glyph.image();
    int ink = 0;
    for (byte b : cut.pixels()) {
      ink += (b & 0xff) < LetterBox.INK ? 1 : 0;
    }
    assertThat(ink).isGreaterThan(800);
    assertThat(cut.ink(0, 0)).isFalse();
    assertThat(cut.ink(cut.width() - 1, cut.height() - 1)).isFalse();
  }

  @Test
  void shouldFindNoLetterWhenEveryBigGlyphHasNeighbours() {
    // given only a title in big letters
    LetterBox.Gray g =
        page(
            640,
            200,
            d -> {
              d.setFont(new Font(Font.SERIF, Font.BOLD, 60));
              d.drawString("FACTURA", 100, 120);
            });

    // when / then
    assertThat(LetterBox.loneGlyph(g, 30, 160)).isNull();
  }

  @Test
  void shouldTakeOutARuleCrossingALineButKeepTheStrokesItCrosses() {
    // given a ring (a "0") 30 px tall on rows 30..59 with a rule 2 px wide running through its
    // hole from the top of the region to the bottom
    LetterBox.Gray g =
        page(
            120,
            90,
            d -> {
              d.setStroke(new BasicStroke(4));
              d.drawOval(40, 32, 24, 26);
              d.fillRect(51, 0, 2, 90);
            });

    // when only the line's rows are kept
    LetterBox.Gray line = LetterBox.withoutCrossingRules(g, 30, 59);

    // then the rule is gone from the hole, the ring's top and bottom still cross it
    assertThat(line.height()).isEqualTo(30);
    assertThat(line.ink(51, 15)).isFalse();
    assertThat(line.ink(52, 15)).isFalse();
    assertThat(line.ink(51, 2)).isTrue();
    assertThat(line.ink(51, 28)).isTrue();
    assertThat(line.ink(41, 15)).isTrue();
  }

  @Test
  void shouldKeepALineAsItIsWhenNoRuleCrossesIt() {
    // given a ring and a short mark above it that does not reach below the line
    LetterBox.Gray g =
        page(
            120,
            90,
            d -> {
              d.setStroke(new BasicStroke(4));
              d.drawOval(40, 32, 24, 26);
              d.fillRect(51, 0, 2, 45);
            });

    // when
    LetterBox.Gray line = LetterBox.withoutCrossingRules(g, 30, 59);

    // then
    assertThat(line.pixels()).isEqualTo(LetterBox.rows(g, 30, 59).pixels());
  }
}
