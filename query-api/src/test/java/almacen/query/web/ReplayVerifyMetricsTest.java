package almacen.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayVerifyMetricsTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);

  @TempDir Path home;

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @Test
  void shouldReportNaNWhenNoVerifyHasRunOnThisMachine() {
    // given no result file
    new ReplayVerifyMetrics(home.resolve("replay/verify-last.json"), registry, CLOCK);

    // then every gauge is NaN, not a misleading 0
    assertThat(gauge("almacen.replay.verify.ok")).isNaN();
    assertThat(gauge("almacen.replay.verify.differences")).isNaN();
    assertThat(gauge("almacen.replay.verify.age")).isNaN();
  }

  @Test
  void shouldReportOkAndAgeWhenTheLastVerifyAgreed() throws Exception {
    // given a verify that agreed two hours ago
    Path file =
        write(
            "{\"finishedAt\":\"2026-11-27T10:00:00Z\",\"ok\":true,\"keys\":136,\"differences\":0,"
                + "\"ledgerProblems\":0}");
    new ReplayVerifyMetrics(file, registry, CLOCK);

    // then
    assertThat(gauge("almacen.replay.verify.ok")).isEqualTo(1.0);
    assertThat(gauge("almacen.replay.verify.differences")).isEqualTo(0.0);
    assertThat(gauge("almacen.replay.verify.age")).isEqualTo(7200.0);
  }

  @Test
  void shouldReportZeroAndTheDifferencesWhenTheLastVerifyFoundSome() throws Exception {
    // given a verify with two differing keys and one ledger problem
    Path file =
        write(
            "{\"finishedAt\":\"2026-11-27T11:59:00Z\",\"ok\":false,\"keys\":136,\"differences\":2,"
                + "\"ledgerProblems\":1}");
    new ReplayVerifyMetrics(file, registry, CLOCK);

    // then
    assertThat(gauge("almacen.replay.verify.ok")).isEqualTo(0.0);
    assertThat(gauge("almacen.replay.verify.differences")).isEqualTo(3.0);
  }

  @Test
  void shouldReportNaNWhenTheFileIsNotAResult() throws Exception {
    // given a truncated file
    Path file = write("{\"finishedAt\":\"2026-11-2");
    new ReplayVerifyMetrics(file, registry, CLOCK);

    // then
    assertThat(gauge("almacen.replay.verify.ok")).isNaN();
  }

  private Path write(String json) throws Exception {
    Path file = home.resolve("replay/verify-last.json");
    Files.createDirectories(file.getParent());
    Files.writeString(file, json);
    return file;
  }

  private double gauge(String name) {
    return registry.get(name).gauge().value();
  }
}
