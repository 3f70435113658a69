package almacen.query.web;

import almacen.support.AlmacenSettings;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The last {@code scripts/replay verify} outcome as metrics, from the file the CLI writes under
 * {@code $ALMACEN_HOME/replay/verify-last.json}: {@code almacen_replay_verify_ok} (1 agreed, 0
 * differences), {@code almacen_replay_verify_differences}, {@code
 * almacen_replay_verify_age_seconds}. NaN until a verify has run on this machine, so "never
 * verified" is not mistaken for "verified and wrong".
 */
@Component
class ReplayVerifyMetrics {

  private static final Logger log = LoggerFactory.getLogger(ReplayVerifyMetrics.class);
  // the file is replay's VerifyResult; fields it may add later are not an error
  private static final JsonMapper JSON =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
          .build();

  /** What {@code replay verify} writes. */
  record VerifyFile(Instant finishedAt, boolean ok, long differences, long ledgerProblems) {}

  record LastVerify(Instant finishedAt, boolean ok, long differences) {}

  private final Path file;
  private final Clock clock;

  @Autowired
  ReplayVerifyMetrics(AlmacenSettings settings, MeterRegistry registry, Clock clock) {
    this(settings.home().resolve("replay").resolve("verify-last.json"), registry, clock);
  }

  ReplayVerifyMetrics(Path file, MeterRegistry registry, Clock clock) {
    this.file = file;
    this.clock = clock;
    Gauge.builder(
            "almacen.replay.verify.ok",
            this,
            m -> m.last() == null ? Double.NaN : m.last().ok() ? 1 : 0)
        .description(
            "1 when the last replay verify found sources, ledger and live state in agreement, else 0")
        .strongReference(true)
        .register(registry);
    Gauge.builder(
            "almacen.replay.verify.differences",
            this,
            m -> m.last() == null ? Double.NaN : m.last().differences())
        .description("Keys that differed plus ledger problems in the last replay verify")
        .strongReference(true)
        .register(registry);
    Gauge.builder("almacen.replay.verify.age", this, ReplayVerifyMetrics::ageSeconds)
        .baseUnit("seconds")
        .description("Time since the last replay verify finished")
        .strongReference(true)
        .register(registry);
  }

  LastVerify last() {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      VerifyFile read =
          JSON.readValue(Files.readString(file, StandardCharsets.UTF_8), VerifyFile.class);
      if (read.finishedAt() == null) {
        log.warn("Unreadable replay verify result in {}: no finishedAt", file);
        return null;
      }
      return new LastVerify(
          read.finishedAt(), read.ok(), read.differences() + read.ledgerProblems());
    } catch (IOException | JacksonException e) {
      log.warn(
          "Cannot read the replay verify result in {}: {}",
          file,
          String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
      return null;
    }
  }

  private double ageSeconds() {
    LastVerify last = last();
    return last == null ? Double.NaN : (clock.millis() - last.finishedAt().toEpochMilli()) / 1000.0;
  }
}
