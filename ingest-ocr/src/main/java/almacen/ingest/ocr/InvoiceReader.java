package almacen.ingest.ocr;

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
}
