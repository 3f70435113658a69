package almacen.schemas;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Optional;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * Whether every decimal of a record fits the precision its Avro schema declares. Avro only finds
 * out when it encodes the record, which in a Streams app happens in the sink after other effects of
 * the same event were already applied; the ledger asks first, so an event that would not fit is
 * refused whole.
 */
public final class DecimalLimits {

  private DecimalLimits() {}

  /**
   * The path of the first decimal that does not fit, e.g. {@code stockValue}; empty when all fit.
   */
  public static Optional<String> firstOverflow(IndexedRecord record) {
    return overflow(record, "");
  }

  private static Optional<String> overflow(IndexedRecord record, String prefix) {
    for (Schema.Field field : record.getSchema().getFields()) {
      Optional<String> found =
          overflow(field.schema(), record.get(field.pos()), prefix + field.name());
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> overflow(Schema schema, Object value, String path) {
    if (value == null) {
      return Optional.empty();
    }
    return switch (schema.getType()) {
      case UNION -> {
        for (Schema branch : schema.getTypes()) {
          if (branch.getType() != Schema.Type.NULL) {
            Optional<String> found = overflow(branch, value, path);
            if (found.isPresent() || matches(branch, value)) {
              yield found;
            }
          }
        }
        yield Optional.empty();
      }
      case RECORD ->
          value instanceof IndexedRecord nested ? overflow(nested, path + ".") : Optional.empty();
      case ARRAY -> {
        if (value instanceof Collection<?> items) {
          int i = 0;
          for (Object item : items) {
            Optional<String> found =
                overflow(schema.getElementType(), item, path + "[" + i++ + "]");
            if (found.isPresent()) {
              yield found;
            }
          }
        }
        yield Optional.empty();
      }
      default -> {
        LogicalType logical = schema.getLogicalType();
        yield logical instanceof LogicalTypes.Decimal decimal
                && value instanceof BigDecimal number
                && !fits(number, decimal)
            ? Optional.of(path)
            : Optional.empty();
      }
    };
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
