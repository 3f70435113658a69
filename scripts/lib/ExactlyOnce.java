import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares what the fault load had acknowledged with the stock ledger: every acknowledged sale or
 * invoice line must have exactly one ledger entry (sourceRef {@code id#1}) with the right sku and
 * delta, and no ledger entry of the load may lack an acknowledgement. Exit 0 when lost = duplicates
 * = strays = 0.
 *
 * <p>java scripts/lib/ExactlyOnce.java ACKED_TSV LEDGER_CSV LOAD_PREFIX...
 */
public class ExactlyOnce {

  public static void main(String[] args) throws Exception {
    List<String[]> acked =
        Files.readAllLines(Path.of(args[0])).stream().map(l -> l.split("\t")).toList();
    List<String> prefixes = List.of(args).subList(2, args.length);
    Map<String, Integer> entries = new HashMap<>();
    Map<String, String> effect = new HashMap<>();
    for (String line : Files.readAllLines(Path.of(args[1])).stream().skip(1).toList()) {
      // occurredAt,branch,sku,type,delta,before,after,unitCost,sourceRef,sequence,movementId
      String[] f = line.split(",", -1);
      String ref = f[8];
      if (prefixes.stream().anyMatch(ref::startsWith)) {
        entries.merge(ref, 1, Integer::sum);
        effect.put(
            ref,
            f[2]
                + " "
                + f[3]
                + " "
                + new java.math.BigDecimal(f[4]).stripTrailingZeros().toPlainString());
      }
    }
    long lost = 0;
    long duplicates = 0;
    long wrong = 0;
    for (String[] a : acked) {
      String ref = a[1] + "#1";
      String expected = a[2] + " " + (a[0].equals("sale") ? "SALE -" : "PURCHASE ") + a[3];
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
    java.util.Set<String> ackedSet = new java.util.HashSet<>();
    acked.forEach(a -> ackedSet.add(a[1] + "#1"));
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
    System.exit(lost + duplicates + wrong + strays == 0 && ackedRefs == acked.size() ? 0 : 1);
  }
}
