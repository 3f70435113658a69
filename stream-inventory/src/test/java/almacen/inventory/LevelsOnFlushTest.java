package almacen.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import almacen.schemas.StoreNames;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LevelsOnFlushTest {

  @TempDir Path home;

  @Test
  void shouldRefuseToStartWhenTheRecordCacheIsOff() throws Exception {
    // given a config without a record cache (Kafka Streams then builds the stores uncached)
    Properties props = InventoryDriver.props(Files.createDirectories(home.resolve("state")));
    props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0L);
    // when the topology starts, then it fails at once, naming the store, instead of never
    // publishing a level
    assertThatThrownBy(
            () ->
                new TopologyTestDriver(
                        InventoryTopology.build(
                            InventoryConfig.defaults(1),
                            InventoryDriver.TOPICS,
                            new SimpleMeterRegistry()),
                        props)
                    .close())
        .rootCause()
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(StoreNames.INVENTORY_LEVELS)
        .hasMessageContaining("cached");
  }

  @Test
  void shouldNameAPositiveRecordCacheWhenTheAppIsConfigured() {
    // the app's own config names a cache, so the levels store is built cached
    Object cache =
        InventoryStreamsConfiguration.overrides()
            .get(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG);
    assertThat(cache).isInstanceOf(Long.class);
    assertThat((Long) cache).isPositive();
  }
}
