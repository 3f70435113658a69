package almacen.support.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EosCheckpointGuardTest {

  @TempDir Path stateDir;

  @Test
  void shouldDeleteTaskCheckpointsButNotGlobalOneWhenLastRunDidNotCloseCleanly()
      throws IOException {
    // given: checkpoints as 4.2.1 leaves them after restoring, and no clean-close marker (a
    // SIGKILL)
    Path app = stateDir.resolve("almacen.inventory");
    Path task = checkpoint(app.resolve("0_0"));
    Path otherTask = checkpoint(app.resolve("1_0"));
    Path global = checkpoint(app.resolve("global"));

    // when
    guard(StreamsConfig.EXACTLY_ONCE_V2).beforeStart();

    // then: the tasks' stores will be wiped and restored; the global store only holds committed
    // records
    assertThat(task).doesNotExist();
    assertThat(otherTask).doesNotExist();
    assertThat(global).exists();
  }

  @Test
  void shouldKeepCheckpointsAndArmDetectionWhenLastRunClosedCleanly() throws IOException {
    // given
    Path task = checkpoint(stateDir.resolve("almacen.inventory").resolve("0_0"));
    EosCheckpointGuard guard = guard(StreamsConfig.EXACTLY_ONCE_V2);
    guard.afterCleanClose();

    // when
    guard.beforeStart();

    // then: kept, and the marker is gone so that a crash of this run is noticed at the next start
    assertThat(task).exists();
    assertThat(stateDir.resolve("almacen.inventory").resolve(EosCheckpointGuard.CLEAN_CLOSE_MARKER))
        .doesNotExist();
    guard.beforeStart();
    assertThat(task).doesNotExist();
  }

  @Test
  void shouldLeaveCheckpointsAloneWhenAtLeastOnce() throws IOException {
    // given: at_least_once checkpoints are written on commit and are always safe to use
    Path task = checkpoint(stateDir.resolve("almacen.query").resolve("0_0"));

    // when
    guard(StreamsConfig.AT_LEAST_ONCE, "almacen.query").beforeStart();

    // then
    assertThat(task).exists();
  }

  @Test
  void shouldDoNothingWhenStateDirectoryDoesNotExistYet() {
    // when / then: a first start
    assertThat(guard(StreamsConfig.EXACTLY_ONCE_V2).beforeStart()).isEmpty();
  }

  private EosCheckpointGuard guard(String guarantee) {
    return guard(guarantee, "almacen.inventory");
  }

  private EosCheckpointGuard guard(String guarantee, String applicationId) {
    Properties config = new Properties();
    config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee);
    return EosCheckpointGuard.of(config);
  }

  private static Path checkpoint(Path taskDir) throws IOException {
    Files.createDirectories(taskDir);
    return Files.writeString(taskDir.resolve(".checkpoint"), "0\n1\nchangelog 0 42\n");
  }
}
