package almacen.query.labels;

import almacen.query.read.LabelView;
import com.google.zxing.oned.EAN13Writer;
import com.google.zxing.oned.EAN8Writer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.font.encoding.GlyphList;

/**
 * Shelf labels on A4, 3 × 8 per page (70 × 37 mm each, the common adhesive sheet): the product's
 * name, its price large in es-AR money ({@code $ 1.234,56}), the price per kg of a product sold by
 * weight, the date the labels were printed and the EAN as a barcode drawn as vectors (sharp on any
 * printer). Text outside the standard PDF font's character set (WinAnsi: Spanish letters are in it)
 * is written as {@code ?} rather than failing the sheet.
 */
public final class LabelSheet {

  static final int COLUMNS = 3;
  static final int ROWS = 8;
  static final int PER_PAGE = COLUMNS * ROWS;

  private static final float PAGE_MARGIN = 12f;
  private static final float PADDING = 7f;
  private static final float NAME_SIZE = 9f;
  private static final float PRICE_SIZE = 24f;
  private static final float SMALL_SIZE = 6.5f;
  private static final float BAR_HEIGHT = 24f;
  private static final float BAR_MODULE = 0.9f;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
  private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

  /** The sheet of {@code labels}, dated {@code printedOn}: one page per 24 labels, at least one. */
  public byte[] render(List<LabelView> labels, LocalDate printedOn) {
    try (PDDocument document = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      int pages = Math.max(1, (labels.size() + PER_PAGE - 1) / PER_PAGE);
      for (int p = 0; p < pages; p++) {
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
          List<LabelView> onPage =
              labels.subList(p * PER_PAGE, Math.min(labels.size(), (p + 1) * PER_PAGE));
          for (int i = 0; i < onPage.size(); i++) {
            draw(content, cell(page, i), onPage.get(i), printedOn);
          }
        }
      }
      document.getDocumentInformation().setTitle("Etiquetas de precios");
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the label sheet", e);
    }
  }

  /** Label {@code index} of a page, left to right then top to bottom. */
  private static PDRectangle cell(PDPage page, int index) {
    PDRectangle media = page.getMediaBox();
    float width = (media.getWidth() - 2 * PAGE_MARGIN) / COLUMNS;
    float height = (media.getHeight() - 2 * PAGE_MARGIN) / ROWS;
    int column = index % COLUMNS;
    int row = index / COLUMNS;
    float x = PAGE_MARGIN + column * width;
    float y = media.getHeight() - PAGE_MARGIN - (row + 1) * height;
    return new PDRectangle(x, y, width, height);
  }

  private void draw(PDPageContentStream c, PDRectangle box, LabelView label, LocalDate printedOn)
      throws IOException {
    c.setLineWidth(0.3f);
    c.addRect(box.getLowerLeftX(), box.getLowerLeftY(), box.getWidth(), box.getHeight());
    c.stroke();
    float left = box.getLowerLeftX() + PADDING;
    float top = box.getUpperRightY() - PADDING;
    float width = box.getWidth() - 2 * PADDING;

    List<String> name = lines(label.name(), bold, NAME_SIZE, width, 2);
    for (int i = 0; i < name.size(); i++) {
      text(c, bold, NAME_SIZE, left, top - NAME_SIZE * (i + 1), name.get(i));
    }

    String price = money(label.listPrice()) + ("KG".equals(label.unit()) ? " / kg" : "");
    float priceSize = fit(price, bold, PRICE_SIZE, width);
    float priceBaseline = top - 2 * NAME_SIZE - 4 - priceSize * 0.8f;
    text(c, bold, priceSize, left, priceBaseline, price);

    float bottom = box.getLowerLeftY() + PADDING;
    if (label.pricePerKg() != null) {
      text(
          c,
          regular,
          SMALL_SIZE,
          left,
          priceBaseline - SMALL_SIZE - 2,
          "Precio por kg: " + money(label.pricePerKg()));
    }
    text(c, regular, SMALL_SIZE, left, bottom + SMALL_SIZE + 1, label.sku());
    text(c, regular, SMALL_SIZE, left, bottom, printedOn.format(DAY));

    boolean[] bars = bars(label.ean());
    if (bars.length > 0) {
      float barsWidth = bars.length * BAR_MODULE;
      float x = box.getUpperRightX() - PADDING - barsWidth;
      drawBars(c, bars, x, bottom + SMALL_SIZE + 1);
      float digitsWidth = regular.getStringWidth(label.ean()) / 1000 * SMALL_SIZE;
      text(c, regular, SMALL_SIZE, x + (barsWidth - digitsWidth) / 2, bottom, label.ean());
    }
  }

  private static void drawBars(PDPageContentStream c, boolean[] bars, float x, float y)
      throws IOException {
    int i = 0;
    while (i < bars.length) {
      if (!bars[i]) {
        i++;
        continue;
      }
      int start = i;
      while (i < bars.length && bars[i]) {
        i++;
      }
      c.addRect(x + start * BAR_MODULE, y, (i - start) * BAR_MODULE, BAR_HEIGHT);
    }
    c.fill();
  }

  /**
   * The modules of an EAN-13 (or UPC-A, as EAN-13 with a leading 0) or EAN-8; none for anything
   * else — a label without a barcode still shows its sku.
   */
  static boolean[] bars(String ean) {
    if (ean == null || !ean.chars().allMatch(Character::isDigit)) {
      return new boolean[0];
    }
    try {
      return switch (ean.length()) {
        case 13 -> new EAN13Writer().encode(ean);
        case 12 -> new EAN13Writer().encode("0" + ean);
        case 8 -> new EAN8Writer().encode(ean);
        default -> new boolean[0];
      };
    } catch (IllegalArgumentException badCheckDigit) {
      // the catalogue validates check digits; an old product without one prints no barcode
      return new boolean[0];
    }
  }

  private void text(PDPageContentStream c, PDType1Font font, float size, float x, float y, String s)
      throws IOException {
    c.beginText();
    c.setFont(font, size);
    c.newLineAtOffset(x, y);
    c.showText(printable(s, font));
    c.endText();
  }

  /** Up to {@code max} lines of {@code s} that fit {@code width}; the last one ends in … if cut. */
  private List<String> lines(String s, PDType1Font font, float size, float width, int max)
      throws IOException {
    String[] words = printable(s, font).strip().split("\\s+", -1);
    List<String> out = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : words) {
      String candidate = line.isEmpty() ? word : line + " " + word;
      if (width(candidate, font, size) <= width || line.isEmpty()) {
        line.setLength(0);
        line.append(candidate);
      } else {
        out.add(line.toString());
        line.setLength(0);
        line.append(word);
      }
    }
    if (!line.isEmpty()) {
      out.add(line.toString());
    }
    if (out.size() > max) {
      List<String> kept = new ArrayList<>(out.subList(0, max));
      kept.set(max - 1, kept.get(max - 1) + "…");
      out = kept;
    }
    for (int i = 0; i < out.size(); i++) {
      String l = out.get(i);
      while (l.length() > 1 && width(l, font, size) > width) {
        l = l.substring(0, l.length() - 2) + "…";
      }
      out.set(i, l);
    }
    return out;
  }

  private static float fit(String s, PDType1Font font, float size, float width) throws IOException {
    float w = width(s, font, size);
    return w <= width ? size : size * width / w;
  }

  private static float width(String s, PDType1Font font, float size) throws IOException {
    return font.getStringWidth(s) / 1000 * size;
  }

  /** {@code s} with each character the font cannot encode replaced by {@code ?}. */
  static String printable(String s, PDType1Font font) {
    String composed = Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFC);
    StringBuilder out = new StringBuilder(composed.length());
    composed
        .codePoints()
        .forEach(
            cp -> {
              String ch = new String(Character.toChars(cp));
              out.append(
                  font.getEncoding().contains(GlyphList.getAdobeGlyphList().codePointToName(cp))
                          || cp == ' '
                      ? ch
                      : "?");
            });
    return out.toString();
  }

  /** es-AR money: {@code $ 1.234,56}. */
  public static String money(BigDecimal amount) {
    DecimalFormat format =
        new DecimalFormat(
            "#,##0.00", DecimalFormatSymbols.getInstance(Locale.forLanguageTag("es-AR")));
    return "$ " + format.format(amount);
  }
}
