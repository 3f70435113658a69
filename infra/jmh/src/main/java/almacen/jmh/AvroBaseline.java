package almacen.jmh;

import almacen.schemas.EventSchemas;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Avro's own {@link SpecificDatumWriter} and {@link SpecificDatumReader} behind the same
 * single-object header and the same reused buffers as {@code AvroEventSerde}'s codec path, so that
 * the two differ only in who walks the record's fields. The same bytes as the serde (the tests
 * check it). One instance per thread.
 */
public final class AvroBaseline<T extends SpecificRecordBase> {

  private final byte[] header;
  private final DatumWriter<T> writer;
  private final DatumReader<T> reader;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
  private BinaryEncoder encoder;
  private BinaryDecoder decoder;

  public AvroBaseline(Class<T> type) {
    Schema schema = EventSchemas.currentSchema(type);
    SpecificData model = SpecificData.getForClass(type);
    this.writer = new SpecificDatumWriter<>(schema, model);
    this.reader = new SpecificDatumReader<>(schema, schema, model);
    this.header = singleObjectHeader(schema);
  }

  /** C3 01 and the schema's CRC-64-AVRO fingerprint, little-endian. */
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

  public byte[] encode(T value) throws IOException {
    bytes.reset();
    bytes.write(header);
    encoder = EncoderFactory.get().binaryEncoder(bytes, encoder);
    writer.write(value, encoder);
    encoder.flush();
    return bytes.toByteArray();
  }

  public T decode(byte[] message) throws IOException {
    if (message.length < header.length
        || !Arrays.equals(message, 0, header.length, header, 0, header.length)) {
      throw new IOException("Not written with the current schema");
    }
    decoder =
        DecoderFactory.get()
            .binaryDecoder(message, header.length, message.length - header.length, decoder);
    return reader.read(null, decoder);
  }
}
