package almacen.ingest.ocr;

import java.awt.image.BufferedImage;

/** The resolution a photo's page is read at, from the size of the sheet found in it. */
final class PhotoDpi {

  /**
   * Bounds of a believable estimate of a photo's resolution: below 70 dpi an A4's text is a few
   * pixels high, above 600 it is finer than phones and office scanners deliver for a whole page.
   */
  static final int MIN_DPI = 70;

  static final int MAX_DPI = 600;

  /** An 80 mm till roll. */
  static final double ROLL_WIDTH_INCHES = 80 / 25.4;

  private PhotoDpi() {}

  /**
   * A photo's resolution from the width of its sheet: an A4 (8.27 in), or an 80 mm till roll when
   * the sheet is more than twice as tall as wide.
   */
  static int of(PaperFrame.Found paper) {
    BufferedImage page = paper.page();
    int w = paper.paperWidth() > 0 ? paper.paperWidth() : page.getWidth();
    if (page.getHeight() > 2 * page.getWidth()) {
      return clampDpi((int) Math.round(w / ROLL_WIDTH_INCHES));
    }
    return paper.paperWidth() > 0 ? dpiOfA4Width(paper.paperWidth()) : estimateDpi(page);
  }

  /**
   * Photos carry no trustworthy dpi (phones write 72): assume the page is an A4 filling the frame.
   */
  static int estimateDpi(BufferedImage page) {
    int shortSide = Math.min(page.getWidth(), page.getHeight());
    return clampDpi((int) Math.round(shortSide / PaperFrame.A4_WIDTH_INCHES));
  }

  static int dpiOfA4Width(int paperWidthPx) {
    return clampDpi((int) Math.round(paperWidthPx / PaperFrame.A4_WIDTH_INCHES));
  }

  /** Outside {@link #MIN_DPI}..{@link #MAX_DPI} the sheet was measured wrong: take the bound. */
  private static int clampDpi(int dpi) {
    return Math.max(MIN_DPI, Math.min(MAX_DPI, dpi));
  }
}
