package almacen.support.streams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps exactly-once state honest after a crash on Kafka Streams 4.2.1. Under exactly_once_v2 a
 * task's checkpoint file must exist only after a clean close; without it a crashed task's RocksDB
 * stores are wiped and restored from the changelog. But 4.2.1 writes a checkpoint when a task
 * finishes restoring and leaves it there while the task runs (KAFKA-20685; the 4.2.1 jars we use
 * have it). After a SIGKILL the stores then start from that old checkpoint and keep whatever
 * RocksDB flushed since, including writes of the transaction the crash aborted: a sale could count
 * twice, or its dedupe entry make it count never.
 *
 * <p>So: a clean close leaves a marker file; a start that finds no marker (the previous run
 * crashed) deletes the task checkpoints first, and Kafka Streams takes its designed path (wipe,
 * restore from the compacted changelog). Global stores are left alone: they only ever hold
 * committed records.
 */
final class EosCheckpointGuard {

  private static final Logger log = LoggerFactory.getLogger(EosCheckpointGuard.class);
  static final String CLEAN_CLOSE_MARKER = "almacen-clean-close";
  private static final Pattern TASK_DIRECTORY = Pattern.compile("\\d+_\\d+");

  private final Path appStateDir;
  private final boolean exactlyOnce;

  EosCheckpointGuard(Path appStateDir, boolean exactlyOnce) {
    this.appStateDir = appStateDir;
    this.exactlyOnce = exactlyOnce;
  }

  static EosCheckpointGuard of(Properties config) {
    Path stateDir =
        Path.of(
            String.valueOf(
                config.getOrDefault(
                    StreamsConfig.STATE_DIR_CONFIG,
                    System.getProperty("java.io.tmpdir") + "/kafka-streams")));
    String guarantee =
        String.valueOf(
            config.getOrDefault(
                StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE));
    return new EosCheckpointGuard(
        stateDir.resolve(String.valueOf(config.get(StreamsConfig.APPLICATION_ID_CONFIG))),
        !StreamsConfig.AT_LEAST_ONCE.equals(guarantee));
  }

  /**
   * Before Kafka Streams starts: after a crash, drop the task checkpoints; either way, arm crash
   * detection.
   */
  List<Path> beforeStart() {
    if (!exactlyOnce || !Files.isDirectory(appStateDir)) {
      return List.of();
    }
    try {
      Path marker = appStateDir.resolve(CLEAN_CLOSE_MARKER);
      if (Files.deleteIfExists(marker)) {
        return List.of();
      }
      List<Path> deleted;
      try (Stream<Path> tasks = Files.list(appStateDir)) {
        deleted =
            tasks
                .filter(dir -> TASK_DIRECTORY.matcher(dir.getFileName().toString()).matches())
                .map(dir -> dir.resolve(".checkpoint"))
                .filter(EosCheckpointGuard::delete)
                .toList();
      }
      if (!deleted.isEmpty()) {
        log.warn(
            "The last run of {} did not close cleanly: deleted {} task checkpoint(s) so that its "
                + "exactly-once stores are restored from their changelogs",
            appStateDir.getFileName(),
            deleted.size());
      }
      return deleted;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot check the state directory " + appStateDir, e);
    }
  }

  /** After a clean close, whose checkpoints describe the stores exactly. */
  void afterCleanClose() {
    if (!exactlyOnce || !Files.isDirectory(appStateDir)) {
      return;
    }
    try {
      Files.writeString(appStateDir.resolve(CLEAN_CLOSE_MARKER), "");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot mark the clean close of " + appStateDir, e);
    }
  }

  private static boolean delete(Path checkpoint) {
    try {
      return Files.deleteIfExists(checkpoint);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + checkpoint, e);
    }
  }
}
