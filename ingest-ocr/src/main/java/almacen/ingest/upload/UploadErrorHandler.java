package almacen.ingest.upload;

import almacen.ingest.ocr.InvoiceReadException;
import almacen.support.web.ApiError;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Why an upload could not be read, as the usual error body; 503 says when to retry. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class UploadErrorHandler {

  @ExceptionHandler(InvoiceReadException.class)
  ResponseEntity<ApiError> unreadable(InvoiceReadException e) {
    ResponseEntity.BodyBuilder answer = ResponseEntity.status(HttpStatus.valueOf(e.status()));
    if (e.status() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
      answer.header(
          HttpHeaders.RETRY_AFTER, Integer.toString(UploadAdmissionFilter.RETRY_AFTER_SECONDS));
    }
    String field = e.field() != null ? e.field() : e.status() == 413 ? "file" : null;
    return answer.body(new ApiError(e.code(), e.getMessage(), field));
  }
}
