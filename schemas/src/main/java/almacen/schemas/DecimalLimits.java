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
    return Optional.ofNullable(overflow(record));
  }

  // Each step answers the path below it, or null when everything fits: the path is only built for
  // an overflow, so the check allocates nothing on the hot path where everything fits.
  private static String overflow(IndexedRecord record) {
    for (Schema.Field field : record.getSchema().getFields()) {
      String below = overflow(field.schema(), record.get(field.pos()));
      if (below != null) {
        return field.name() + below;
      }
    }
    return null;
  }

  private static String overflow(Schema schema, Object value) {
    if (value == null) {
      return null;
    }
    return switch (schema.getType()) {
      case UNION -> {
        for (Schema branch : schema.getTypes()) {
          if (branch.getType() != Schema.Type.NULL) {
            String found = overflow(branch, value);
            if (found != null || matches(branch, value)) {
              yield found;
            }
          }
        }
        yield null;
      }
      case RECORD -> {
        String below = value instanceof IndexedRecord nested ? overflow(nested) : null;
        yield below == null ? null : "." + below;
      }
      case ARRAY -> {
        if (value instanceof Collection<?> items) {
          int i = 0;
          for (Object item : items) {
            String below = overflow(schema.getElementType(), item);
            if (below != null) {
              yield "[" + i + "]" + below;
            }
            i++;
          }
        }
        yield null;
      }
      default -> {
        LogicalType logical = schema.getLogicalType();
        yield logical instanceof LogicalTypes.Decimal decimal
                && value instanceof BigDecimal number
                && !fits(number, decimal)
            ? ""
            : null;
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
