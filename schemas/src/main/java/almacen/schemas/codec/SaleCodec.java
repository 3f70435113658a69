package almacen.schemas.codec;

import almacen.events.Sale;
import almacen.events.SaleLine;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.Encoder;

/** {@link Sale}, the hottest input: every till sale, every batch line. */
final class SaleCodec implements BodyCodec<Sale> {

  private static final DecimalField QTY = DecimalField.of(SaleLine.SCHEMA$, "qty");
  private static final DecimalField UNIT_PRICE = DecimalField.of(SaleLine.SCHEMA$, "unitPrice");

  @Override
  public void write(Sale sale, Encoder out) throws IOException {
    out.writeString(sale.getSaleId());
    out.writeString(sale.getBranch());
    AvroFields.writeInstant(out, sale.getSoldAt());
    List<SaleLine> lines = sale.getLines();
    out.writeArrayStart();
    out.setItemCount(lines.size());
    for (SaleLine line : lines) {
      out.startItem();
      out.writeString(line.getSku());
      QTY.write(out, line.getQty());
      UNIT_PRICE.write(out, line.getUnitPrice());
    }
    out.writeArrayEnd();
    AvroFields.writeInstant(out, sale.getReceivedAt());
    AvroFields.writeNullableString(out, sale.getUser());
  }

  @Override
  public Sale read(Decoder in) throws IOException {
    String saleId = in.readString();
    String branch = in.readString();
    var soldAt = AvroFields.readInstant(in);
    List<SaleLine> lines = new ArrayList<>();
    for (long n = in.readArrayStart(); n > 0; n = in.arrayNext()) {
      for (long i = 0; i < n; i++) {
        lines.add(new SaleLine(in.readString(), QTY.read(in), UNIT_PRICE.read(in)));
      }
    }
    var receivedAt = AvroFields.readInstant(in);
    return new Sale(saleId, branch, soldAt, lines, receivedAt, AvroFields.readNullableString(in));
  }
}
