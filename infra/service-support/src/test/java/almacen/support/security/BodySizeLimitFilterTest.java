package almacen.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class BodySizeLimitFilterTest {

  private final BodySizeLimitFilter filter = new BodySizeLimitFilter(100, 1000);

  @ParameterizedTest
  @CsvSource({
      "application/json, 100, 200",
      "application/json, 101, 413",
      "text/csv, 5000, 413",
      "multipart/form-data; boundary=x, 1000, 200",
      "multipart/form-data; boundary=x, 1001, 413"})
  void shouldRefuseWith413WhenTheDeclaredLengthIsOverTheLimitForItsKind(String type, int length, int expected)
      throws Exception {
    // given a POST to the API declaring its body length
    MockHttpServletRequest request = post(type, new byte[length]);
    MockHttpServletResponse response = new MockHttpServletResponse();
    AtomicBoolean reached = new AtomicBoolean();

    // when
    filter.doFilter(request, response, (req, res) -> reached.set(true));

    // then the controller is reached only under the limit; a refusal is a 413 that closes the connection
    assertThat(response.getStatus()).isEqualTo(expected);
    assertThat(reached.get()).isEqualTo(expected == 200);
    if (expected == 413) {
      assertThat(response.getContentAsString()).startsWith("{\"error\":\"TOO_LARGE\"");
      assertThat(response.getHeader("Connection")).isEqualTo("close");
    }
  }

  @Test
  void shouldRefuseWith413WhenAnUndeclaredBodyPassesTheLimitWhileRead() throws Exception {
    // given a chunked body (no Content-Length) of 150 bytes against a 100-byte limit
    byte[] body = "x".repeat(150).getBytes(StandardCharsets.UTF_8);
    MockHttpServletRequest chunked = new MockHttpServletRequest("POST", "/api/sales") {
      @Override
      public jakarta.servlet.ServletInputStream getInputStream() {
        return new org.springframework.mock.web.DelegatingServletInputStream(new ByteArrayInputStream(body));
      }

      @Override
      public long getContentLengthLong() {
        return -1;
      }
    };
    chunked.setContentType("application/json");
    MockHttpServletResponse response = new MockHttpServletResponse();
    FilterChain readsEverything = (req, res) -> req.getInputStream().readAllBytes();

    // when the controller reads it
    filter.doFilter(chunked, response, readsEverything);

    // then
    assertThat(response.getStatus()).isEqualTo(413);
  }

  @Test
  void shouldLeaveNonApiPathsAloneWhenTheyCarryABody() throws Exception {
    // given the login page's static resources are not /api/**
    MockHttpServletRequest request = post("application/json", new byte[500]);
    request.setRequestURI("/index.html");
    MockHttpServletResponse response = new MockHttpServletResponse();

    // when
    filter.doFilter(request, response, (req, res) -> { });

    // then
    assertThat(response.getStatus()).isEqualTo(200);
  }

  private static MockHttpServletRequest post(String type, byte[] body) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/sales");
    request.setContentType(type);
    request.setContent(body);
    return request;
  }
}
