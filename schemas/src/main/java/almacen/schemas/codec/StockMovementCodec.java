package almacen.schemas.codec;

import almacen.events.MovementType;
import almacen.events.StockMovement;
import java.io.IOException;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.Encoder;

/** {@link StockMovement}: one per ledger entry, written by the ledger, read by query-api. */
final class StockMovementCodec implements BodyCodec<StockMovement> {

  private static final MovementType[] TYPES = MovementType.values();
  private static final DecimalField DELTA = DecimalField.of(StockMovement.SCHEMA$, "delta");
  private static final DecimalField BEFORE = DecimalField.of(StockMovement.SCHEMA$, "before");
  private static final DecimalField AFTER = DecimalField.of(StockMovement.SCHEMA$, "after");
  private static final DecimalField UNIT_COST = DecimalField.of(StockMovement.SCHEMA$, "unitCost");

  @Override
  public void write(StockMovement m, Encoder out) throws IOException {
    out.writeString(m.getMovementId());
    out.writeString(m.getBranch());
    out.writeString(m.getSku());
    out.writeEnum(m.getType().ordinal());
    DELTA.write(out, m.getDelta());
    BEFORE.write(out, m.getBefore());
    AFTER.write(out, m.getAfter());
    UNIT_COST.writeNullable(out, m.getUnitCost());
    out.writeString(m.getSourceRef());
    AvroFields.writeInstant(out, m.getOccurredAt());
    out.writeLong(m.getSequence());
    AvroFields.writeNullableString(out, m.getUser());
  }

  @Override
  public StockMovement read(Decoder in) throws IOException {
    return new StockMovement(
        in.readString(),
        in.readString(),
        in.readString(),
        AvroFields.readEnum(in, TYPES),
        DELTA.read(in),
        BEFORE.read(in),
        AFTER.read(in),
        UNIT_COST.readNullable(in),
        in.readString(),
        AvroFields.readInstant(in),
        in.readLong(),
        AvroFields.readNullableString(in));
  }
}
