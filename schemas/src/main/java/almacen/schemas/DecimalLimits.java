package almacen.schemas;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * Whether every decimal of a record fits the precision its Avro schema declares. Avro only finds
 * out when it encodes the record, which in a Streams app happens in the sink after other effects of
 * the same event were already applied; the ledger asks first, so an event that would not fit is
 * refused whole.
 *
 * <p>Each record schema is read once into a plan of the fields that can hold a decimal (directly,
 * in a union, an array or a nested record); a check then visits only those, and builds the path
 * only for an overflow, so it allocates nothing on the hot path where everything fits.
 */
public final class DecimalLimits {

  // record schema → its plan; keyed by the schema itself (identity first, then equality)
  private static final Map<Schema, RecordPlan> PLANS = new ConcurrentHashMap<>();

  private DecimalLimits() {}

  /**
   * The path of the first decimal that does not fit, e.g. {@code stockValue}; empty when all fit.
   */
  public static Optional<String> firstOverflow(IndexedRecord record) {
    return Optional.ofNullable(overflow(record));
  }

  // Each step answers the path below it, or null when everything fits.
  private static String overflow(IndexedRecord record) {
    Schema schema = record.getSchema();
    RecordPlan plan = PLANS.get(schema);
    if (plan == null) {
      plan = PLANS.computeIfAbsent(schema, RecordPlan::of);
    }
    return plan.overflow(record);
  }

  /** One kind of value's check: the path below it of the first overflow, or null. */
  private interface Check {
    String overflow(Object value);
  }

  /** The fields of one record schema that can hold a decimal, in field order. */
  private record RecordPlan(String[] names, int[] positions, Check[] checks) {

    static RecordPlan of(Schema schema) {
      List<Schema.Field> fields = new ArrayList<>();
      List<Check> checks = new ArrayList<>();
      for (Schema.Field field : schema.getFields()) {
        Check check = check(field.schema());
        if (check != null) {
          fields.add(field);
          checks.add(check);
        }
      }
      return new RecordPlan(
          fields.stream().map(Schema.Field::name).toArray(String[]::new),
          fields.stream().mapToInt(Schema.Field::pos).toArray(),
          checks.toArray(Check[]::new));
    }

    String overflow(IndexedRecord record) {
      for (int i = 0; i < checks.length; i++) {
        Object value = record.get(positions[i]);
        String below = value == null ? null : checks[i].overflow(value);
        if (below != null) {
          return names[i] + below;
        }
      }
      return null;
    }
  }

  /**
   * The check of a value of {@code schema}, or null when no value of it can overflow: no decimal in
   * it and no record (a record is checked by its own schema, the value's, so it is always visited).
   */
  private static Check check(Schema schema) {
    return switch (schema.getType()) {
      case UNION -> unionCheck(schema);
      case RECORD ->
          value -> {
            String below = value instanceof IndexedRecord nested ? overflow(nested) : null;
            return below == null ? null : "." + below;
          };
      case ARRAY -> {
        Check items = check(schema.getElementType());
        yield items == null ? null : value -> arrayOverflow(items, value);
      }
      default -> {
        LogicalType logical = schema.getLogicalType();
        yield logical instanceof LogicalTypes.Decimal decimal
            ? value -> value instanceof BigDecimal number && !fits(number, decimal) ? "" : null
            : null;
      }
    };
  }

  /**
   * The first non-null branch that holds the value answers: its overflow, or null once a branch
   * matches the value's kind.
   */
  private static Check unionCheck(Schema union) {
    List<Schema> branches = new ArrayList<>();
    List<Check> checks = new ArrayList<>();
    boolean any = false;
    for (Schema branch : union.getTypes()) {
      if (branch.getType() != Schema.Type.NULL) {
        Check check = check(branch);
        branches.add(branch);
        checks.add(check);
        any |= check != null;
      }
    }
    if (!any) {
      return null;
    }
    return value -> {
      for (int i = 0; i < branches.size(); i++) {
        Check check = checks.get(i);
        String found = check == null ? null : check.overflow(value);
        if (found != null || matches(branches.get(i), value)) {
          return found;
        }
      }
      return null;
    };
  }

  private static String arrayOverflow(Check items, Object value) {
    if (value instanceof Collection<?> collection) {
      int i = 0;
      for (Object item : collection) {
        String below = item == null ? null : items.overflow(item);
        if (below != null) {
          return "[" + i + "]" + below;
        }
        i++;
      }
    }
    return null;
  }

  private static boolean matches(Schema branch, Object value) {
    return switch (branch.getType()) {
      case RECORD -> value instanceof IndexedRecord;
      case ARRAY -> value instanceof Collection<?>;
      default ->
          branch.getLogicalType() instanceof LogicalTypes.Decimal && value instanceof BigDecimal;
    };
  }

  /** Digits left of the point within precision − scale (the scale itself is fixed by Decimals). */
  private static boolean fits(BigDecimal number, LogicalTypes.Decimal decimal) {
    int integerDigits = number.precision() - number.scale();
    return integerDigits <= decimal.getPrecision() - decimal.getScale();
  }
}
