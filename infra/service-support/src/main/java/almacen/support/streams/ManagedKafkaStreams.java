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
 * rather than taking the app down.
 */
public final class ManagedKafkaStreams implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ManagedKafkaStreams.class);

  private final KafkaStreams streams;
  private final Duration closeTimeout;
  private final CountDownLatch running = new CountDownLatch(1);
  private final KafkaStreamsMetrics metrics;
  private volatile boolean everRunning;
  private volatile boolean started;

  public ManagedKafkaStreams(Topology topology, Properties config, Duration closeTimeout, MeterRegistry registry) {
    this.streams = new KafkaStreams(topology, config);
    this.closeTimeout = closeTimeout;
    this.streams.setUncaughtExceptionHandler(e -> {
      if (Thread.currentThread().getName().endsWith("GlobalStreamThread")) {
        // a global thread cannot be replaced: the client goes to ERROR, health turns DOWN, the supervisor restarts
        log.error("Global stream thread died; shutting this Kafka Streams client down", e);
        return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
      }
      log.error("Stream thread died; replacing it", e);
      return StreamThreadExceptionResponse.REPLACE_THREAD;
    });
    this.streams.setStateListener((newState, oldState) -> {
      log.info("Kafka Streams {} -> {}", oldState, newState);
      if (newState == KafkaStreams.State.RUNNING) {
        everRunning = true;
        running.countDown();
      }
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
    streams.start();
    started = true;
  }

  @Override
  public void stop() {
    log.info("Closing Kafka Streams (timeout {})", closeTimeout);
    // leave the group on a planned stop: other instances take over at once instead of after the
    // session timeout, and tools (reprocess) see the group empty
    streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
        .withTimeout(closeTimeout));
    if (metrics != null) {
      metrics.close();
    }
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
