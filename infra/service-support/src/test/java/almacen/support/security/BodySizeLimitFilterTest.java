package almacen.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import almacen.support.web.ApiErrorHandler;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;

class BodySizeLimitFilterTest {

  private final BodySizeLimitFilter filter = new BodySizeLimitFilter(100, 1000);

  @ParameterizedTest
  @CsvSource({
    "application/json, 100, 200",
    "application/json, 101, 413",
    "text/csv, 5000, 413",
    "multipart/form-data; boundary=x, 1000, 200",
    "multipart/form-data; boundary=x, 1001, 413"
  })
  void shouldRefuseWith413WhenTheDeclaredLengthIsOverTheLimitForItsKind(
      String type, int length, int expected) throws Exception {
    // given a POST to the API declaring its body length
    MockHttpServletRequest request = post(type, new byte[length]);
    MockHttpServletResponse response = new MockHttpServletResponse();
    AtomicBoolean reached = new AtomicBoolean();

    // when
    filter.doFilter(request, response, (req, res) -> reached.set(true));

    // then the controller is reached only under the limit; a refusal is a 413 that closes the
    // connection
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
    MockHttpServletRequest chunked =
        new MockHttpServletRequest("POST", "/api/sales") {
          @Override
          public jakarta.servlet.ServletInputStream getInputStream() {
            return new org.springframework.mock.web.DelegatingServletInputStream(
                new ByteArrayInputStream(body));
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
  void shouldAnswer413WithTheErrorBodyNot400WhenAChunkedJsonBodyPassesTheLimitWhileJacksonReadsIt()
      throws Exception {
    // given a controller reading JSON through Jackson, behind the filter, and a chunked body of 150
    // bytes
    MockMvc mvc =
        MockMvcBuilders.standaloneSetup(new JsonController())
            .setControllerAdvice(new ApiErrorHandler())
            .addFilters(new WithoutContentLength(), filter)
            .build();
    String body = "{\"note\":\"" + "x".repeat(140) + "\"}";

    // when / then 413 with the usual error body, not Jackson's "malformed body" 400
    mvc.perform(
            MockMvcRequestBuilders.post("/api/sales")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(MockMvcResultMatchers.status().isPayloadTooLarge())
        .andExpect(MockMvcResultMatchers.jsonPath("$.error").value("TOO_LARGE"))
        .andExpect(MockMvcResultMatchers.jsonPath("$.message").exists())
        .andExpect(MockMvcResultMatchers.jsonPath("$.field").isEmpty());
  }

  @RestController
  static class JsonController {
    @PostMapping("/api/sales")
    Map<String, Object> take(@RequestBody Map<String, Object> body) {
      return body;
    }
  }

  /** What a chunked request looks like to the filters: no declared length. */
  static class WithoutContentLength extends OncePerRequestFilter {
    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      chain.doFilter(
          new HttpServletRequestWrapper(request) {
            @Override
            public long getContentLengthLong() {
              return -1;
            }

            @Override
            public int getContentLength() {
              return -1;
            }
          },
          response);
    }
  }

  @Test
  void shouldLeaveNonApiPathsAloneWhenTheyCarryABody() throws Exception {
    // given the login page's static resources are not /api/**
    MockHttpServletRequest request = post("application/json", new byte[500]);
    request.setRequestURI("/index.html");
    MockHttpServletResponse response = new MockHttpServletResponse();

    // when
    filter.doFilter(request, response, (req, res) -> {});

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
