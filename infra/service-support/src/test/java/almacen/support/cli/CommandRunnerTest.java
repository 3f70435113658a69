package almacen.support.cli;

import static org.assertj.core.api.Assertions.assertThat;

import almacen.support.cli.CommandRunner.Failure;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

class CommandRunnerTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  /** Fails with its parameter as the message, wrapped around a cause, unless it is "ok". */
  @Command(name = "almacén-test", mixinStandardHelpOptions = true, description = "Probá ñandú.")
  static final class Probe implements Callable<Integer> {
    @Parameters(index = "0")
    String outcome;

    @Override
    public Integer call() {
      if (outcome.equals("ok")) {
        return 0;
      }
      throw new IllegalStateException(outcome, new IllegalArgumentException("the cause"));
    }
  }

  private int run(Failure failure, String... args) {
    return CommandRunner.run(
        new Probe(),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        failure,
        args);
  }

  private static final Failure EXIT_4 =
      Failure.exiting(4, commandLine -> commandLine.getCommandName() + " FAILED: ");

  @Test
  void shouldWriteTheHelpInUtf8WhenAskedForHelp() {
    // when
    int code = run(EXIT_4, "--help");

    // then
    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("almacén-test", "Probá ñandú.");
  }

  @Test
  void shouldExitTwoWithTheUsageWhenAParameterIsMissing() {
    // when
    int code = run(EXIT_4);

    // then
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("Missing required parameter", "Usage: almacén-test");
  }

  @Test
  void shouldPrintTheHeadlineAndCausesAndExitWithTheFailureStatusWhenTheCommandThrows() {
    // when
    int code = run(EXIT_4, "broken");

    // then
    assertThat(code).isEqualTo(4);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            """
            almacén-test FAILED: broken
              caused by: java.lang.IllegalArgumentException: the cause
            """);
  }

  @Test
  void shouldPrintOneLineWhenTheFailureSaysItsCausesSayNothingMore() {
    // when
    int code = run(EXIT_4.oneLineFor(IllegalStateException.class::isInstance), "unreachable");

    // then
    assertThat(code).isEqualTo(4);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo("almacén-test FAILED: unreachable\n");
  }

  @Test
  void shouldExitZeroWhenTheCommandSucceeds() {
    // when
    int code = run(EXIT_4, "ok");

    // then
    assertThat(code).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }
}
