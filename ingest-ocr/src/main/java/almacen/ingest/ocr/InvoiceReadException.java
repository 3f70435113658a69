package almacen.ingest.ocr;

/**
 * Why an uploaded invoice could not be read. {@code status} is the HTTP status the API answers with
 * (400, 413, 415, 422, 429, 503, 504), {@code code} the machine-readable error code of the JSON
 * error body.
 */
public class InvoiceReadException extends Exception {

  private final int status;
  private final String code;
  private final String field;

  public InvoiceReadException(int status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = null;
  }

  public InvoiceReadException(int status, String code, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.code = code;
    this.field = null;
  }

  private InvoiceReadException(int status, String code, String message, String field) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  /** The request field the error is about, or null (the upload itself). */
  public String field() {
    return field;
  }

  /** 400: a turn or a crop was asked for a file that is not a photo. */
  public static InvoiceReadException notAPhoto(String field) {
    return new InvoiceReadException(
        400, "NOT_A_PHOTO", "rotate and crop apply to photos (JPEG/PNG), not to a PDF", field);
  }

  static InvoiceReadException tooLarge(String message) {
    return new InvoiceReadException(413, "FILE_TOO_LARGE", message);
  }

  static InvoiceReadException unsupported(String message) {
    return new InvoiceReadException(415, "UNSUPPORTED_MEDIA_TYPE", message);
  }

  static InvoiceReadException unreadable(String message) {
    return new InvoiceReadException(422, "UNREADABLE_FILE", message);
  }

  static InvoiceReadException unreadable(String message, Throwable cause) {
    return new InvoiceReadException(422, "UNREADABLE_FILE", message, cause);
  }

  static InvoiceReadException noInvoice(String message) {
    return new InvoiceReadException(422, "NO_INVOICE_FOUND", message);
  }

  static InvoiceReadException timeout(String message) {
    return new InvoiceReadException(504, "OCR_TIMEOUT", message);
  }
}
