package almacen.ingest.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import almacen.events.InflationMonth;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.MediaType;

class InflationControllerTest {

  private final WebFixture web = new WebFixture();

  @ParameterizedTest(name = "{0} {1} → {2}")
  @CsvSource({
    "2025-09, 2.1, 202",
    "2026-10, 1.5, 202", // 12 months ahead of 2025-10: a forecast
    "2026-11, 1.5, 400", // 13 months ahead
    "1999-12, 1.5, 400",
    "2025-13, 1.5, 400",
    "2025-9, 1.5, 400",
    "2025-09, -50, 202",
    "2025-09, 1000, 202",
    "2025-09, 1000.01, 400",
    "2025-09, -50.5, 400",
    "2025-09, 1e1000000, 400",
    "2025-09, 2.123, 400"
  })
  void shouldCheckMonthAndRateRangeWhenInflationIsPosted(String month, String rate, int expected)
      throws Exception {
    // given
    String body = "{\"month\":\"" + month + "\",\"ratePct\":" + rate + ",\"source\":\"INDEC\"}";

    // when / then
    web.mvc
        .perform(post("/api/inflation").contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().is(expected));
    assertThat(web.publisher.events()).hasSize(expected == 202 ? 1 : 0);
  }

  @Test
  void shouldExplainRangeWhenRateIsOutsideMinus50To1000() throws Exception {
    // given / when
    web.mvc
        .perform(
            post("/api/inflation")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"month\":\"2025-09\",\"ratePct\":1e1000000,\"source\":\"INDEC\"}"))
        // then
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").value("OUT_OF_RANGE"))
        .andExpect(jsonPath("$.field").value("ratePct"))
        .andExpect(jsonPath("$.message").value("ratePct must be between -50 and 1000 %"));
  }

  @Test
  void shouldPublishEveryMonthInOneCallWhenCsvIsValid() throws Exception {
    // given
    String csv = "month,ratePct,source\n2025-08,1.9,INDEC\n2025-09,2.1,INDEC\n2026-01,1.8\n";

    // when
    web.mvc
        .perform(post("/api/inflation").contentType("text/csv").content(csv))
        // then
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.accepted").value(3));
    assertThat(web.publisher.calls()).hasSize(1);
    InflationMonth last = (InflationMonth) web.publisher.events().get(2).value();
    assertThat(last.getRatePct()).isEqualTo(new BigDecimal("1.80"));
    assertThat(last.getSource()).isEqualTo("manual");
    assertThat(web.publisher.events().get(0).key()).isEqualTo("2025-08");
  }

  @Test
  void shouldPublishNothingAndNameLineWhenOneCsvLineIsBad() throws Exception {
    // given
    String csv = "2025-08,1.9,INDEC\n2025-09,1075,INDEC\n";

    // when
    web.mvc
        .perform(post("/api/inflation").contentType("text/csv").content(csv))
        // then
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.message").value("line 2: ratePct must be between -50 and 1000 %"));
    assertThat(web.publisher.events()).isEmpty();
  }
}
