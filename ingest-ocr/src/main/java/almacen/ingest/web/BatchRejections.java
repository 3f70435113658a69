package almacen.ingest.web;

import almacen.ingest.web.SaleController.Rejected;
import almacen.support.web.ApiError;
import almacen.support.web.ApiException;
import almacen.support.web.ErrorLanguage;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The rejected entries of a batch (sales, a catalogue import), in the client's language like every
 * other error: Spanish ({@link ErrorLanguage}) for a client that prefers it (the dashboard),
 * English otherwise. Each carries the error code of its cause, so a till can tell a sale for
 * another branch ({@code FORBIDDEN_BRANCH}) from a typo.
 */
final class BatchRejections {

  static final String BAD_COLUMNS = "BAD_COLUMNS";
  static final String SALE_REJECTED = "SALE_REJECTED";

  private final boolean spanish;
  private final HttpServletRequest request;

  /**
   * @param request the batch's request; null answers in English
   */
  BatchRejections(HttpServletRequest request) {
    this.request = request;
    this.spanish = ErrorLanguage.wantsSpanish(request);
  }

  static BatchRejections english() {
    return new BatchRejections(null);
  }

  /** Entry {@code line} refused for {@code cause}, with the message a single request would get. */
  Rejected of(int line, ApiException cause) {
    return new Rejected(line, error(cause).message(), cause.code());
  }

  /** The error a single request would get for {@code cause}. */
  ApiError error(ApiException cause) {
    return ErrorLanguage.localize(cause.toError(), cause.status().value(), request);
  }

  /** A CSV row without the six columns. */
  Rejected columns(int line, int expected, String columns, int found) {
    return new Rejected(line, columnsMessage(expected, columns, found), BAD_COLUMNS);
  }

  /** Why a CSV row without {@code expected} cells is refused. */
  String columnsMessage(int expected, String columns, int found) {
    return spanish
        ? "Se esperaban " + expected + " columnas (" + columns + ") y la línea tiene " + found
        : "expected " + expected + " columns " + columns + ", found " + found;
  }

  /** A good CSV row of a sale that another of its rows sank (a sale is all or nothing). */
  Rejected sunk(int line, String saleId, int badLine) {
    return new Rejected(
        line,
        spanish
            ? "La venta " + saleId + " se rechazó por la línea " + badLine
            : "sale " + saleId + " rejected because of line " + badLine,
        SALE_REJECTED);
  }
}
