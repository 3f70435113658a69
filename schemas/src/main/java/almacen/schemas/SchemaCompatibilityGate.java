package almacen.schemas;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * The evolution rule of the event catalogue: a schema must be backward AND forward compatible with
 * every released version (new readers read old records, old readers read new records), because
 * topics keep records forever and services are upgraded one at a time.
 */
public final class SchemaCompatibilityGate {

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
      if (forward.getType() != SchemaCompatibilityType.COMPATIBLE) {
        problems.add(
            version
                + " readers cannot read new records: "
                + forward.getResult().getIncompatibilities());
      }
    }
    return problems;
  }
}
