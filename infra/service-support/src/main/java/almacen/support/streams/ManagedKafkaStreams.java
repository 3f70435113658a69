package almacen.support.streams;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsNotStartedException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.config.KafkaStreamsConfiguration;
import org.springframework.kafka.config.KafkaStreamsInfrastructureCustomizer;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.core.CleanupConfig;
import org.springframework.kafka.streams.KafkaStreamsMicrometerListener;

/**
 * One Kafka Streams application, owned the Spring for Apache Kafka way: a {@link
 * StreamsBuilderFactoryBean} (declared as a bean, so the context starts it after the web server and
 * stops it with a bounded Duration, leaving the group) with almacén's policy plugged into its
 * hooks:
 *
 * <ul>
 *   <li>the topology is defined on the factory's own {@link StreamsBuilder}, built with the app's
 *       config (so {@code ensure.explicit.internal.resource.naming} is enforced when it is built);
 *   <li>a crashed stream thread is replaced within the limits of {@link ThreadDeathPolicy};
 *   <li>a client that can no longer process (ERROR, or shut down other than by {@link #stop()})
 *       ends the process through {@link ProcessExit}, so that it is restarted instead of staying up
 *       unhealthy;
 *   <li>after a crash, exactly-once stores are rebuilt rather than trusted ({@link
 *       EosCheckpointGuard});
 *   <li>Streams metrics through Spring's {@link KafkaStreamsMicrometerListener}, plus running/ready
 *       gauges.
 * </ul>
 *
 * Outside a Spring context (tests, tools) {@link #start()} initialises the factory itself.
 */
public class ManagedKafkaStreams extends StreamsBuilderFactoryBean {

  private static final Logger log = LoggerFactory.getLogger(ManagedKafkaStreams.class);

  /** After the web server (health must answer while Streams restores); stopped before it. */
  static final int PHASE = Integer.MAX_VALUE - 100;

  private final CountDownLatch running = new CountDownLatch(1);
  private final UnplannedStopGuard unplannedStop;
  private final GlobalDeadLetterProducer globalDeadLetters;
  private volatile boolean everRunning;

  /** A client that exits the JVM when it can no longer process (the services' behaviour). */
  public ManagedKafkaStreams(
      Consumer<StreamsBuilder> topology,
      Properties config,
      Duration closeTimeout,
      MeterRegistry registry) {
    this(
        topology,
        config,
        closeTimeout,
        registry,
        ProcessExit.system(),
        ThreadDeathPolicy.standard());
  }

  /**
   * @param topology defines the application's topology on the given builder (a pure topology
   *     factory's {@code define}); nothing else may be done there
   */
  public ManagedKafkaStreams(
      Consumer<StreamsBuilder> topology,
      Properties config,
      Duration closeTimeout,
      MeterRegistry registry,
      ProcessExit exit,
      ThreadDeathPolicy threadDeaths) {
    this(
        topology,
        config,
        closeTimeout,
        registry,
        exit,
        threadDeaths,
        new GlobalDeadLetterProducer(
            config, "dlq-global-" + config.get(StreamsConfig.APPLICATION_ID_CONFIG)));
  }

  private ManagedKafkaStreams(
      Consumer<StreamsBuilder> topology,
      Properties config,
      Duration closeTimeout,
      MeterRegistry registry,
      ProcessExit exit,
      ThreadDeathPolicy threadDeaths,
      GlobalDeadLetterProducer globalDeadLetters) {
    // the global thread's dead-letter handler finds its producer in the config (Streams passes
    // unknown keys on)
    super(
        new KafkaStreamsConfiguration(asMap(config, globalDeadLetters)),
        new CleanupConfig(false, false));
    this.globalDeadLetters = globalDeadLetters;
    String app = String.valueOf(config.get(StreamsConfig.APPLICATION_ID_CONFIG));
    EosCheckpointGuard checkpoints = EosCheckpointGuard.of(config);
    this.unplannedStop = new UnplannedStopGuard(exit);
    setBeanName(app);
    setPhase(PHASE);
    // a whole second more than asked rather than less: the factory takes whole seconds
    setCloseTimeout((int) Math.max(1, (closeTimeout.toMillis() + 999) / 1000));
    // leave the group on a planned stop, static members too (KIP-1092): other instances take over
    // at
    // once instead of after the session timeout, and tools (reprocess) see the group empty
    setLeaveGroupOnClose(true);
    setInfrastructureCustomizer(
        new KafkaStreamsInfrastructureCustomizer() {
          @Override
          public void configureBuilder(StreamsBuilder builder) {
            topology.accept(builder);
          }
        });
    // runs on the new client just before it starts: the checkpoints it will trust are checked first
    setKafkaStreamsCustomizer(streams -> checkpoints.beforeStart());
    setStreamsUncaughtExceptionHandler(
        e -> {
          boolean global = Thread.currentThread().getName().endsWith("GlobalStreamThread");
          StreamThreadExceptionResponse response = threadDeaths.onDeath(global);
          // SHUTDOWN_CLIENT leads to ERROR, and ERROR to an exit of the process
          // (UnplannedStopGuard)
          log.error(
              "{} died; {}",
              global ? "Global stream thread" : "Stream thread",
              response == StreamThreadExceptionResponse.REPLACE_THREAD
                  ? "replacing it"
                  : "shutting this Kafka Streams client down",
              e);
          return response;
        });
    setStateListener(
        (newState, oldState) -> {
          log.info("Kafka Streams {} -> {}", oldState, newState);
          if (newState == KafkaStreams.State.RUNNING) {
            everRunning = true;
            running.countDown();
          }
          unplannedStop.onChange(newState, oldState);
        });
    addListener(
        new Listener() {
          @Override
          public void streamsRemoved(String id, KafkaStreams streams) {
            // only a run that started (and so checked the checkpoints it found) and closed cleanly
            // may vouch for them
            if (streams.state() == KafkaStreams.State.NOT_RUNNING) {
              checkpoints.afterCleanClose();
            }
          }
        });
    if (registry != null) {
      // no "application" tag of their own: the service's common tag (spring.application.name) is
      // the only one
      addListener(new KafkaStreamsMicrometerListener(registry));
      Gauge.builder(
              "almacen.streams.running", this, s -> s.state() == KafkaStreams.State.RUNNING ? 1 : 0)
          .description("1 when this Kafka Streams instance is RUNNING")
          .register(registry);
      Gauge.builder("almacen.streams.ready", this, s -> s.ready() ? 1 : 0)
          .description("1 when RUNNING, or rebalancing after having run")
          .register(registry);
      for (String reason : DeadLetters.REASONS) {
        // the error handlers increment these; registered now so that they read zero until used
        Counter.builder(DeadLetters.METRIC)
            .tag("reason", reason)
            .description("Records sent to the dead-letter topic")
            .register(registry);
      }
    }
  }

  /** The running client; {@code null} before {@link #start()} and after {@link #stop()}. */
  public KafkaStreams streams() {
    return getKafkaStreams();
  }

  /**
   * The running client for interactive queries; throws {@link StreamsNotStartedException} (an
   * {@code InvalidStateStoreException}, answered as "store unavailable") when there is none yet or
   * any more.
   */
  public KafkaStreams startedStreams() {
    KafkaStreams streams = getKafkaStreams();
    if (streams == null) {
      throw new StreamsNotStartedException("Kafka Streams is not running (state " + state() + ")");
    }
    return streams;
  }

  /** The client's state; CREATED before it was started, NOT_RUNNING once stopped. */
  public KafkaStreams.State state() {
    KafkaStreams streams = getKafkaStreams();
    if (streams == null) {
      return everRunning ? KafkaStreams.State.NOT_RUNNING : KafkaStreams.State.CREATED;
    }
    return streams.state();
  }

  /** RUNNING now, or rebalancing after having run (a rebalance is not an outage). */
  public boolean ready() {
    KafkaStreams.State state = state();
    return state == KafkaStreams.State.RUNNING
        || (everRunning && state == KafkaStreams.State.REBALANCING);
  }

  public boolean awaitRunning(Duration timeout) throws InterruptedException {
    return running.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void start() {
    if (getTopology() == null) {
      initialiseOutsideSpring();
    }
    super.start();
  }

  @Override
  public void stop() {
    log.info("Closing Kafka Streams");
    unplannedStop.planStop();
    super.stop();
    // after the global thread is gone: it is the producer's only user
    globalDeadLetters.close();
  }

  /**
   * What the context does for a bean before starting it: create the builder, then build the
   * topology.
   */
  private void initialiseOutsideSpring() {
    try {
      afterPropertiesSet();
    } catch (Exception e) {
      throw new IllegalStateException("Cannot create the StreamsBuilder", e);
    }
    afterSingletonsInstantiated();
  }

  private static Map<String, Object> asMap(
      Properties config, GlobalDeadLetterProducer globalDeadLetters) {
    Map<String, Object> map = new HashMap<>();
    config.forEach((k, v) -> map.put(String.valueOf(k), v));
    map.put(GlobalDeadLetterProducer.CONFIG, globalDeadLetters);
    return map;
  }
}
