package almacen.query;

import almacen.query.catalog.ProductIndex;
import almacen.schemas.Topic;
import almacen.schemas.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;

/** A TopologyTestDriver over {@link QueryTopology} that records what the listener was told. */
final class QueryDriver implements AutoCloseable {

  record Change(ChangeKind kind, String key, Object value) {}

  final Topics topics = Topics.defaults();
  final List<Change> changes = new ArrayList<>();
  final ProductIndex productIndex = new ProductIndex();
  final TopologyTestDriver driver;

  QueryDriver(QueryConfig config) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "query-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir());
    props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
    driver =
        new TopologyTestDriver(
            QueryTopology.build(
                config,
                topics,
                (kind, key, value) -> changes.add(new Change(kind, key, value)),
                productIndex::apply),
            props,
            Fixtures.T0);
  }

  QueryDriver() {
    this(QueryConfig.defaults());
  }

  private static String stateDir() {
    try {
      return java.nio.file.Files.createTempDirectory("query-ttd-").toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  <V> void pipe(Topic<String, V> topic, String key, V value) {
    TestInputTopic<String, V> in =
        driver.createInputTopic(
            topic.name(),
            topic.keySerde().serializer(),
            topic.valueSerde().serializer(),
            Instant.EPOCH,
            java.time.Duration.ZERO);
    in.pipeInput(key, value, Fixtures.T0);
  }

  <V> KeyValueStore<String, V> store(String name) {
    return driver.getKeyValueStore(name);
  }

  static long count(KeyValueStore<String, ?> store) {
    long n = 0;
    try (var it = store.all()) {
      while (it.hasNext()) {
        it.next();
        n++;
      }
    }
    return n;
  }

  /** Reads the driver's stores the way the app's StreamsStoreReader reads the running app's. */
  almacen.query.read.StoreReader storeReader() {
    return new almacen.query.read.StoreReader() {
      @Override
      @SuppressWarnings("unchecked")
      public <V, T> T read(
          String store,
          java.util.function.Function<
                  org.apache.kafka.streams.state.ReadOnlyKeyValueStore<String, V>, T>
              query) {
        return query.apply(
            (org.apache.kafka.streams.state.ReadOnlyKeyValueStore<String, V>)
                (Object) driver.getKeyValueStore(store));
      }
    };
  }

  @Override
  public void close() {
    driver.close();
  }
}
