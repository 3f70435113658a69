package almacen.ingest.ocr;

/** Reads an uploaded invoice (JPEG/PNG photo or PDF) into a {@link ReadInvoice}. Thread-safe. */
public interface InvoiceReader {

    /**
     * @param bytes  the uploaded file, exactly as received (its type is sniffed from the bytes)
     * @param branch the branch the invoice is for (copied into the result)
     * @throws InvoiceReadException 413 too large, 415 not JPEG/PNG/PDF, 422 unreadable / no invoice,
     *                              429 or 503 when OCR capacity is exhausted, 504 OCR over time
     */
    ReadInvoice read(byte[] bytes, String branch) throws InvoiceReadException;
}
