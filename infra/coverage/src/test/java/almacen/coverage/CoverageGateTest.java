package almacen.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The build's quality gate: line coverage of hand-written code, aggregated by JaCoCo over every
 * module's unit and integration tests (see this module's pom), must reach {@code
 * almacen.coverage.minimum}. On failure the message lists the least covered packages, which is
 * where tests are missing.
 */
class CoverageGateTest {

  @Test
  void shouldMeetTheLineCoverageMinimumWhenEveryModuleHasBeenTested() throws IOException {
    // given the aggregate report written before this test phase
    Path csv =
        Path.of(
            System.getProperty("almacen.coverage.csv", "target/site/jacoco-aggregate/jacoco.csv"));
    double minimum = Double.parseDouble(System.getProperty("almacen.coverage.minimum", "0.85"));
    assertThat(csv).as("JaCoCo aggregate report (run the whole reactor with verify)").exists();

    // when its line counters are summed per package
    Map<String, long[]> perPackage = linesPerPackage(Files.readAllLines(csv));
    long missed = perPackage.values().stream().mapToLong(c -> c[0]).sum();
    long covered = perPackage.values().stream().mapToLong(c -> c[1]).sum();
    double ratio = covered / (double) (missed + covered);
    System.out.printf(
        "line coverage %.1f %% (%d of %d lines) over %d packages%n",
        100 * ratio, covered, missed + covered, perPackage.size());

    // then the ratio meets the gate
    assertThat(ratio)
        .as("line coverage; least covered packages: %s", leastCovered(perPackage))
        .isGreaterThanOrEqualTo(minimum);
  }

  @Test
  void shouldSumLinesPerPackageWhenTheGroupNameIsQuotedAndHoldsCommas() {
    // given two classes of one package in a module whose name holds a comma, and one of another
    // package
    List<String> csv =
        List.of(
            "GROUP,PACKAGE,CLASS,INSTRUCTION_MISSED,INSTRUCTION_COVERED,BRANCH_MISSED,BRANCH_COVERED,LINE_MISSED,"
                + "LINE_COVERED,COMPLEXITY_MISSED,COMPLEXITY_COVERED,METHOD_MISSED,METHOD_COVERED",
            "\"almacén: a, b/replay\",almacen.replay,Formats,19,201,1,7,3,33,1,14,0,11",
            "\"almacén: a, b/replay\",almacen.replay,Progress,1,2,0,0,2,7,1,1,0,1",
            "schemas,almacen.schemas,EventSchemas,0,10,0,0,0,4,0,1,0,1");

    // when the lines are summed
    Map<String, long[]> perPackage = linesPerPackage(csv);

    // then each package holds its missed and covered lines
    assertThat(perPackage).containsOnlyKeys("almacen.replay", "almacen.schemas");
    assertThat(perPackage.get("almacen.replay")).containsExactly(5, 40);
    assertThat(perPackage.get("almacen.schemas")).containsExactly(0, 4);
  }

  /**
   * Rows are GROUP,PACKAGE,CLASS and ten counters
   * (…,LINE_MISSED,LINE_COVERED,COMPLEXITY_*,METHOD_*). GROUP is a module name that may be quoted
   * and hold commas, so the fields are taken from the end of the row.
   */
  static Map<String, long[]> linesPerPackage(List<String> lines) {
    Map<String, long[]> perPackage = new TreeMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", -1);
      int n = f.length;
      long[] counts = perPackage.computeIfAbsent(f[n - 12], k -> new long[2]);
      counts[0] += Long.parseLong(f[n - 6]);
      counts[1] += Long.parseLong(f[n - 5]);
    }
    return perPackage;
  }

  private static String leastCovered(Map<String, long[]> perPackage) {
    return perPackage.entrySet().stream()
        .sorted(
            Comparator.comparingDouble(
                e -> e.getValue()[1] / (double) Math.max(1, e.getValue()[0] + e.getValue()[1])))
        .limit(8)
        .map(
            e ->
                "%s %d/%d"
                    .formatted(e.getKey(), e.getValue()[1], e.getValue()[0] + e.getValue()[1]))
        .toList()
        .toString();
  }
}
