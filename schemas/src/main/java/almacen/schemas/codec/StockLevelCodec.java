package almacen.schemas.codec;

import almacen.events.DailySales;
import almacen.events.StockLevel;
import almacen.events.StockStatus;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.Encoder;

/**
 * {@link StockLevel}: written on every ledger entry (the store and stock-levels), read back by the
 * ledger for the next one and by query-api.
 */
final class StockLevelCodec implements BodyCodec<StockLevel> {

  private static final StockStatus[] STATUSES = StockStatus.values();
  private static final DecimalField ON_HAND = DecimalField.of(StockLevel.SCHEMA$, "onHand");
  private static final DecimalField AVG_COST = DecimalField.of(StockLevel.SCHEMA$, "avgCost");
  private static final DecimalField VALUE = DecimalField.of(StockLevel.SCHEMA$, "stockValue");
  private static final DecimalField MIN = DecimalField.of(StockLevel.SCHEMA$, "minStock");
  private static final DecimalField MAX = DecimalField.of(StockLevel.SCHEMA$, "maxStock");
  private static final DecimalField DAILY = DecimalField.of(StockLevel.SCHEMA$, "dailySales28d");
  private static final DecimalField COVER = DecimalField.of(StockLevel.SCHEMA$, "daysOfCover");
  private static final DecimalField REORDER = DecimalField.of(StockLevel.SCHEMA$, "reorderQty");
  private static final DecimalField DAY_QTY = DecimalField.of(DailySales.SCHEMA$, "qty");

  @Override
  public void write(StockLevel l, Encoder out) throws IOException {
    out.writeString(l.getBranch());
    out.writeString(l.getSku());
    ON_HAND.write(out, l.getOnHand());
    AVG_COST.write(out, l.getAvgCost());
    VALUE.write(out, l.getStockValue());
    out.writeEnum(l.getStatus().ordinal());
    MIN.write(out, l.getMinStock());
    MAX.writeNullable(out, l.getMaxStock());
    out.writeBoolean(l.getCatalogued());
    DAILY.write(out, l.getDailySales28d());
    COVER.writeNullable(out, l.getDaysOfCover());
    REORDER.write(out, l.getReorderQty());
    List<DailySales> days = l.getRecentSales();
    out.writeArrayStart();
    out.setItemCount(days.size());
    for (DailySales day : days) {
      out.startItem();
      out.writeInt((int) day.getDay().toEpochDay());
      DAY_QTY.write(out, day.getQty());
    }
    out.writeArrayEnd();
    out.writeLong(l.getMovements());
    AvroFields.writeInstant(out, l.getStatusSince());
    AvroFields.writeInstant(out, l.getUpdatedAt());
  }

  @Override
  public StockLevel read(Decoder in) throws IOException {
    String branch = in.readString();
    String sku = in.readString();
    var onHand = ON_HAND.read(in);
    var avgCost = AVG_COST.read(in);
    var value = VALUE.read(in);
    StockStatus status = AvroFields.readEnum(in, STATUSES);
    var min = MIN.read(in);
    var max = MAX.readNullable(in);
    boolean catalogued = in.readBoolean();
    var daily = DAILY.read(in);
    var cover = COVER.readNullable(in);
    var reorder = REORDER.read(in);
    List<DailySales> days = new ArrayList<>();
    for (long n = in.readArrayStart(); n > 0; n = in.arrayNext()) {
      for (long i = 0; i < n; i++) {
        days.add(new DailySales(LocalDate.ofEpochDay(in.readInt()), DAY_QTY.read(in)));
      }
    }
    return new StockLevel(
        branch,
        sku,
        onHand,
        avgCost,
        value,
        status,
        min,
        max,
        catalogued,
        daily,
        cover,
        reorder,
        days,
        in.readLong(),
        AvroFields.readInstant(in),
        AvroFields.readInstant(in));
  }
}
