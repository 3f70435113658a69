package almacen.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicBackupCliTest {

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return TopicBackupCli.run(
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        args);
  }

  @Test
  void shouldDescribeRestoreAndForceWhenAskedForHelp() {
    // when
    int top = run("--help");
    int restore = run("restore", "--help");

    // then
    assertThat(top).isZero();
    assertThat(restore).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("restore", "--force", "non-empty", "all or nothing");
  }

  @Test
  void shouldExitTwoWhenTheDirectoryIsMissing() {
    // when
    int code = run("restore");

    // then
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("Missing the backup directory DIR");
  }

  @Test
  void shouldFailBeforeContactingTheBrokerWhenALineIsDamaged() throws Exception {
    // given: a damaged second line, and a bootstrap address nothing listens on
    Files.writeString(
        dir.resolve("almacen.sales.jsonl"),
        "{\"p\":0,\"t\":5,\"k\":null,\"v\":null,\"h\":[]}\n{\"p\":0,\"t\":5,\"k\":\n");

    // when
    int code = run("--bootstrap", "127.0.0.1:1", "--quiet", "restore", dir.toString());

    // then
    assertThat(code).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("restore FAILED", "almacen.sales.jsonl line 2");
  }

  @Test
  void shouldFailWhenNoBackupFileMatchesThePrefix() {
    // when
    int code = run("--bootstrap", "127.0.0.1:1", "--prefix", "otro.", "restore", dir.toString());

    // then
    assertThat(code).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("No backup file", "otro.");
  }
}
