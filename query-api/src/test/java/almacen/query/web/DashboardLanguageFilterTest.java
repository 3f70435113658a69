package almacen.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class DashboardLanguageFilterTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      value = {
        "/, es-AR",
        "/caja, es-AR",
        "/app.js, es-AR",
        "/api/stock, NONE",
        "/actuator/health, NONE"
      },
      nullValues = "NONE")
  void shouldSaySpanishOnlyWhenThePathIsTheDashboards(String path, String expected)
      throws Exception {
    // given
    MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
    MockHttpServletResponse response = new MockHttpServletResponse();

    // when
    new DashboardLanguageFilter().doFilter(request, response, new MockFilterChain());

    // then
    assertThat(response.getHeader("Content-Language")).isEqualTo(expected);
  }
}
