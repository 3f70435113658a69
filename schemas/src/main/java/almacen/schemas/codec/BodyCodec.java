package almacen.schemas.codec;

import java.io.IOException;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.Encoder;

/**
 * Writes and reads the Avro binary body of one event type in the current schema, field by field,
 * without Avro's generic walk over the schema. Byte for byte what Avro's own writer produces
 * ({@code CodecEquivalenceTest} checks it on generated records); older writer schemas still go
 * through Avro's resolving reader.
 */
public interface BodyCodec<T> {

  void write(T value, Encoder out) throws IOException;

  T read(Decoder in) throws IOException;
}
