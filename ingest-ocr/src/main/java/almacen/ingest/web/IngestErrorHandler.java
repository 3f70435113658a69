package almacen.ingest.web;

import almacen.ingest.invoice.InvoiceRejectedException;
import almacen.ingest.invoice.Issue;
import almacen.ingest.publish.BrokerUnavailableException;
import almacen.support.web.ApiError;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.core.JacksonException;

/** Errors specific to ingest; everything else falls through to the shared ApiErrorHandler. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class IngestErrorHandler {

  /** 422 body: the ApiError fields plus the invoice id (when known) and every issue. */
  public record InvoiceRejection(
      String error, String message, String field, String invoiceId, List<String> issues) {}

  @ExceptionHandler(BrokerUnavailableException.class)
  ResponseEntity<ApiError> brokerUnavailable(BrokerUnavailableException e) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "5")
        .body(
            new ApiError(
                "BROKER_UNAVAILABLE",
                "The event log is not reachable right now; nothing was saved. Retry in a few seconds.",
                null));
  }

  @ExceptionHandler(InvoiceRejectedException.class)
  ResponseEntity<InvoiceRejection> invoiceRejected(InvoiceRejectedException e) {
    return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY)
        .body(
            new InvoiceRejection(
                "INVOICE_REJECTED",
                "The invoice is not consistent: " + e.getMessage(),
                null,
                e.invoiceId(),
                e.issues().stream().map(Issue::message).toList()));
  }

  /**
   * A body that is not JSON, or a value of the wrong type: 400 naming the field when Jackson knows
   * it.
   */
  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
    String field = null;
    Throwable cause = e.getCause();
    while (cause != null && !(cause instanceof JacksonException)) {
      cause = cause.getCause();
    }
    if (cause instanceof JacksonException je && !je.getPath().isEmpty()) {
      field = path(je.getPath());
    }
    String message =
        field == null
            ? "The request body is not valid JSON of the expected shape"
            : field + " has a value of the wrong type";
    return ResponseEntity.badRequest()
        .body(new ApiError(field == null ? "MALFORMED_BODY" : "INVALID_FIELD", message, field));
  }

  private static String path(List<JacksonException.Reference> refs) {
    StringBuilder sb = new StringBuilder();
    for (JacksonException.Reference ref : refs) {
      if (ref.getPropertyName() != null) {
        if (!sb.isEmpty()) {
          sb.append('.');
        }
        sb.append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.isEmpty() ? null : sb.toString();
  }
}
