package almacen.support.cli;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import picocli.CommandLine;

/**
 * Runs a picocli command the one way every almacén CLI does: help, usage errors and reports in
 * UTF-8 whatever the platform charset (a POSIX locale would turn "almacén" into "almac?n"), a bad
 * argument exits {@value #USAGE}, and a failure inside the command is one headline on stderr, its
 * causes below it, and the exit status its {@link Failure} gives.
 */
public final class CommandRunner {

  /** picocli's status for a bad argument or a missing parameter (after the usage message). */
  public static final int USAGE = CommandLine.ExitCode.USAGE;

  private CommandRunner() {}

  /** {@code System.out} in UTF-8, for a command's own report. */
  public static PrintStream stdout() {
    return new PrintStream(System.out, true, StandardCharsets.UTF_8);
  }

  /** {@code System.err} in UTF-8, for progress and errors. */
  public static PrintStream stderr() {
    return new PrintStream(System.err, true, StandardCharsets.UTF_8);
  }

  /**
   * Parses {@code args} into {@code command} (help and usage on {@code out} and {@code err}), runs
   * it and returns its exit status.
   */
  public static int run(
      Object command, PrintStream out, PrintStream err, Failure failure, String... args) {
    return new CommandLine(command)
        .setOut(utf8(out))
        .setErr(utf8(err))
        .setExecutionExceptionHandler(
            (e, commandLine, parseResult) -> {
              err.println(failure.headline().apply(commandLine) + e.getMessage());
              if (!failure.oneLine().test(e)) {
                for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
                  err.println("  caused by: " + c);
                }
              }
              return failure.exitCode().applyAsInt(e);
            })
        .execute(args);
  }

  private static PrintWriter utf8(OutputStream stream) {
    return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
  }

  /**
   * How a command reports a failure.
   *
   * @param headline the start of the one line on stderr, given the (sub)command that failed; the
   *     exception's message follows it
   * @param exitCode the exit status for that exception
   * @param oneLine true for a failure whose causes say nothing more (an unreachable broker)
   */
  public record Failure(
      Function<CommandLine, String> headline,
      ToIntFunction<Exception> exitCode,
      Predicate<Exception> oneLine) {

    /** A failure with the same status for every exception, its causes always printed. */
    public static Failure exiting(int status, Function<CommandLine, String> headline) {
      return new Failure(headline, e -> status, e -> false);
    }

    /** The same failure, without the causes for the exceptions {@code oneLine} accepts. */
    public Failure oneLineFor(Predicate<Exception> oneLine) {
      return new Failure(headline, exitCode, oneLine);
    }
  }
}
