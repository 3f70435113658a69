package almacen.support.streams;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Owns one KafkaStreams instance with an explicit lifecycle: started with the application context,
 * readiness once RUNNING, closed with a bounded Duration. A crashed stream thread is replaced
 * (within the limits of {@link ThreadDeathPolicy}); a client that can no longer process (ERROR, or
 * shut down without {@link #stop()}) ends the process through {@link ProcessExit} so that it is
 * restarted instead of staying up unhealthy. After a crash, exactly-once stores are rebuilt rather than
 * trusted ({@link EosCheckpointGuard}).
 */
public final class ManagedKafkaStreams implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ManagedKafkaStreams.class);

  private final KafkaStreams streams;
  private final Duration closeTimeout;
  private final CountDownLatch running = new CountDownLatch(1);
  private final UnplannedStopGuard unplannedStop;
  private final EosCheckpointGuard checkpoints;
  private final KafkaStreamsMetrics metrics;
  private final GlobalDeadLetterProducer globalDeadLetters;
  private volatile boolean everRunning;
  private volatile boolean started;

  /** A client that exits the JVM when it can no longer process (the services' behaviour). */
  public ManagedKafkaStreams(Topology topology, Properties config, Duration closeTimeout, MeterRegistry registry) {
    this(topology, config, closeTimeout, registry, ProcessExit.system(), ThreadDeathPolicy.standard());
  }

  public ManagedKafkaStreams(Topology topology, Properties config, Duration closeTimeout, MeterRegistry registry,
      ProcessExit exit, ThreadDeathPolicy threadDeaths) {
    this.checkpoints = EosCheckpointGuard.of(config);
    this.globalDeadLetters = new GlobalDeadLetterProducer(config,
        "dlq-global-" + config.get(StreamsConfig.APPLICATION_ID_CONFIG));
    Properties withDeadLetters = new Properties();
    withDeadLetters.putAll(config);
    withDeadLetters.put(GlobalDeadLetterProducer.CONFIG, globalDeadLetters);
    this.streams = new KafkaStreams(topology, withDeadLetters);
    this.closeTimeout = closeTimeout;
    this.unplannedStop = new UnplannedStopGuard(exit);
    this.streams.setUncaughtExceptionHandler(e -> {
      boolean global = Thread.currentThread().getName().endsWith("GlobalStreamThread");
      StreamThreadExceptionResponse response = threadDeaths.onDeath(global);
      // SHUTDOWN_CLIENT leads to ERROR, and ERROR to an exit of the process (UnplannedStopGuard)
      log.error("{} died; {}", global ? "Global stream thread" : "Stream thread",
          response == StreamThreadExceptionResponse.REPLACE_THREAD ? "replacing it"
              : "shutting this Kafka Streams client down", e);
      return response;
    });
    this.streams.setStateListener((newState, oldState) -> {
      log.info("Kafka Streams {} -> {}", oldState, newState);
      if (newState == KafkaStreams.State.RUNNING) {
        everRunning = true;
        running.countDown();
      }
      unplannedStop.onChange(newState, oldState);
    });
    this.metrics = registry == null ? null : new KafkaStreamsMetrics(streams);
    if (registry != null) {
      metrics.bindTo(registry);
      String app = String.valueOf(config.get(StreamsConfig.APPLICATION_ID_CONFIG));
      Gauge.builder("almacen.streams.running", this, s -> s.streams.state() == KafkaStreams.State.RUNNING ? 1 : 0)
          .description("1 when this Kafka Streams instance is RUNNING").tag("application", app).register(registry);
      Gauge.builder("almacen.streams.ready", this, s -> s.ready() ? 1 : 0)
          .description("1 when RUNNING, or rebalancing after having run").tag("application", app).register(registry);
      for (String reason : DeadLetters.REASONS) {
        // the error handlers increment these; registered now so that they read zero until used
        io.micrometer.core.instrument.Counter.builder(DeadLetters.METRIC).tag("reason", reason)
            .tag("application", app).description("Records sent to the dead-letter topic").register(registry);
      }
    }
  }

  public KafkaStreams streams() {
    return streams;
  }

  /** RUNNING now, or rebalancing after having run (a rebalance is not an outage). */
  public boolean ready() {
    KafkaStreams.State state = streams.state();
    return state == KafkaStreams.State.RUNNING || (everRunning && state == KafkaStreams.State.REBALANCING);
  }

  public boolean awaitRunning(Duration timeout) throws InterruptedException {
    return running.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void start() {
    checkpoints.beforeStart();
    streams.start();
    started = true;
  }

  @Override
  public void stop() {
    log.info("Closing Kafka Streams (timeout {})", closeTimeout);
    unplannedStop.planStop();
    // leave the group on a planned stop, static members too (KIP-1092): other instances take over at
    // once instead of after the session timeout, and tools (reprocess) see the group empty
    boolean closed = streams.close(CloseOptions
        .groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP).withTimeout(closeTimeout));
    // only a run that started (and so checked the checkpoints it found) may vouch for them
    if (started && closed && streams.state() == KafkaStreams.State.NOT_RUNNING) {
      checkpoints.afterCleanClose();
    }
    if (metrics != null) {
      metrics.close();
    }
    // after the global thread is gone: it is the producer's only user
    globalDeadLetters.close();
    started = false;
  }

  @Override
  public boolean isRunning() {
    return started;
  }

  @Override
  public int getPhase() {
    // after the web server is up (health must answer while Streams restores), before it stops
    return Integer.MAX_VALUE - 100;
  }
}
