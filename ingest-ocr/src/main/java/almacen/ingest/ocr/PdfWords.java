package almacen.ingest.ocr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * The words of a PDF's text layer with where they are printed (points from the page's top left),
 * page by page. Words are cut at spaces and at the gaps PDFBox sees between glyphs, never joined
 * across a gap, so two columns printed close together stay two words.
 */
final class PdfWords extends PDFTextStripper {

  /** One word: its text, left and right edge, baseline, font size and space width, in points. */
  record Word(String text, float x0, float x1, float y, float size, float space) {

    Word(String text, float x0, float x1, float y, float size) {
      this(text, x0, x1, y, size, size / 4);
    }
  }

  private final List<List<Word>> pages = new ArrayList<>();

  private PdfWords() {
    setSortByPosition(true);
  }

  /** The words of pages 1..{@code lastPage}, one list per page (empty for a page without text). */
  static List<List<Word>> of(PDDocument doc, int lastPage) throws IOException {
    PdfWords stripper = new PdfWords();
    stripper.setStartPage(1);
    stripper.setEndPage(lastPage);
    stripper.getText(doc);
    return stripper.pages;
  }

  @Override
  protected void startPage(org.apache.pdfbox.pdmodel.PDPage page) throws IOException {
    pages.add(new ArrayList<>());
    super.startPage(page);
  }

  @Override
  protected void writeString(String text, List<TextPosition> positions) throws IOException {
    List<Word> page = pages.get(pages.size() - 1);
    StringBuilder sb = new StringBuilder();
    TextPosition first = null;
    TextPosition last = null;
    for (TextPosition p : positions) {
      String u = p.getUnicode();
      if (u == null || u.isBlank()) {
        flush(page, sb, first, last);
        sb.setLength(0);
        first = null;
        continue;
      }
      if (first == null) {
        first = p;
      }
      sb.append(u);
      last = p;
    }
    flush(page, sb, first, last);
  }

  private static void flush(
      List<Word> page, StringBuilder sb, TextPosition first, TextPosition last) {
    if (first == null || sb.toString().isBlank()) {
      return;
    }
    float size =
        Math.max(1f, first.getFontSizeInPt() > 1 ? first.getFontSizeInPt() : first.getHeightDir());
    float space = first.getWidthOfSpace();
    page.add(
        new Word(
            sb.toString(),
            first.getXDirAdj(),
            last.getXDirAdj() + last.getWidthDirAdj(),
            first.getYDirAdj(),
            size,
            Float.isFinite(space) && space > 0 ? space : size / 4));
  }
}
