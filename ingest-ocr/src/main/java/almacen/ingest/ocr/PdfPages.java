package almacen.ingest.ocr;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * PDF side of the pipeline: {@link PdfLimits} first (pages, page and image sizes, before anything
 * is rendered), then every page's text layer with positions ({@link PdfWords}); a page without text
 * is rendered for OCR, and the last page (then the first) for the AFIP QR.
 */
final class PdfPages {

  /** A page with fewer printed characters than this has no usable text layer. */
  static final int MIN_TEXT_CHARS = 20;

  /**
   * PDFBox's buffers for decoded streams: bounded, so a compressed bomb fails with an IOException.
   */
  private static final long MAX_SCRATCH_BYTES = 64L * 1024 * 1024;

  /** One page: its lines rebuilt from the text layer, or (none) its rendering for OCR. */
  record Page(List<PositionedLines.Line> lines, BufferedImage scan) {

    boolean hasText() {
      return scan == null;
    }

    List<String> texts() {
      return lines.stream().map(PositionedLines.Line::text).toList();
    }
  }

  /**
   * @param qrImages where to look for the AFIP QR, in order: the last page, then the first
   * @param dpi the resolution of {@code scan} pages
   */
  record Content(List<Page> pages, List<BufferedImage> qrImages, int dpi) {

    boolean allText() {
      return pages.stream().allMatch(Page::hasText);
    }

    /**
     * The text layer of every page joined into one invoice ({@link PageJoin}) with where each
     * line's words are printed; only when {@link #allText()}.
     */
    PositionedTable.Joined positioned() {
      return PositionedTable.join(pages.stream().map(Page::lines).toList(), false);
    }
  }

  private PdfPages() {}

  /**
   * @param ocrDpi resolution to render pages without text at; pages are checked against the pixel
   *     limit at this resolution
   * @param qrDpi resolution for the QR of a page with a text layer
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
      int count = PdfLimits.countPages(doc);
      if (count == 0) {
        throw InvoiceReadException.noInvoice(
            "El PDF no tiene páginas: no se encontró ninguna factura.");
      }
      deadline.check("leer el texto del PDF");
      List<List<PdfWords.Word>> words = PdfWords.of(doc, count);
      List<Page> pages = new ArrayList<>();
      PDFRenderer renderer = new PDFRenderer(doc);
      renderer.setSubsamplingAllowed(true);
      boolean anyInk = false;
      for (int p = 0; p < count; p++) {
        List<PdfWords.Word> w = p < words.size() ? words.get(p) : List.of();
        int chars = w.stream().mapToInt(x -> x.text().length()).sum();
        if (chars >= MIN_TEXT_CHARS) {
          pages.add(new Page(PositionedLines.of(w, p), null));
          anyInk = true;
        } else {
          deadline.check("dibujar la página " + (p + 1) + " del PDF");
          BufferedImage scan = render(doc, renderer, p, ocrDpi);
          anyInk |= !isBlank(scan);
          pages.add(new Page(List.of(), scan));
        }
      }
      if (!anyInk) {
        throw InvoiceReadException.noInvoice(
            "El PDF no tiene texto ni imágenes: no se encontró ninguna factura.");
      }
      List<BufferedImage> qr = new ArrayList<>();
      for (int p : count > 1 ? new int[] {count - 1, 0} : new int[] {0}) {
        Page page = pages.get(p);
        if (page.hasText()) {
          deadline.check("dibujar la página " + (p + 1) + " del PDF para el QR");
          qr.add(render(doc, renderer, p, qrDpi));
        } else {
          qr.add(page.scan());
        }
      }
      return new Content(pages, qr, ocrDpi);
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

  /** Renders one page, never over the pixel limit; big images are subsampled while decoding. */
  private static BufferedImage render(PDDocument doc, PDFRenderer renderer, int page, int dpi)
      throws IOException, InvoiceReadException {
    PdfLimits.checkRenderSize(doc.getPage(page), dpi, page + 1);
    return renderer.renderImageWithDPI(page, dpi, ImageType.GRAY);
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
