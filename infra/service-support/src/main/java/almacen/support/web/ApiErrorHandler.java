package almacen.support.web;

import almacen.support.csv.Csv;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Maps every failure to {@link ApiError} JSON: a 4xx with a message for bad input, never a stack
 * trace. As a body advice it also puts every {@link ApiError} an MVC handler answers — this
 * class's, a module's own handler's, a controller's — into the client's language ({@link
 * ErrorLanguage}).
 */
@RestControllerAdvice
public class ApiErrorHandler implements ResponseBodyAdvice<Object> {

  private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ApiError> api(ApiException e) {
    inEnglish();
    ResponseEntity.BodyBuilder answer = ResponseEntity.status(e.status());
    if (e.status() == HttpStatus.SERVICE_UNAVAILABLE) {
      // every 503 is temporary here (a rebalance, a restore, a busy queue): say when to come back
      answer.header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
    }
    return answer.body(e.toError());
  }

  /** What a 503 tells a client to wait before retrying. */
  public static final int RETRY_AFTER_SECONDS = 2;

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
    return error(
        HttpStatus.BAD_REQUEST,
        "MALFORMED_BODY",
        "The request body is not valid JSON of the expected shape",
        null);
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
    return error(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "UNSUPPORTED_MEDIA_TYPE",
        "Content-Type " + e.getContentType() + " is not accepted here",
        null);
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<ApiError> notAcceptable(HttpMediaTypeNotAcceptableException e) {
    return error(
        HttpStatus.NOT_ACCEPTABLE, "NOT_ACCEPTABLE", "Cannot answer in the requested format", null);
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
    return error(
        HttpStatus.METHOD_NOT_ALLOWED,
        "METHOD_NOT_ALLOWED",
        e.getMethod() + " is not allowed here",
        null);
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ApiError> missingParam(MissingServletRequestParameterException e) {
    return error(
        HttpStatus.BAD_REQUEST,
        "MISSING_PARAMETER",
        "Parameter " + e.getParameterName() + " is required",
        e.getParameterName());
  }

  @ExceptionHandler(MissingServletRequestPartException.class)
  ResponseEntity<ApiError> missingPart(MissingServletRequestPartException e) {
    return error(
        HttpStatus.BAD_REQUEST,
        "MISSING_PART",
        "Part " + e.getRequestPartName() + " is required",
        e.getRequestPartName());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ApiError> typeMismatch(MethodArgumentTypeMismatchException e) {
    return error(
        HttpStatus.BAD_REQUEST,
        "BAD_PARAMETER",
        "Parameter " + e.getName() + " has a bad value",
        e.getName());
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e) {
    return error(
        HttpStatus.PAYLOAD_TOO_LARGE, "TOO_LARGE", "The upload is larger than allowed", null);
  }

  /** A chunked body that passed its limit while a controller read it (see BodySizeLimitFilter). */
  @ExceptionHandler(BodyTooLargeException.class)
  ResponseEntity<ApiError> bodyTooLarge(BodyTooLargeException e) {
    inEnglish();
    return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
        .header("Connection", "close")
        .body(
            new ApiError(
                "TOO_LARGE",
                "The request body is larger than " + (e.limit() / (1024 * 1024)) + " MB",
                null));
  }

  /**
   * A multipart body that cannot be parsed (no closing boundary, bad headers): the client's fault.
   */
  @ExceptionHandler(MultipartException.class)
  ResponseEntity<ApiError> malformedMultipart(MultipartException e) {
    return error(
        HttpStatus.BAD_REQUEST, "MALFORMED_MULTIPART", "The multipart body cannot be parsed", null);
  }

  /**
   * A CSV body that is not CSV (an unterminated quote, text after a closing quote): nothing of it
   * is taken.
   */
  @ExceptionHandler(Csv.MalformedException.class)
  ResponseEntity<ApiError> malformedCsv(Csv.MalformedException e) {
    return error(HttpStatus.BAD_REQUEST, "INVALID_CSV", e.getMessage(), "line " + e.line());
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ApiError> noResource(NoResourceFoundException e) {
    return error(HttpStatus.NOT_FOUND, "NOT_FOUND", "No such resource", null);
  }

  /**
   * A refusal of method authorization goes back to Spring Security's filter chain, whose handlers
   * answer 401/403 with the same body.
   */
  @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
  void securityRefusal(RuntimeException e) {
    throw e;
  }

  /**
   * The client of a long response (a dashboard's event stream) went away while it was written to:
   * nobody is left to answer, and nothing went wrong on our side.
   */
  @ExceptionHandler(AsyncRequestNotUsableException.class)
  void clientGone(AsyncRequestNotUsableException e) {
    log.debug("Client gone: {}", e.getMessage());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ApiError> unexpected(Exception e) {
    log.error("Unexpected error", e);
    return error(
        HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL", "Unexpected error; it has been logged", null);
  }

  private static ResponseEntity<ApiError> error(
      HttpStatus status, String code, String message, String field) {
    inEnglish();
    return ResponseEntity.status(status).body(new ApiError(code, message, field));
  }

  /**
   * Error messages are thrown in English; a client that prefers Spanish gets them in Spanish (see
   * {@link ErrorLanguage}).
   */
  public static final String MESSAGE_LANGUAGE = ErrorLanguage.ENGLISH;

  /** Set, not added: a filter may have said es-AR already for a dashboard path. */
  private static void inEnglish() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
        && attributes.getResponse() != null) {
      attributes
          .getResponse()
          .setHeader(HttpHeaders.CONTENT_LANGUAGE, ErrorLanguage.of(attributes.getRequest()));
    }
  }

  @Override
  public boolean supports(
      MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
    return true;
  }

  @Override
  public Object beforeBodyWrite(
      Object body,
      MethodParameter returnType,
      MediaType contentType,
      Class<? extends HttpMessageConverter<?>> converterType,
      ServerHttpRequest request,
      ServerHttpResponse response) {
    if (body instanceof ApiError error
        && request instanceof ServletServerHttpRequest servletRequest
        && response instanceof ServletServerHttpResponse servletResponse) {
      HttpServletRequest client = servletRequest.getServletRequest();
      HttpServletResponse answer = servletResponse.getServletResponse();
      answer.setHeader(HttpHeaders.CONTENT_LANGUAGE, ErrorLanguage.of(client));
      return ErrorLanguage.localize(error, answer.getStatus(), client);
    }
    return body;
  }
}
