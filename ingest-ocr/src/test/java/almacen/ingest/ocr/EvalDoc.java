package almacen.ingest.ocr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * A printed document as drawing operations in inches from the page's top left, page by page, so the
 * same invoice can be written as a text PDF (PDFBox, Helvetica) or rendered to an image (Java2D)
 * for a scan or a phone photo. Used by {@link EvalSet}.
 */
final class EvalDoc {

  sealed interface Op permits Text, Box, Rule, Shade, Qr {}

  record Text(String s, double x, double y, double pt, boolean bold, boolean right) implements Op {}

  record Box(double x, double y, double w, double h) implements Op {}

  record Rule(double x1, double y1, double x2, double y2) implements Op {}

  record Shade(double x, double y, double w, double h, int gray) implements Op {}

  record Qr(String content, double x, double y, double size) implements Op {}

  final double width;
  final double height;

  /** Printed in a fixed-width font (a till roll): Courier in the PDF. */
  boolean mono;

  final List<List<Op>> pages = new ArrayList<>();

  EvalDoc(double width, double height) {
    this.width = width;
    this.height = height;
    newPage();
  }

  void newPage() {
    pages.add(new ArrayList<>());
  }

  private List<Op> page() {
    return pages.get(pages.size() - 1);
  }

  void text(String s, double x, double y, double pt, boolean bold) {
    page().add(new Text(s, x, y, pt, bold, false));
  }

  void right(String s, double x, double y, double pt, boolean bold) {
    page().add(new Text(s, x, y, pt, bold, true));
  }

  void box(double x, double y, double w, double h) {
    page().add(new Box(x, y, w, h));
  }

  void rule(double x1, double y1, double x2, double y2) {
    page().add(new Rule(x1, y1, x2, y2));
  }

  void shade(double x, double y, double w, double h, int gray) {
    page().add(new Shade(x, y, w, h, gray));
  }

  void qr(String content, double x, double y, double size) {
    page().add(new Qr(content, x, y, size));
  }

  // ------------------------------------------------------------------ text PDF

  byte[] textPdf() {
    PDType1Font regular =
        new PDType1Font(
            mono ? Standard14Fonts.FontName.COURIER : Standard14Fonts.FontName.HELVETICA);
    PDType1Font bold =
        new PDType1Font(
            mono ? Standard14Fonts.FontName.COURIER_BOLD : Standard14Fonts.FontName.HELVETICA_BOLD);
    try (PDDocument doc = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      float h = (float) (height * 72);
      for (List<Op> ops : pages) {
        PDPage page = new PDPage(new PDRectangle((float) (width * 72), h));
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
          cs.setLineWidth(0.7f);
          for (Op op : ops) {
            if (op instanceof Text t) {
              PDType1Font f = t.bold() ? bold : regular;
              float x = (float) (t.x() * 72);
              if (t.right()) {
                x -= f.getStringWidth(t.s()) / 1000f * (float) t.pt();
              }
              cs.beginText();
              cs.setFont(f, (float) t.pt());
              cs.newLineAtOffset(x, h - (float) (t.y() * 72));
              cs.showText(t.s());
              cs.endText();
            } else if (op instanceof Box b) {
              cs.addRect(
                  (float) (b.x() * 72),
                  h - (float) ((b.y() + b.h()) * 72),
                  (float) (b.w() * 72),
                  (float) (b.h() * 72));
              cs.stroke();
            } else if (op instanceof Rule r) {
              cs.moveTo((float) (r.x1() * 72), h - (float) (r.y1() * 72));
              cs.lineTo((float) (r.x2() * 72), h - (float) (r.y2() * 72));
              cs.stroke();
            } else if (op instanceof Shade s) {
              cs.setNonStrokingColor(s.gray() / 255f);
              cs.addRect(
                  (float) (s.x() * 72),
                  h - (float) ((s.y() + s.h()) * 72),
                  (float) (s.w() * 72),
                  (float) (s.h() * 72));
              cs.fill();
              cs.setNonStrokingColor(0f);
            } else if (op instanceof Qr q) {
              BitMatrix m = qrMatrix(q.content());
              float module = (float) (q.size() * 72 / m.getWidth());
              for (int yy = 0; yy < m.getHeight(); yy++) {
                for (int xx = 0; xx < m.getWidth(); xx++) {
                  if (m.get(xx, yy)) {
                    cs.addRect(
                        (float) (q.x() * 72) + xx * module,
                        h - (float) (q.y() * 72) - (yy + 1) * module,
                        module,
                        module);
                  }
                }
              }
              cs.fill();
            }
          }
        }
      }
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Page images in one PDF without a text layer: what an office scanner sends. */
  static byte[] imagePdf(List<BufferedImage> scans, int dpi) {
    try (PDDocument doc = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (BufferedImage img : scans) {
        float w = img.getWidth() * 72f / dpi;
        float h = img.getHeight() * 72f / dpi;
        PDPage page = new PDPage(new PDRectangle(w, h));
        doc.addPage(page);
        PDImageXObject x = JPEGFactory.createFromImage(doc, img, 0.85f);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
          cs.drawImage(x, 0, 0, w, h);
        }
      }
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ------------------------------------------------------------------ image

  BufferedImage image(int page, int dpi, String font) {
    int w = (int) Math.round(width * dpi);
    int h = (int) Math.round(height * dpi);
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = img.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, w, h);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setStroke(new BasicStroke(Math.max(1f, dpi / 150f)));
      for (Op op : pages.get(page)) {
        g.setColor(Color.BLACK);
        if (op instanceof Text t) {
          g.setFont(
              new Font(
                  font, t.bold() ? Font.BOLD : Font.PLAIN, (int) Math.round(t.pt() * dpi / 72.0)));
          int x = px(t.x(), dpi);
          if (t.right()) {
            x -= g.getFontMetrics().stringWidth(t.s());
          }
          g.drawString(t.s(), x, px(t.y(), dpi));
        } else if (op instanceof Box b) {
          g.drawRect(px(b.x(), dpi), px(b.y(), dpi), px(b.w(), dpi), px(b.h(), dpi));
        } else if (op instanceof Rule r) {
          g.drawLine(px(r.x1(), dpi), px(r.y1(), dpi), px(r.x2(), dpi), px(r.y2(), dpi));
        } else if (op instanceof Shade s) {
          g.setColor(new Color(s.gray(), s.gray(), s.gray()));
          g.fillRect(px(s.x(), dpi), px(s.y(), dpi), px(s.w(), dpi), px(s.h(), dpi));
        } else if (op instanceof Qr q) {
          BitMatrix m = qrMatrix(q.content());
          double module = q.size() * dpi / m.getWidth();
          for (int yy = 0; yy < m.getHeight(); yy++) {
            for (int xx = 0; xx < m.getWidth(); xx++) {
              if (m.get(xx, yy)) {
                int x0 = (int) Math.round(q.x() * dpi + xx * module);
                int y0 = (int) Math.round(q.y() * dpi + yy * module);
                int x1 = (int) Math.round(q.x() * dpi + (xx + 1) * module);
                int y1 = (int) Math.round(q.y() * dpi + (yy + 1) * module);
                g.fillRect(x0, y0, x1 - x0, y1 - y0);
              }
            }
          }
        }
      }
    } finally {
      g.dispose();
    }
    return img;
  }

  private static int px(double inches, int dpi) {
    return (int) Math.round(inches * dpi);
  }

  private static BitMatrix qrMatrix(String content) {
    try {
      Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
      hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
      hints.put(EncodeHintType.MARGIN, 2);
      return new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0, hints);
    } catch (WriterException e) {
      throw new IllegalStateException("QR content too long", e);
    }
  }
}
