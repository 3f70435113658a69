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
      "2026-10, 1.5, 202",     // 12 months ahead of 2025-10: a forecast
      "2026-11, 1.5, 400",     // 13 months ahead
      "1999-12, 1.5, 400",
      "2025-13, 1.5, 400",
      "2025-9, 1.5, 400",
      "2025-09, -5, 202",
      "2025-09, 50, 202",
      "2025-09, 50.01, 400",
      "2025-09, -5.5, 400",
      "2025-09, 2.123, 400"
  })
  void shouldCheckMonthAndRateRangeWhenInflationIsPosted(String month, String rate, int expected) throws Exception {
    // given
    String body = "{\"month\":\"" + month + "\",\"ratePct\":" + rate + ",\"source\":\"INDEC\"}";

    // when / then
    web.mvc.perform(post("/api/inflation").contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().is(expected));
    assertThat(web.publisher.events()).hasSize(expected == 202 ? 1 : 0);
  }

  @Test
  void shouldExplainRangeWhenRateIsOutsideMinus5To50() throws Exception {
    // given / when
    web.mvc.perform(post("/api/inflation").contentType(MediaType.APPLICATION_JSON)
            .content("{\"month\":\"2025-09\",\"ratePct\":60,\"source\":\"INDEC\"}"))
        // then
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").value("INVALID_RATE"))
        .andExpect(jsonPath("$.field").value("ratePct"))
        .andExpect(jsonPath("$.message").value("ratePct 60 % is outside the allowed range -5 to 50 %"));
  }

  @Test
  void shouldPublishEveryMonthInOneCallWhenCsvIsValid() throws Exception {
    // given
    String csv = "month,ratePct,source\n2025-08,1.9,INDEC\n2025-09,2.1,INDEC\n2026-01,1.8\n";

    // when
    web.mvc.perform(post("/api/inflation").contentType("text/csv").content(csv))
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
    String csv = "2025-08,1.9,INDEC\n2025-09,75,INDEC\n";

    // when
    web.mvc.perform(post("/api/inflation").contentType("text/csv").content(csv))
        // then
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.message").value("line 2: ratePct 75 % is outside the allowed range -5 to 50 %"));
    assertThat(web.publisher.events()).isEmpty();
  }
}
