package almacen.support.security;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command line behind {@code scripts/token} and {@code scripts/rotate-keys}:
 * <pre>
 *   TokenCli token ROLE [--ttl 8h] [--subject NAME] --home DIR   prints a signed token (local mode only)
 *   TokenCli rotate [--prune-older-than 30d] --home DIR           new current key; prints the new kid
 * </pre>
 * Only the token (or kid) goes to stdout; messages go to stderr. Exit 0 on success, 2 on a usage error,
 * 1 when refused.
 */
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
    int code = new TokenCli(System.out, System.err, Clock.systemUTC(), System.getenv("ALMACEN_MODE")).run(args);
    System.exit(code);
  }

  int run(String[] args) {
    try {
      Args parsed = Args.parse(args);
      return switch (parsed.command) {
        case "token" -> token(parsed);
        case "rotate" -> rotate(parsed);
        default -> throw new UsageException("Unknown command " + parsed.command + "; use token or rotate");
      };
    } catch (UsageException e) {
      err.println(e.getMessage());
      err.println("usage: token ROLE [--ttl 8h] [--subject NAME] --home DIR | rotate [--prune-older-than 30d] --home DIR");
      return 2;
    } catch (IllegalStateException e) {
      err.println(e.getMessage());
      return 1;
    }
  }

  private int token(Args args) {
    if (!"local".equalsIgnoreCase(mode)) {
      err.println("scripts/token works in local mode only (ALMACEN_MODE is " + mode + ")");
      return 1;
    }
    args.allowOnly(Set.of("--ttl", "--subject", "--home"));
    if (args.positional.size() != 1) {
      throw new UsageException("Give exactly one ROLE: admin, cashier, stock or viewer");
    }
    Role role;
    try {
      role = Role.fromClaim(args.positional.get(0));
    } catch (IllegalArgumentException e) {
      throw new UsageException("Unknown role " + args.positional.get(0) + ": use admin, cashier, stock or viewer");
    }
    Duration ttl = parseDuration(args.option("--ttl", "8h"));
    if (ttl.compareTo(MAX_TTL) > 0) {
      throw new UsageException("--ttl is at most 30d");
    }
    Path keys = args.home().resolve("keys");
    if (!Files.isDirectory(keys)) {
      err.println("No keys in " + keys.toAbsolutePath() + ": start almacén once with scripts/run-local "
          + "(scripts/token works in local mode only and never creates keys)");
      return 1;
    }
    KeyRing ring = KeyRing.load(keys);
    if (!ring.canSign()) {
      err.println("No private key for the current kid in " + keys.toAbsolutePath());
      return 1;
    }
    String subject = args.option("--subject", "cli-" + role.claim());
    out.println(new TokenIssuer(ring, clock).issue(subject, Set.of(role), TokenIssuer.ALL_SERVICES, ttl));
    return 0;
  }

  private int rotate(Args args) {
    args.allowOnly(Set.of("--prune-older-than", "--home"));
    if (!args.positional.isEmpty()) {
      throw new UsageException("rotate takes no argument but options");
    }
    Path keys = args.home().resolve("keys");
    String prune = args.option("--prune-older-than", null);
    Duration pruneAge = prune == null ? null : parseDuration(prune);
    boolean existed = Files.isDirectory(keys) && Files.exists(keys.resolve(KeyRing.CURRENT_FILE));
    KeyRing ring = KeyRing.loadOrCreate(keys);
    String kid = existed ? ring.rotate() : ring.currentKid();
    if (pruneAge != null) {
      int deleted = ring.prune(pruneAge, clock);
      err.println("Pruned " + deleted + " key pair(s) older than " + prune);
    }
    err.println("Current key is now " + kid + " in " + keys.toAbsolutePath()
        + "; running services pick it up by themselves, tokens of older keys verify until they expire");
    out.println(kid);
    return 0;
  }

  /** {@code 30s}, {@code 15m}, {@code 8h}, {@code 2d}. */
  static Duration parseDuration(String text) {
    Matcher m = DURATION.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      throw new UsageException("Bad duration '" + text + "': use a number and s, m, h or d, e.g. 30s, 15m, 8h");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }

  static final class UsageException extends RuntimeException {
    UsageException(String message) {
      super(message);
    }
  }

  private record Args(String command, List<String> positional, java.util.Map<String, String> options) {

    static Args parse(String[] args) {
      if (args.length == 0) {
        throw new UsageException("Missing command");
      }
      List<String> positional = new ArrayList<>();
      java.util.Map<String, String> options = new java.util.HashMap<>();
      for (int i = 1; i < args.length; i++) {
        String a = args[i];
        if (a.startsWith("--")) {
          String name = a;
          String value;
          int eq = a.indexOf('=');
          if (eq > 0) {
            name = a.substring(0, eq);
            value = a.substring(eq + 1);
          } else if (i + 1 < args.length) {
            value = args[++i];
          } else {
            throw new UsageException("Option " + a + " needs a value");
          }
          options.put(name, value);
        } else {
          positional.add(a);
        }
      }
      return new Args(args[0].toLowerCase(Locale.ROOT), positional, options);
    }

    void allowOnly(Set<String> allowed) {
      for (String name : options.keySet()) {
        if (!allowed.contains(name)) {
          throw new UsageException("Unknown option " + name + " for " + command);
        }
      }
    }

    String option(String name, String fallback) {
      return options.getOrDefault(name, fallback);
    }

    Path home() {
      String home = options.get("--home");
      if (home == null || home.isBlank()) {
        throw new UsageException("Missing --home DIR (ALMACEN_HOME)");
      }
      return Path.of(home);
    }
  }
}
