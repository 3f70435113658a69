package almacen.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class AlmacenSettingsBindingTest {

  private static AlmacenSettings bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("almacen", AlmacenSettings.class);
  }

  @Test
  void shouldKeepStateUnderHomeWhenStateDirIsNotSet() {
    // when
    AlmacenSettings settings = bind(Map.of("almacen.home", "/srv/almacen"));

    // then: single mode, as before chain mode
    assertThat(settings.streams().stateRoot(settings.home()))
        .isEqualTo(Path.of("/srv/almacen/state"));
  }

  @Test
  void shouldBindChainSettingsWhenGivenAsRunLocalPassesThem() {
    // when
    AlmacenSettings settings =
        bind(
            Map.of(
                "almacen.home", "/srv/almacen",
                "almacen.topics.partitions", "6",
                "almacen.topics.replication-factor", "3",
                "almacen.topics.min-insync-replicas", "2",
                "almacen.streams.standby-replicas", "1",
                "almacen.streams.application-server", "127.0.0.1:8090",
                "almacen.streams.state-dir", "/srv/almacen/cluster/state/query-api-2"));

    // then
    assertThat(settings.topics().partitions()).isEqualTo(6);
    assertThat(settings.topics().replicationFactor()).isEqualTo((short) 3);
    assertThat(settings.topics().minInsyncReplicas()).isEqualTo(2);
    assertThat(settings.streams().standbyReplicas()).isEqualTo(1);
    assertThat(settings.streams().applicationServer()).isEqualTo("127.0.0.1:8090");
    assertThat(settings.streams().stateRoot(settings.home()))
        .isEqualTo(Path.of("/srv/almacen/cluster/state/query-api-2"));
  }
}
