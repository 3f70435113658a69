package almacen.inventory;

import almacen.inventory.domain.CommandType;
import almacen.inventory.domain.StockCommand;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Wire format of {@link StockCommand} on the internal repartition topic: a version byte, then the
 * fields in order (decimals as plain strings, instants as epoch millis, nullable fields behind a
 * presence flag). Version 2 appends {@code user}; a version 1 record (written by an instance before
 * the upgrade and still in the topic) reads with user null. Internal to this application; never
 * read by anyone else.
 */
public final class StockCommandSerde implements Serde<StockCommand> {

  private static final byte VERSION = 2;
  private static final byte WITHOUT_USER = 1;

  @Override
  public Serializer<StockCommand> serializer() {
    return (topic, command) -> command == null ? null : encode(command);
  }

  @Override
  public Deserializer<StockCommand> deserializer() {
    return (topic, bytes) -> bytes == null ? null : decode(bytes);
  }

  static byte[] encode(StockCommand c) {
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeUTF(c.type().name());
      out.writeUTF(c.branch());
      out.writeUTF(c.sku());
      out.writeUTF(c.quantity().toPlainString());
      writeNullable(out, c.unitCost() == null ? null : c.unitCost().toPlainString());
      out.writeUTF(c.sourceRef());
      out.writeLong(c.occurredAt().toEpochMilli());
      writeNullable(out, c.toBranch());
      writeNullable(out, c.user());
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new SerializationException("Cannot encode StockCommand " + c.sourceRef(), e);
    }
  }

  static StockCommand decode(byte[] data) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      byte version = in.readByte();
      if (version != VERSION && version != WITHOUT_USER) {
        throw new SerializationException("Unknown StockCommand version " + version);
      }
      CommandType type = CommandType.valueOf(in.readUTF());
      String branch = in.readUTF();
      String sku = in.readUTF();
      BigDecimal quantity = new BigDecimal(in.readUTF());
      String unitCost = readNullable(in);
      String sourceRef = in.readUTF();
      Instant occurredAt = Instant.ofEpochMilli(in.readLong());
      String toBranch = readNullable(in);
      String user = version == WITHOUT_USER ? null : readNullable(in);
      return new StockCommand(
          type,
          branch,
          sku,
          quantity,
          unitCost == null ? null : new BigDecimal(unitCost),
          sourceRef,
          occurredAt,
          toBranch,
          user);
    } catch (IOException | IllegalArgumentException e) {
      throw new SerializationException("Cannot decode StockCommand: " + e.getMessage(), e);
    }
  }

  private static void writeNullable(DataOutputStream out, String value) throws IOException {
    out.writeBoolean(value != null);
    if (value != null) {
      out.writeUTF(value);
    }
  }

  private static String readNullable(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }
}
