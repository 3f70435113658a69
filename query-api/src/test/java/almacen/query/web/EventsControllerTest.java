package almacen.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventsControllerTest {

  private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

  @ParameterizedTest(name = "token expires in {0} s -> stream lives {1} ms")
  @CsvSource({
    "3600, 1800000", // a long token: the usual 30 min cap
    "300, 330000", // expires in 5 min: ends then, plus the 30 s clock leeway
    "-30, 1", // expired right at the leeway: ends at once
    "-3600, 1"
  })
  void shouldEndTheStreamWhenItsTokenExpires(long expiresInSeconds, long expectedMillis) {
    assertThat(EventsController.streamLife(Optional.of(NOW.plusSeconds(expiresInSeconds)), NOW))
        .isEqualTo(Duration.ofMillis(expectedMillis));
  }

  @ParameterizedTest(name = "no token -> {0} ms")
  @CsvSource({"1800000"})
  void shouldUseTheCapWhenSecurityIsOff(long expectedMillis) {
    assertThat(EventsController.streamLife(Optional.empty(), NOW))
        .isEqualTo(Duration.ofMillis(expectedMillis));
  }
}
