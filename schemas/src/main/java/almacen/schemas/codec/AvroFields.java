package almacen.schemas.codec;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.time.Instant;
import org.apache.avro.AvroTypeException;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.Encoder;

/**
 * The Avro encodings the codecs share: decimals as bytes (two's complement big-endian unscaled
 * value, the decimal logical type's own encoding) with Avro's validation, nullable unions whose
 * first branch is null, and timestamp-millis. Decimals whose unscaled value fits a long (every
 * quantity and price a shop has) are encoded and decoded without BigInteger arithmetic.
 */
final class AvroFields {

  private AvroFields() {}

  /**
   * As Avro's DecimalConversion: rescaled without rounding, refused past the declared precision.
   */
  static void writeDecimal(Encoder out, BigDecimal value, int scale, int precision)
      throws IOException {
    BigDecimal scaled = value;
    if (value.scale() != scale) {
      try {
        scaled = value.setScale(scale, RoundingMode.UNNECESSARY);
      } catch (ArithmeticException e) {
        throw new AvroTypeException(
            "Cannot encode decimal with scale "
                + value.scale()
                + " as scale "
                + scale
                + " without rounding");
      }
    }
    if (scaled.precision() > precision) {
      throw new AvroTypeException(
          "Cannot encode decimal with precision "
              + scaled.precision()
              + " as max precision "
              + precision);
    }
    BigInteger unscaled = scaled.unscaledValue();
    if (unscaled.bitLength() < Long.SIZE) {
      writeTwosComplement(out, unscaled.longValue());
    } else {
      out.writeBytes(unscaled.toByteArray());
    }
  }

  /** The minimal big-endian two's complement of {@code v}, as BigInteger.toByteArray gives it. */
  private static void writeTwosComplement(Encoder out, long v) throws IOException {
    int bits = 64 - Long.numberOfLeadingZeros(v < 0 ? ~v : v) + 1; // with the sign bit
    int length = (bits + 7) / 8;
    byte[] bytes = new byte[length];
    for (int i = length - 1; i >= 0; i--) {
      bytes[i] = (byte) v;
      v >>= 8;
    }
    out.writeBytes(bytes);
  }

  static BigDecimal readDecimal(Decoder in, int scale) throws IOException {
    ByteBuffer buffer = in.readBytes(null);
    int length = buffer.remaining();
    if (length == 0) {
      return BigDecimal.valueOf(0, scale);
    }
    if (length <= Long.BYTES) {
      long v = buffer.get(); // sign-extended first byte
      for (int i = 1; i < length; i++) {
        v = (v << 8) | (buffer.get() & 0xFF);
      }
      return BigDecimal.valueOf(v, scale);
    }
    byte[] bytes = new byte[length];
    buffer.get(bytes);
    return new BigDecimal(new BigInteger(bytes), scale);
  }

  static void writeNullableDecimal(Encoder out, BigDecimal value, int scale, int precision)
      throws IOException {
    if (value == null) {
      out.writeIndex(0);
    } else {
      out.writeIndex(1);
      writeDecimal(out, value, scale, precision);
    }
  }

  static BigDecimal readNullableDecimal(Decoder in, int scale) throws IOException {
    return readBranch(in) ? readDecimal(in, scale) : null;
  }

  static void writeNullableString(Encoder out, String value) throws IOException {
    if (value == null) {
      out.writeIndex(0);
    } else {
      out.writeIndex(1);
      out.writeString(value);
    }
  }

  static String readNullableString(Decoder in) throws IOException {
    return readBranch(in) ? in.readString() : null;
  }

  static void writeInstant(Encoder out, Instant value) throws IOException {
    out.writeLong(value.toEpochMilli());
  }

  static Instant readInstant(Decoder in) throws IOException {
    return Instant.ofEpochMilli(in.readLong());
  }

  static <E extends Enum<E>> E readEnum(Decoder in, E[] symbols) throws IOException {
    int index = in.readEnum();
    if (index < 0 || index >= symbols.length) {
      throw new AvroTypeException("Enum index " + index + " out of range");
    }
    return symbols[index];
  }

  /** A ["null", X] union: true when the value is there. */
  private static boolean readBranch(Decoder in) throws IOException {
    int branch = in.readIndex();
    if (branch < 0 || branch > 1) {
      throw new AvroTypeException("Union branch " + branch + " out of range");
    }
    return branch == 1;
  }
}
