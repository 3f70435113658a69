package almacen.ingest.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import java.io.BufferedReader;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class UploadAdmissionFilterTest {

  private final UploadAdmission admission = new UploadAdmission(1);
  private final UploadAdmissionFilter filter = new UploadAdmissionFilter(admission);

  @Test
  void shouldAnswer503WithRetryAfterWithoutTouchingTheBodyWhenEveryPermitIsTaken()
      throws Exception {
    // given the only permit taken, and an upload whose body must not be read
    AdmissionTicket busy = admission.tryAdmit().orElseThrow();
    MockHttpServletRequest request = new UnreadableUpload();
    MockHttpServletResponse response = new MockHttpServletResponse();
    AtomicInteger chained = new AtomicInteger();
    // when
    filter.doFilter(request, response, (req, res) -> chained.incrementAndGet());
    // then refused at once, the connection closed, the body never read, nothing downstream called
    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeader("Retry-After")).isEqualTo("5");
    assertThat(response.getHeader("Connection")).isEqualTo("close");
    assertThat(response.getContentAsString()).contains("\"error\":\"OCR_BUSY\"", "\"field\":null");
    assertThat(chained.get()).isZero();
    busy.release();
    assertThat(admission.available()).isEqualTo(1);
  }

  @Test
  void shouldHoldAPermitWhileTheRequestRunsAndGiveItBackAfter() throws Exception {
    // given a free permit
    MockHttpServletRequest request = upload();
    AtomicInteger availableInside = new AtomicInteger(-1);
    // when
    filter.doFilter(
        request,
        new MockHttpServletResponse(),
        (req, res) -> {
          availableInside.set(admission.available());
          assertThat(UploadAdmission.ticketOf((jakarta.servlet.http.HttpServletRequest) req))
              .isNotNull();
        });
    // then
    assertThat(availableInside.get()).isZero();
    assertThat(admission.available()).isEqualTo(1);
  }

  @Test
  void shouldGiveThePermitBackWhenTheRequestFails() {
    MockHttpServletRequest request = upload();
    assertThatThrownBy(
            () ->
                filter.doFilter(
                    request,
                    new MockHttpServletResponse(),
                    (req, res) -> {
                      throw new ServletException("boom");
                    }))
        .isInstanceOf(ServletException.class);
    assertThat(admission.available()).isEqualTo(1);
  }

  @Test
  void shouldLeaveOtherRequestsAloneWhenTheyAreNotMultipartInvoiceUploads() throws Exception {
    // given the only permit taken
    AdmissionTicket busy = admission.tryAdmit().orElseThrow();
    MockHttpServletRequest json = new MockHttpServletRequest("POST", "/api/invoices");
    json.setContentType("application/json");
    MockHttpServletRequest confirm = new MockHttpServletRequest("POST", "/api/invoices/X/confirm");
    confirm.setContentType("multipart/form-data; boundary=b");
    // when
    MockHttpServletResponse first = new MockHttpServletResponse();
    MockHttpServletResponse second = new MockHttpServletResponse();
    filter.doFilter(json, first, new MockFilterChain());
    filter.doFilter(confirm, second, new MockFilterChain());
    // then both pass through
    assertThat(first.getStatus()).isEqualTo(200);
    assertThat(second.getStatus()).isEqualTo(200);
    busy.release();
  }

  private static MockHttpServletRequest upload() {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/invoices");
    request.setContentType("multipart/form-data; boundary=b");
    return request;
  }

  /** A multipart upload whose body fails the test if anything reads it. */
  private static final class UnreadableUpload extends MockHttpServletRequest {
    UnreadableUpload() {
      super("POST", "/api/invoices");
      setContentType("multipart/form-data; boundary=b");
    }

    @Override
    public ServletInputStream getInputStream() {
      throw new AssertionError("the body was read before admission");
    }

    @Override
    public BufferedReader getReader() {
      throw new AssertionError("the body was read before admission");
    }

    @Override
    public String getParameter(String name) {
      throw new AssertionError("parameters were parsed (the body read) before admission");
    }
  }
}
