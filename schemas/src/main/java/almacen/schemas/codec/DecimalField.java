package almacen.schemas.codec;

import java.io.IOException;
import java.math.BigDecimal;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.Encoder;

/**
 * Scale and precision of one decimal field, taken from the schema itself so a codec cannot drift
 * from it.
 */
record DecimalField(int scale, int precision) {

  /** The decimal (or ["null", decimal]) field {@code name} of {@code record}. */
  static DecimalField of(Schema record, String name) {
    Schema.Field field = record.getField(name);
    if (field == null) {
      throw new IllegalArgumentException(record.getName() + " has no field " + name);
    }
    Schema schema = field.schema();
    if (schema.getType() == Schema.Type.UNION) {
      schema = schema.getTypes().get(1);
    }
    if (!(schema.getLogicalType() instanceof LogicalTypes.Decimal decimal)) {
      throw new IllegalArgumentException(record.getName() + "." + name + " is not a decimal");
    }
    return new DecimalField(decimal.getScale(), decimal.getPrecision());
  }

  void write(Encoder out, BigDecimal value) throws IOException {
    AvroFields.writeDecimal(out, value, scale, precision);
  }

  BigDecimal read(Decoder in) throws IOException {
    return AvroFields.readDecimal(in, scale);
  }

  void writeNullable(Encoder out, BigDecimal value) throws IOException {
    AvroFields.writeNullableDecimal(out, value, scale, precision);
  }

  BigDecimal readNullable(Decoder in) throws IOException {
    return AvroFields.readNullableDecimal(in, scale);
  }
}
