package almacen.schemas;

import almacen.schemas.codec.BodyCodec;
import almacen.schemas.codec.BodyCodecs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Avro single-object encoding (magic C3 01, 8-byte schema fingerprint, binary body). Writers also
 * set the {@code event-type} and {@code schema-fingerprint} headers so tools can route and inspect
 * records without decoding them. Readers resolve any historical writer schema through {@link
 * EventSchemas} and project it onto the current reader schema. The ledger's hot types ({@link
 * BodyCodecs}) are written, and read when written with the current schema, by their own codec.
 */
public final class AvroEventSerde<T extends SpecificRecordBase> implements EventSerde<T> {

  public static final String EVENT_TYPE_HEADER = "event-type";
  public static final String FINGERPRINT_HEADER = "schema-fingerprint";

  private final Class<T> type;
  private final BinaryMessageEncoder<T> encoder;
  private final BinaryMessageDecoder<T> decoder;
  private final byte[] eventType;
  private final byte[] fingerprint;
  private final BodyCodec<T> codec;

  /**
   * Each thread's buffered encoder and decoder, reused from record to record (the codecs never call
   * back into a serde, so one set per thread is enough).
   */
  private static final ThreadLocal<CodecBuffers> BUFFERS =
      ThreadLocal.withInitial(CodecBuffers::new);

  private static final class CodecBuffers {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
    BinaryEncoder encoder;
    BinaryDecoder decoder;
  }

  private final byte[] header;

  public AvroEventSerde(Class<T> type, EventSchemas schemas) {
    this.type = type;
    Schema schema = EventSchemas.currentSchema(type);
    SpecificData model = SpecificData.getForClass(type);
    this.encoder = new BinaryMessageEncoder<>(model, schema);
    this.decoder = new BinaryMessageDecoder<>(model, schema, schemas);
    this.eventType = type.getSimpleName().getBytes(StandardCharsets.UTF_8);
    this.fingerprint = EventSchemas.fingerprintHex(schema).getBytes(StandardCharsets.UTF_8);
    this.codec = BodyCodecs.forType(type).orElse(null);
    this.header = singleObjectHeader(schema);
  }

  /** C3 01 and the schema's CRC-64-AVRO fingerprint, little-endian, as Avro writes it. */
  private static byte[] singleObjectHeader(Schema schema) {
    long fp = SchemaNormalization.parsingFingerprint64(schema);
    byte[] out = new byte[10];
    out[0] = (byte) 0xC3;
    out[1] = (byte) 0x01;
    for (int i = 2; i < out.length; i++) {
      out[i] = (byte) fp;
      fp >>= 8;
    }
    return out;
  }

  public static <T extends SpecificRecordBase> AvroEventSerde<T> of(Class<T> type) {
    return new AvroEventSerde<>(type, EventSchemas.get());
  }

  @Override
  public Class<T> type() {
    return type;
  }

  @Override
  public String eventType() {
    return type.getSimpleName();
  }

  public byte[] encode(T value) {
    try {
      if (codec != null) {
        return encodeWithCodec(value);
      }
      return encoder.encode(value).array();
    } catch (IOException | RuntimeException e) {
      throw new SerializationException(
          "Cannot encode " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  private byte[] encodeWithCodec(T value) throws IOException {
    CodecBuffers buffers = BUFFERS.get();
    try {
      buffers.bytes.reset();
      buffers.bytes.write(header);
      buffers.encoder = EncoderFactory.get().binaryEncoder(buffers.bytes, buffers.encoder);
      codec.write(value, buffers.encoder);
      buffers.encoder.flush();
      return buffers.bytes.toByteArray();
    } catch (IOException | RuntimeException e) {
      // a refused value leaves its first fields in the encoder's buffer: start the next one clean
      BUFFERS.remove();
      throw e;
    }
  }

  public T decode(byte[] bytes) {
    try {
      if (codec != null && written(bytes)) {
        CodecBuffers buffers = BUFFERS.get();
        buffers.decoder =
            DecoderFactory.get()
                .binaryDecoder(bytes, header.length, bytes.length - header.length, buffers.decoder);
        return codec.read(buffers.decoder);
      }
      return decoder.decode(bytes);
    } catch (IOException | RuntimeException e) {
      throw new SerializationException(
          "Cannot decode " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  /** Whether {@code bytes} were written with the current schema (the codec's own). */
  private boolean written(byte[] bytes) {
    return bytes.length >= header.length
        && Arrays.equals(bytes, 0, header.length, header, 0, header.length);
  }

  @Override
  public Serializer<T> serializer() {
    return new Serializer<>() {
      @Override
      public byte[] serialize(String topic, T data) {
        return data == null ? null : encode(data);
      }

      @Override
      public byte[] serialize(String topic, Headers headers, T data) {
        if (data == null) {
          return null;
        }
        if (headers != null) {
          headers.remove(EVENT_TYPE_HEADER).add(EVENT_TYPE_HEADER, eventType);
          headers.remove(FINGERPRINT_HEADER).add(FINGERPRINT_HEADER, fingerprint);
        }
        return encode(data);
      }
    };
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, data) -> data == null ? null : decode(data);
  }
}
