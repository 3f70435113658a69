package almacen.support.security;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.TypeConversionException;

/**
 * The command line behind {@code scripts/token} and {@code scripts/rotate-keys} (picocli):
 *
 * <pre>
 *   TokenCli token ROLE [--ttl 8h] [--subject NAME] --home DIR   prints a signed token (local mode only)
 *   TokenCli rotate [--prune-older-than 30d] --home DIR           new current key; prints the new kid
 * </pre>
 *
 * Only the token (or kid) goes to stdout; messages go to stderr. Exit 0 on success, 2 on a usage
 * error, 1 when refused.
 */
@Command(
    name = "TokenCli",
    mixinStandardHelpOptions = true,
    description = "Signed access tokens (local mode) and key rotation for almacén.",
    subcommands = {TokenCli.Token.class, TokenCli.Rotate.class},
    footer = "Exit 0 on success, 2 on a usage error, 1 when refused.")
public final class TokenCli {

  static final Duration MAX_TTL = Duration.ofDays(30);
  private static final Pattern DURATION = Pattern.compile("([1-9][0-9]{0,6})([smhd])");

  private final PrintStream out;
  private final PrintStream err;
  private final Clock clock;
  private final String mode;

  TokenCli(PrintStream out, PrintStream err, Clock clock, String mode) {
    this.out = out;
    this.err = err;
    this.clock = clock;
    this.mode = mode == null || mode.isBlank() ? "local" : mode;
  }

  public static void main(String[] args) {
    int code =
        new TokenCli(System.out, System.err, Clock.systemUTC(), System.getenv("ALMACEN_MODE"))
            .run(args);
    System.exit(code);
  }

  int run(String[] args) {
    CommandLine commandLine =
        new CommandLine(this)
            .setSubcommandsCaseInsensitive(true)
            .setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true))
            .setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true))
            .setExecutionExceptionHandler(
                (e, command, parseResult) -> {
                  err.println(e.getMessage());
                  if (e instanceof UsageException) {
                    command.usage(err);
                    return CommandLine.ExitCode.USAGE;
                  }
                  return 1;
                });
    if (args.length == 0) {
      err.println("Missing command: token or rotate");
      commandLine.usage(err);
      return CommandLine.ExitCode.USAGE;
    }
    return commandLine.execute(args);
  }

  @Command(
      name = "token",
      mixinStandardHelpOptions = true,
      description = "Print a signed access token for ROLE (local mode only; never creates keys).")
  static final class Token implements Callable<Integer> {

    @ParentCommand TokenCli cli;

    @Parameters(
        index = "0",
        paramLabel = "ROLE",
        converter = RoleConverter.class,
        description = "admin, cashier, stock or viewer")
    Role role;

    @Option(
        names = "--ttl",
        defaultValue = "8h",
        paramLabel = "TTL",
        converter = DurationConverter.class,
        description = "Lifetime: a number and s, m, h or d (default 8h, at most 30d)")
    Duration ttl;

    @Option(
        names = "--subject",
        paramLabel = "NAME",
        description = "The token's subject (default cli-ROLE)")
    String subject;

    @Mixin Home home;

    @Override
    public Integer call() {
      if (!"local".equalsIgnoreCase(cli.mode)) {
        cli.err.println(
            "scripts/token works in local mode only (ALMACEN_MODE is " + cli.mode + ")");
        return 1;
      }
      if (ttl.compareTo(MAX_TTL) > 0) {
        throw new UsageException("--ttl is at most 30d");
      }
      Path keys = home.keys();
      if (!Files.isDirectory(keys)) {
        cli.err.println(
            "No keys in "
                + keys.toAbsolutePath()
                + ": start almacén once with scripts/run-local "
                + "(scripts/token works in local mode only and never creates keys)");
        return 1;
      }
      KeyRing ring = KeyRing.load(keys);
      if (!ring.canSign()) {
        cli.err.println("No private key for the current kid in " + keys.toAbsolutePath());
        return 1;
      }
      String name = subject != null ? subject : "cli-" + role.claim();
      cli.out.println(
          new TokenIssuer(ring, cli.clock)
              .issue(name, Set.of(role), TokenIssuer.ALL_SERVICES, ttl));
      return 0;
    }
  }

  @Command(
      name = "rotate",
      mixinStandardHelpOptions = true,
      description = "Make a new current key (running services pick it up); print its kid.")
  static final class Rotate implements Callable<Integer> {

    @ParentCommand TokenCli cli;

    @Option(
        names = "--prune-older-than",
        paramLabel = "AGE",
        description =
            "Also delete key pairs older than AGE (e.g. 30d); their tokens stop verifying")
    String prune;

    @Mixin Home home;

    @Override
    public Integer call() {
      Duration pruneAge = prune == null ? null : parseDuration(prune);
      Path keys = home.keys();
      boolean existed = Files.isDirectory(keys) && Files.exists(keys.resolve(KeyRing.CURRENT_FILE));
      KeyRing ring = KeyRing.loadOrCreate(keys);
      String kid = existed ? ring.rotate() : ring.currentKid();
      if (pruneAge != null) {
        int deleted = ring.prune(pruneAge, cli.clock);
        cli.err.println("Pruned " + deleted + " key pair(s) older than " + prune);
      }
      cli.err.println(
          "Current key is now "
              + kid
              + " in "
              + keys.toAbsolutePath()
              + "; running services pick it up by themselves, tokens of older keys verify until they expire");
      cli.out.println(kid);
      return 0;
    }
  }

  /** {@code --home DIR} ({@code $ALMACEN_HOME}), the same for every command. */
  static final class Home {
    @Option(
        names = "--home",
        required = true,
        paramLabel = "DIR",
        description = "ALMACEN_HOME (its keys/)")
    Path home;

    Path keys() {
      return home.resolve("keys");
    }
  }

  /** {@code 30s}, {@code 15m}, {@code 8h}, {@code 2d}. */
  static Duration parseDuration(String text) {
    Matcher m = DURATION.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      throw new UsageException(
          "Bad duration '" + text + "': use a number and s, m, h or d, e.g. 30s, 15m, 8h");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }

  static final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      try {
        return parseDuration(value);
      } catch (UsageException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  static final class RoleConverter implements ITypeConverter<Role> {
    @Override
    public Role convert(String value) {
      try {
        return Role.fromClaim(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(
            "Unknown role " + value + ": use admin, cashier, stock or viewer");
      }
    }
  }

  static final class UsageException extends RuntimeException {
    UsageException(String message) {
      super(message);
    }
  }
}
