package almacen.ingest.ocr;

import java.awt.image.BufferedImage;

/** Turns a page image into text. Implementations must honour the deadline (504 when exceeded). */
public interface OcrEngine {

    /**
     * @param page          upright page image (any type; gray is best)
     * @param sourceDpi     the page's resolution in dots per inch (estimated for photos)
     * @param timeoutMillis time left for this page; when it runs out the engine stops and throws 504
     */
    OcrText recognize(BufferedImage page, int sourceDpi, long timeoutMillis) throws InvoiceReadException;

    /** @param meanConfidence 0..1 */
    record OcrText(String text, double meanConfidence) {
    }
}
