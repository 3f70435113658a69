package almacen.support.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shop PC's systemd units (infra/systemd) cannot run here: check the settings supervision
 * relies on.
 */
class SystemdUnitsTest {

  private static final Path UNITS = Path.of("../systemd");

  @ParameterizedTest
  @ValueSource(
      strings = {"broker", "ingest-ocr", "stream-inventory", "stream-pricing", "query-api"})
  void shouldRestartAlwaysWithinTwoSecondsAndBelongToTargetWhenProcessDies(String name)
      throws IOException {
    // given
    String unit = Files.readString(UNITS.resolve("almacen-" + name + ".service"));

    // then
    assertThat(unit)
        .contains(
            "\nRestart=always\n",
            "\nRestartSec=2\n",
            "\nPartOf=almacen.target\n",
            "\nWantedBy=almacen.target\n",
            "\nStartLimitIntervalSec=0\n");
    assertThat(Files.readString(UNITS.resolve("almacen.target")))
        .contains("almacen-" + name + ".service");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ingest-ocr", "stream-inventory", "stream-pricing", "query-api"})
  void shouldStartAfterBrokerWithoutBeingBoundToItWhenServiceUnit(String name) throws IOException {
    // given
    String unit = Files.readString(UNITS.resolve("almacen-" + name + ".service"));

    // then: a broker restart must not restart the services (they reconnect)
    assertThat(unit)
        .contains(
            "After=network-online.target almacen-broker.service", "Wants=almacen-broker.service")
        .doesNotContain("BindsTo=")
        .doesNotContain("Requires=");
    assertThat(unit)
        .contains("-jar /opt/almacen/" + name + "/target/" + name + "-0.1.0-SNAPSHOT-exec.jar");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "almacen.target",
        "almacen-broker.service",
        "almacen-ingest-ocr.service",
        "almacen-stream-inventory.service",
        "almacen-stream-pricing.service",
        "almacen-query-api.service"
      })
  void shouldHoldNoSecretsWhenShipped(String file) throws IOException {
    // when
    String unit = Files.readString(UNITS.resolve(file)).toLowerCase(java.util.Locale.ROOT);

    // then
    assertThat(unit)
        .doesNotContain("password")
        .doesNotContain("secret")
        .doesNotContain("token")
        .doesNotContain("environmentfile");
  }
}
