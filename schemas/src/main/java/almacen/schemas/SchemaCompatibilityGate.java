package almacen.schemas;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * The evolution rule of the event catalogue: a schema must be backward AND forward compatible with
 * every released version (new readers read old records, old readers read new records), because
 * topics keep records forever and services are upgraded one at a time.
 */
public final class SchemaCompatibilityGate {

  private static final String INVOICE_REJECTED =
      "REJECTED (an invoice taken out of the review queue) is new and InvoiceStatus had no"
          + " default before v3; only ingest-ocr writes invoices and it is upgraded after every"
          + " reader (query-api, stream-pricing, stream-inventory, replay), see"
          + " docs/decisions/0007. v3 gives the enum a default (NEEDS_REVIEW, which moves"
          + " nothing), so later symbols never stop an older reader.";

  /**
   * Released versions that may not read the new schema's records, each with why and how that is
   * safe. Only a new enum symbol qualifies: Avro cannot add one to an enum released without a
   * default.
   */
  static final Map<String, String> ACCEPTED_FORWARD_BREAKS =
      Map.of(
          "StockMovement v1",
          "PURCHASE_RETURN (credit notes) is new and v1's MovementType had no default; only"
              + " stream-inventory writes movements and is upgraded after every reader (query-api,"
              + " replay), see docs/decisions/0005. v2 gives the enum a default, so later symbols are"
              + " read as ADJUSTMENT by older readers instead of failing.",
          "Invoice v1",
          INVOICE_REJECTED,
          "Invoice v2",
          INVOICE_REJECTED);

  private SchemaCompatibilityGate() {}

  /** Problems found, empty when {@code candidate} may be released after {@code history}. */
  public static List<String> check(Schema candidate, List<Schema> history) {
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < history.size(); i++) {
      Schema released = history.get(i);
      String version = candidate.getName() + " v" + (i + 1);
      var backward = SchemaCompatibility.checkReaderWriterCompatibility(candidate, released);
      if (backward.getType() != SchemaCompatibilityType.COMPATIBLE) {
        problems.add(
            "cannot read " + version + " records: " + backward.getResult().getIncompatibilities());
      }
      var forward = SchemaCompatibility.checkReaderWriterCompatibility(released, candidate);
      if (forward.getType() != SchemaCompatibilityType.COMPATIBLE
          && !onlyNewEnumSymbolsAccepted(version, forward)) {
        problems.add(
            version
                + " readers cannot read new records: "
                + forward.getResult().getIncompatibilities());
      }
    }
    return problems;
  }

  private static boolean onlyNewEnumSymbolsAccepted(
      String version, SchemaCompatibility.SchemaPairCompatibility forward) {
    return ACCEPTED_FORWARD_BREAKS.containsKey(version)
        && forward.getResult().getIncompatibilities().stream()
            .allMatch(
                i ->
                    i.getType()
                        == SchemaCompatibility.SchemaIncompatibilityType.MISSING_ENUM_SYMBOLS);
  }
}
