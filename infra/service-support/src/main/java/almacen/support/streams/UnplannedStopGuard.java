package almacen.support.streams;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KafkaStreams.State;

/**
 * Turns an unplanned end of a Kafka Streams client into an exit of the process. A client in ERROR
 * (its threads all died, or the global thread did) or shutting down when nobody asked it to
 * processes nothing ever again; staying up would only keep a health check red. Exiting non-zero
 * lets the supervisor start a working one.
 */
final class UnplannedStopGuard implements KafkaStreams.StateListener {

  private final ProcessExit exit;
  private final AtomicBoolean stopPlanned = new AtomicBoolean();
  private final AtomicBoolean exited = new AtomicBoolean();

  UnplannedStopGuard(ProcessExit exit) {
    this.exit = exit;
  }

  /** The application is closing the client itself: its shutdown states are expected from now on. */
  void planStop() {
    stopPlanned.set(true);
  }

  @Override
  public void onChange(State newState, State oldState) {
    if (stopPlanned.get() || !endsProcessing(newState)) {
      return;
    }
    if (exited.compareAndSet(false, true)) {
      exit.exit(
          ProcessExit.STREAMS_FAILED,
          "Kafka Streams went from "
              + oldState
              + " to "
              + newState
              + " without a planned stop; no stream thread is left to process");
    }
  }

  private static boolean endsProcessing(State state) {
    return state == State.ERROR
        || state == State.PENDING_ERROR
        || state == State.PENDING_SHUTDOWN
        || state == State.NOT_RUNNING;
  }
}
