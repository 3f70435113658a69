package almacen.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class StalenessAdviceTest {

  private final StalenessAdvice advice = new StalenessAdvice();

  @Test
  void shouldAddBothStaleHeadersWhenTheRequestsReadsWereStale() throws IOException {
    // given a request whose read was marked stale
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/stock/ALM000001");
    StalenessAdvice.of(request).mark();
    MockHttpServletResponse response = new MockHttpServletResponse();

    // when
    write(request, response);

    // then
    assertThat(response.getHeader("X-Stale")).isEqualTo("true");
    assertThat(response.getHeader("Staleness")).isEqualTo("stale");
  }

  @Test
  void shouldAddNoHeaderWhenAnotherRequestOnTheSameThreadWasStale() throws IOException {
    // given a stale request, then a fresh one served by the same thread
    MockHttpServletRequest first = new MockHttpServletRequest("GET", "/api/stock/ALM000001");
    StalenessAdvice.of(first).mark();
    write(first, new MockHttpServletResponse());
    MockHttpServletRequest second = new MockHttpServletRequest("GET", "/api/stock/ALM000002");
    MockHttpServletResponse response = new MockHttpServletResponse();

    // when
    write(second, response);

    // then
    assertThat(response.getHeaderNames()).doesNotContain("X-Stale", "Staleness");
  }

  @Test
  void shouldKeepOneRecordPerRequestWhenAskedTwice() {
    // given
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/summary");

    // when
    StalenessAdvice.of(request).preferStale();

    // then: the controller and the router see the same record
    assertThat(StalenessAdvice.of(request).stalePreferred()).isTrue();
  }

  private void write(MockHttpServletRequest request, MockHttpServletResponse response)
      throws IOException {
    ServletServerHttpResponse out = new ServletServerHttpResponse(response);
    advice.beforeBodyWrite("{}", null, null, null, new ServletServerHttpRequest(request), out);
    out.flush();
  }
}
