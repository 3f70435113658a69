package almacen.support.streams;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends this process with a status, so that whatever supervises it (scripts/run-local, systemd)
 * starts it again. An interface so tests can observe the exit instead of losing their JVM.
 */
@FunctionalInterface
public interface ProcessExit {

  /** Exit status of a service whose Kafka Streams client stopped working (EX_SOFTWARE). */
  int STREAMS_FAILED = 70;

  void exit(int status, String reason);

  /**
   * {@link System#exit} from a thread of its own: the caller may be a Kafka Streams thread, and the
   * shutdown hooks (which close the Spring context and with it Kafka Streams) must not wait for it.
   */
  static ProcessExit system() {
    Logger log = LoggerFactory.getLogger(ProcessExit.class);
    return (status, reason) -> {
      log.error("Exiting with status {}: {}", status, reason);
      Thread exit = new Thread(() -> System.exit(status), "almacen-exit");
      exit.setDaemon(false);
      exit.start();
    };
  }
}
