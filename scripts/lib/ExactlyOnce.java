import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Compares what the fault load had acknowledged with the stock ledger: every acknowledged sale or
 * invoice line must have exactly one ledger entry (sourceRef {@code id#1}) with the right sku and
 * delta, and no ledger entry of the load may lack an acknowledgement. Exit 0 when lost = duplicates
 * = strays = 0.
 *
 * <p>java -cp "$TOOLS_CP" ExactlyOnce ACKED_TSV LEDGER_CSV LOAD_PREFIX... (TOOLS_CP from
 * scripts/lib/tools.sh)
 */
@Command(
    name = "ExactlyOnce",
    mixinStandardHelpOptions = true,
    description =
        "Every acknowledged request has exactly one ledger entry with its effect, and no entry of"
            + " the load lacks an acknowledgement. Exit 0 when nothing is lost, doubled or stray.")
public class ExactlyOnce implements Callable<Integer> {

  /** The acknowledgements FaultLoad and BatchImportLoad write: kind, id, sku, quantity. */
  static final CSVFormat ACKED =
      CSVFormat.TDF.builder().setHeader("kind", "id", "sku", "qty").get();

  /** `scripts/replay ledger`: a header line, then one movement per line. */
  static final CSVFormat LEDGER =
      CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

  @Parameters(index = "0", paramLabel = "ACKED_TSV", description = "kind, id, sku, qty per line")
  Path ackedFile;

  @Parameters(index = "1", paramLabel = "LEDGER_CSV", description = "scripts/replay ledger")
  Path ledgerFile;

  @Parameters(
      index = "2..*",
      arity = "1..*",
      paramLabel = "LOAD_PREFIX",
      description = "sourceRef prefixes of the load's ledger entries")
  List<String> prefixes;

  public static void main(String[] args) {
    System.exit(new CommandLine(new ExactlyOnce()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    List<CSVRecord> acked = read(ackedFile, ACKED);
    Map<String, Integer> entries = new HashMap<>();
    Map<String, String> effect = new HashMap<>();
    for (CSVRecord movement : read(ledgerFile, LEDGER)) {
      String ref = movement.get("sourceRef");
      if (prefixes.stream().anyMatch(ref::startsWith)) {
        entries.merge(ref, 1, Integer::sum);
        effect.put(
            ref,
            movement.get("sku")
                + " "
                + movement.get("type")
                + " "
                + new BigDecimal(movement.get("delta")).stripTrailingZeros().toPlainString());
      }
    }
    long lost = 0;
    long duplicates = 0;
    long wrong = 0;
    for (CSVRecord a : acked) {
      String ref = a.get("id") + "#1";
      String expected =
          a.get("sku")
              + " "
              + (a.get("kind").equals("sale") ? "SALE -" : "PURCHASE ")
              + a.get("qty");
      int n = entries.getOrDefault(ref, 0);
      if (n == 0) {
        lost++;
        System.err.println("lost: " + ref);
      } else if (n > 1) {
        duplicates += n - 1;
        System.err.println("duplicated " + n + "x: " + ref);
      } else if (!expected.equals(effect.get(ref))) {
        wrong++;
        System.err.println(
            "wrong effect for " + ref + ": " + effect.get(ref) + " instead of " + expected);
      }
    }
    Set<String> ackedSet = new HashSet<>();
    acked.forEach(a -> ackedSet.add(a.get("id") + "#1"));
    long ackedRefs = ackedSet.size();
    long strays = entries.keySet().stream().filter(ref -> !ackedSet.contains(ref)).count();
    System.out.printf(
        "exactly-once: %d acknowledged requests, %d ledger entries; lost %d, duplicates %d, "
            + "wrong effect %d, unacknowledged but applied %d%n",
        ackedRefs,
        entries.values().stream().mapToInt(Integer::intValue).sum(),
        lost,
        duplicates,
        wrong,
        strays);
    return lost + duplicates + wrong + strays == 0 && ackedRefs == acked.size() ? 0 : 1;
  }

  static List<CSVRecord> read(Path file, CSVFormat format) throws Exception {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return format.parse(in).getRecords();
    }
  }
}
