package almacen.inventory.crash;

import almacen.inventory.InventoryConfig;
import almacen.inventory.InventoryTopology;
import almacen.schemas.StoreNames;
import almacen.support.AlmacenSettings;
import almacen.support.AlmacenSettings.StreamsSettings;
import almacen.support.AlmacenSettings.TopicSettings;
import almacen.support.InstanceIdentity;
import almacen.support.streams.ManagedKafkaStreams;
import almacen.support.streams.StreamsConfigFactory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The inventory topology alone in its own JVM, to be killed with SIGKILL by the crash test. Run the
 * way the service runs it (ManagedKafkaStreams: static membership, crash-safe checkpoints, exit
 * when it cannot work).
 */
public final class CrashTestApp {

  private CrashTestApp() {}

  /** Args: bootstrap, topic prefix, home (state dir root), partitions. */
  public static void main(String[] args) throws InterruptedException {
    int partitions = Integer.parseInt(args[3]);
    AlmacenSettings settings =
        new AlmacenSettings(
            "local",
            Path.of(args[2]),
            args[0],
            new TopicSettings(args[1], partitions, (short) 1, 1),
            new StreamsSettings(
                "exactly_once_v2",
                Duration.ofMillis(100),
                0,
                1,
                "",
                Duration.ofSeconds(60),
                Duration.ofSeconds(10)));
    ManagedKafkaStreams app =
        new ManagedKafkaStreams(
            builder ->
                InventoryTopology.define(
                    builder,
                    InventoryConfig.defaults(partitions),
                    settings.topicCatalogue(),
                    new SimpleMeterRegistry()),
            StreamsConfigFactory.build(
                StoreNames.INVENTORY_APP, settings, new InstanceIdentity("crash-test"), Map.of()),
            Duration.ofSeconds(10),
            null);
    CountDownLatch done = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  app.stop();
                  done.countDown();
                }));
    app.start();
    done.await();
  }
}
