package almacen.replay;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

/**
 * The outcome of the last {@code replay verify}, kept as a small JSON file that query-api turns
 * into the {@code almacen_replay_verify_*} metrics (and so into the ReplayVerifyFailed /
 * ReplayVerifyStale alerts). Written atomically: a scrape never sees half a file.
 */
record VerifyResult(Instant finishedAt, boolean ok, int keys, int differences, int ledgerProblems) {

  String toJson() {
    return ReportJson.write(this) + "\n";
  }

  static void write(String file, VerifyResult result, PrintStream err) {
    if (file == null || file.isBlank() || file.equals("none")) {
      return;
    }
    Path target = Path.of(file);
    try {
      Path dir = target.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, "verify-", ".tmp");
      Files.writeString(tmp, result.toJson(), StandardCharsets.UTF_8);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      // the verdict on stdout and the exit code stand; only the metric misses this run
      err.println("verify: could not record the result in " + target + ": " + e.getMessage());
    }
  }
}
