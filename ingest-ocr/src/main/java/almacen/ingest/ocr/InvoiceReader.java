package almacen.ingest.ocr;

import java.util.List;

/** Reads an uploaded invoice (JPEG/PNG photo or PDF) into a {@link ReadInvoice}. Thread-safe. */
public interface InvoiceReader {

  /**
   * Reads one invoice within {@code deadline}.
   *
   * @param bytes the uploaded file, exactly as received (its type is sniffed from the bytes)
   * @param branch the branch the invoice is for (copied into the result)
   * @param deadline the budget of the whole read; checked between stages
   * @throws InvoiceReadException 413 too large (bytes, pixels, pages), 415 not JPEG/PNG/PDF, 422
   *     unreadable / no invoice, 504 over the deadline or cancelled
   */
  ReadInvoice read(byte[] bytes, String branch, ReadDeadline deadline) throws InvoiceReadException;

  /**
   * Reads one invoice photographed page by page (photos in page order), within {@code deadline}. A
   * reader that only knows single files reads one.
   *
   * @throws InvoiceReadException as {@link #read}; 413 for more than 10 pages
   */
  default ReadInvoice readPages(List<byte[]> pages, String branch, ReadDeadline deadline)
      throws InvoiceReadException {
    if (pages.size() != 1) {
      throw new InvoiceReadException(
          413, "TOO_MANY_PAGES", "Este lector lee una sola foto o un PDF por factura.");
    }
    return read(pages.get(0), branch, deadline);
  }

  /**
   * Reads as {@link #readPages(List, String, ReadDeadline)}, each photo turned and cropped by
   * {@code transform} first. A reader that cannot turn photos reads only with {@link
   * PhotoTransform#NONE}.
   *
   * @throws InvoiceReadException as {@link #readPages(List, String, ReadDeadline)}; 400 {@code
   *     NOT_A_PHOTO} for a transform of a PDF
   */
  default ReadInvoice readPages(
      List<byte[]> pages, String branch, ReadDeadline deadline, PhotoTransform transform)
      throws InvoiceReadException {
    if (!transform.isNone()) {
      throw InvoiceReadException.notAPhoto(transform.rotate() != 0 ? "rotate" : "crop");
    }
    return readPages(pages, branch, deadline);
  }
}
