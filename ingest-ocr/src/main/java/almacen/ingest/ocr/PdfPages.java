package almacen.ingest.ocr;

import java.awt.image.BufferedImage;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * PDF side of the pipeline: {@link PdfLimits} first (pages, page and image sizes, before anything
 * is rendered), then the text layer of the first pages, and page 1 rendered for QR/OCR.
 */
final class PdfPages {

  static final int MAX_TEXT_PAGES = 5;

  /**
   * PDFBox's buffers for decoded streams: bounded, so a compressed bomb fails with an IOException.
   */
  private static final long MAX_SCRATCH_BYTES = 64L * 1024 * 1024;

  record Content(String text, BufferedImage page1, int dpi) {}

  private PdfPages() {}

  /**
   * @param ocrDpi resolution to render page 1 at when there is no text layer; pages are checked
   *     against the pixel limit at this resolution
   * @param qrDpi resolution for the QR when there is a text layer
   */
  static Content read(byte[] bytes, int ocrDpi, int qrDpi, ReadDeadline deadline)
      throws InvoiceReadException {
    try (PDDocument doc =
        Loader.loadPDF(
            bytes,
            "",
            null,
            null,
            MemoryUsageSetting.setupMainMemoryOnly(MAX_SCRATCH_BYTES).streamCache)) {
      PdfLimits.check(doc, ocrDpi);
      if (PdfLimits.countPages(doc) == 0) {
        throw InvoiceReadException.noInvoice(
            "El PDF no tiene páginas: no se encontró ninguna factura.");
      }
      deadline.check("leer el texto del PDF");
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      stripper.setStartPage(1);
      stripper.setEndPage(MAX_TEXT_PAGES);
      String text = stripper.getText(doc);
      boolean hasText = text.replaceAll("\\s", "").length() >= 20;
      int dpi = hasText ? qrDpi : ocrDpi;
      deadline.check("dibujar la página 1 del PDF");
      BufferedImage page = render(doc, dpi);
      if (!hasText && isBlank(page)) {
        throw InvoiceReadException.noInvoice(
            "El PDF no tiene texto ni imágenes: no se encontró ninguna factura.");
      }
      return new Content(hasText ? text : null, page, dpi);
    } catch (InvalidPasswordException e) {
      throw new InvoiceReadException(
          422, "ENCRYPTED_PDF", "El PDF está protegido con contraseña; subilo sin contraseña.", e);
    } catch (IOException | RuntimeException | StackOverflowError e) {
      // StackOverflowError: PDFBox recurses over nested objects; a crafted nesting is a bad file,
      // not a crash
      throw InvoiceReadException.unreadable(
          "El PDF está dañado y no se puede leer ("
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
              + ").",
          e);
    }
  }

  /** Renders page 1, never over the pixel limit; big images are subsampled while decoding. */
  private static BufferedImage render(PDDocument doc, int dpi)
      throws IOException, InvoiceReadException {
    PdfLimits.checkRenderSize(doc.getPage(0), dpi, 1);
    PDFRenderer renderer = new PDFRenderer(doc);
    renderer.setSubsamplingAllowed(true);
    return renderer.renderImageWithDPI(0, dpi, ImageType.GRAY);
  }

  private static boolean isBlank(BufferedImage gray) {
    int w = gray.getWidth();
    int h = gray.getHeight();
    int step = 2;
    for (int y = 0; y < h; y += step) {
      for (int x = 0; x < w; x += step) {
        if (gray.getRaster().getSample(x, y, 0) < 200) {
          return false;
        }
      }
    }
    return true;
  }
}
