package almacen.support.web;

import org.springframework.http.HttpStatus;

/** A request that cannot be served, with the status and a message a person understands. */
public class ApiException extends RuntimeException {

  private final HttpStatus status;
  private final String code;
  private final String field;

  public ApiException(HttpStatus status, String code, String message, String field) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field;
  }

  public static ApiException badRequest(String code, String message, String field) {
    return new ApiException(HttpStatus.BAD_REQUEST, code, message, field);
  }

  public static ApiException notFound(String message) {
    return new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", message, null);
  }

  public static ApiException conflict(String code, String message, String field) {
    return new ApiException(HttpStatus.CONFLICT, code, message, field);
  }

  public static ApiException unprocessable(String code, String message, String field) {
    return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, code, message, field);
  }

  public HttpStatus status() {
    return status;
  }

  public String code() {
    return code;
  }

  public String field() {
    return field;
  }

  public ApiError toError() {
    return new ApiError(code, getMessage(), field);
  }
}
