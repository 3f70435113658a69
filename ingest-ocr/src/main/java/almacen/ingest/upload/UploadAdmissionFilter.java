package almacen.ingest.upload;

import almacen.support.web.ApiError;
import almacen.support.web.ApiErrorWriter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Admits an invoice upload ({@code POST /api/invoices}, multipart) before anything reads its body:
 * a servlet filter runs before the DispatcherServlet parses the multipart request. With every OCR
 * worker busy and the queue full the answer is 503 {@code OCR_BUSY} with {@code Retry-After} and
 * {@code Connection: close}, so the unread body is never received. The ticket is given back when
 * the request is answered (and its read job, if any, has stopped).
 */
public final class UploadAdmissionFilter extends OncePerRequestFilter {

  static final String UPLOAD_PATH = "/api/invoices";
  static final int RETRY_AFTER_SECONDS = 5;
  private static final Counter REFUSED =
      Counter.builder("almacen.ocr.refused")
          .tag("reason", "busy")
          .description(
              "Invoice uploads refused with 503 because every OCR worker and queue place was taken")
          .register(Metrics.globalRegistry);
  private static final UrlPathHelper PATHS = new UrlPathHelper();

  private final UploadAdmission admission;

  public UploadAdmissionFilter(UploadAdmission admission) {
    this.admission = admission;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String type = request.getContentType();
    return !"POST".equals(request.getMethod())
        || type == null
        || !type.toLowerCase(Locale.ROOT).startsWith("multipart/")
        || !UPLOAD_PATH.equals(PATHS.getPathWithinApplication(request));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<AdmissionTicket> admitted = admission.tryAdmit();
    if (admitted.isEmpty()) {
      REFUSED.increment();
      refuse(request, response);
      return;
    }
    AdmissionTicket ticket = admitted.get();
    request.setAttribute(AdmissionTicket.ATTRIBUTE, ticket);
    try {
      chain.doFilter(request, response);
    } finally {
      ticket.release();
    }
  }

  private static void refuse(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
    response.setHeader(
        "Connection", "close"); // the body was not read: do not wait for the rest of it
    ApiErrorWriter.write(
        request,
        response,
        HttpServletResponse.SC_SERVICE_UNAVAILABLE,
        new ApiError(
            "OCR_BUSY",
            "Every invoice reader is busy and the queue is full; retry in "
                + RETRY_AFTER_SECONDS
                + " s",
            null));
  }
}
