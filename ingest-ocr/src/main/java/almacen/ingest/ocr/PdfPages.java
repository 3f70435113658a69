package almacen.ingest.ocr;

import java.awt.image.BufferedImage;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/** PDF side of the pipeline: the text layer of the first pages, and page 1 rendered for QR/OCR. */
final class PdfPages {

    static final int MAX_TEXT_PAGES = 5;

    record Content(String text, BufferedImage page1, int dpi) {
    }

    private PdfPages() {
    }

    /**
     * @param ocrDpi resolution to render page 1 at when there is no text layer (capped at 40 megapixels)
     */
    static Content read(byte[] bytes, int ocrDpi, int qrDpi) throws InvoiceReadException {
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            if (doc.getNumberOfPages() == 0) {
                throw InvoiceReadException.noInvoice("El PDF no tiene páginas: no se encontró ninguna factura.");
            }
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            stripper.setStartPage(1);
            stripper.setEndPage(Math.min(MAX_TEXT_PAGES, doc.getNumberOfPages()));
            String text = stripper.getText(doc);
            boolean hasText = text.replaceAll("\\s", "").length() >= 20;
            PDFRenderer renderer = new PDFRenderer(doc);
            int dpi = cappedDpi(doc.getPage(0), hasText ? qrDpi : ocrDpi);
            BufferedImage page = renderer.renderImageWithDPI(0, dpi, ImageType.GRAY);
            if (!hasText && isBlank(page)) {
                throw InvoiceReadException.noInvoice("El PDF no tiene texto ni imágenes: no se encontró ninguna factura.");
            }
            return new Content(hasText ? text : null, page, dpi);
        } catch (IOException | RuntimeException e) {
            throw InvoiceReadException.unreadable("El PDF está dañado o protegido y no se puede leer ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ").", e);
        }
    }

    /** Keeps the rendered page under the 40-megapixel limit whatever size the PDF declares. */
    static int cappedDpi(PDPage page, int dpi) {
        PDRectangle box = page.getCropBox();
        double inches2 = (box.getWidth() / 72.0) * (box.getHeight() / 72.0);
        if (inches2 <= 0) {
            return dpi;
        }
        int max = (int) Math.floor(Math.sqrt(ImageSniffer.MAX_PIXELS / inches2));
        return Math.max(10, Math.min(dpi, max));
    }

    private static boolean isBlank(BufferedImage gray) {
        int w = gray.getWidth();
        int h = gray.getHeight();
        int step = 2;
        for (int y = 0; y < h; y += step) {
            for (int x = 0; x < w; x += step) {
                if ((gray.getRaster().getSample(x, y, 0)) < 200) {
                    return false;
                }
            }
        }
        return true;
    }
}
