package almacen.schemas;

import almacen.events.DeadLetter;
import almacen.events.InflationMonth;
import almacen.events.Invoice;
import almacen.events.LabelPrint;
import almacen.events.Price;
import almacen.events.Product;
import almacen.events.Sale;
import almacen.events.StockAdjustment;
import almacen.events.StockAlert;
import almacen.events.StockLevel;
import almacen.events.StockMovement;
import almacen.events.StockTransfer;
import almacen.events.User;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Every event schema almacén has ever released. The history lives in this module ({@code
 * avro/history/<Name>/v<N>.avsc}), so an audit replay years later needs only this artifact to read
 * any record: single-object encoding carries the writer's fingerprint, and this store resolves it.
 */
public final class EventSchemas implements SchemaStore {

  /** The current event classes, in catalogue order. */
  public static final List<Class<? extends SpecificRecordBase>> EVENT_TYPES =
      List.of(
          Product.class,
          Sale.class,
          Invoice.class,
          StockAdjustment.class,
          StockTransfer.class,
          StockMovement.class,
          StockLevel.class,
          StockAlert.class,
          InflationMonth.class,
          Price.class,
          LabelPrint.class,
          DeadLetter.class,
          User.class);

  private static final EventSchemas INSTANCE = load();

  private final Map<String, List<Schema>> historyByName;
  private final Map<Long, Schema> byFingerprint;

  private EventSchemas(Map<String, List<Schema>> historyByName) {
    this.historyByName = historyByName;
    Map<Long, Schema> fingerprints = new LinkedHashMap<>();
    historyByName
        .values()
        .forEach(versions -> versions.forEach(s -> fingerprints.put(fingerprint(s), s)));
    for (Class<? extends SpecificRecordBase> type : EVENT_TYPES) {
      Schema current = currentSchema(type);
      fingerprints.put(fingerprint(current), current);
    }
    this.byFingerprint = Collections.unmodifiableMap(fingerprints);
  }

  public static EventSchemas get() {
    return INSTANCE;
  }

  /** CRC-64-AVRO of the parsing canonical form: the fingerprint single-object encoding writes. */
  public static long fingerprint(Schema schema) {
    return SchemaNormalization.parsingFingerprint64(schema);
  }

  public static String fingerprintHex(Schema schema) {
    return String.format("%016x", fingerprint(schema));
  }

  public static Schema currentSchema(Class<? extends SpecificRecordBase> type) {
    try {
      return (Schema) type.getField("SCHEMA$").get(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Not a generated Avro class: " + type, e);
    }
  }

  @Override
  public Schema findByFingerprint(long fingerprint) {
    return byFingerprint.get(fingerprint);
  }

  /** Released versions of one event, oldest first (v1, v2, ...). */
  public List<Schema> history(String simpleName) {
    return historyByName.getOrDefault(simpleName, List.of());
  }

  private static EventSchemas load() {
    Map<String, List<Schema>> history = new LinkedHashMap<>();
    for (Class<? extends SpecificRecordBase> type : EVENT_TYPES) {
      String name = type.getSimpleName();
      List<Schema> versions = new ArrayList<>();
      for (int v = 1; ; v++) {
        String resource = "/avro/history/" + name + "/v" + v + ".avsc";
        try (InputStream in = EventSchemas.class.getResourceAsStream(resource)) {
          if (in == null) {
            break;
          }
          versions.add(new Schema.Parser().parse(in));
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot read " + resource, e);
        }
      }
      history.put(name, List.copyOf(versions));
    }
    return new EventSchemas(Collections.unmodifiableMap(history));
  }
}
