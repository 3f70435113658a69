package almacen.schemas.codec;

import almacen.events.Product;
import almacen.events.ScaleValue;
import almacen.events.Unit;
import java.io.IOException;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.Encoder;

/** {@link Product}: read by the ledger for every line it applies (the catalogue's minStock). */
final class ProductCodec implements BodyCodec<Product> {

  private static final Unit[] UNITS = Unit.values();
  private static final ScaleValue[] SCALE_VALUES = ScaleValue.values();
  private static final DecimalField MIN = DecimalField.of(Product.SCHEMA$, "minStock");
  private static final DecimalField MAX = DecimalField.of(Product.SCHEMA$, "maxStock");
  private static final DecimalField IVA = DecimalField.of(Product.SCHEMA$, "ivaRatePct");
  private static final DecimalField MARKUP = DecimalField.of(Product.SCHEMA$, "markupPct");
  private static final DecimalField PACK = DecimalField.of(Product.SCHEMA$, "packSize");

  @Override
  public void write(Product p, Encoder out) throws IOException {
    out.writeString(p.getSku());
    out.writeString(p.getName());
    out.writeString(p.getCategory());
    AvroFields.writeNullableString(out, p.getEan());
    out.writeEnum(p.getUnit().ordinal());
    MIN.write(out, p.getMinStock());
    MAX.writeNullable(out, p.getMaxStock());
    IVA.write(out, p.getIvaRatePct());
    MARKUP.writeNullable(out, p.getMarkupPct());
    out.writeBoolean(p.getActive());
    AvroFields.writeInstant(out, p.getUpdatedAt());
    AvroFields.writeNullableString(out, p.getPlu());
    out.writeEnum(p.getScaleValue().ordinal());
    PACK.write(out, p.getPackSize());
    AvroFields.writeNullableString(out, p.getSupplierCuit());
  }

  @Override
  public Product read(Decoder in) throws IOException {
    return new Product(
        in.readString(),
        in.readString(),
        in.readString(),
        AvroFields.readNullableString(in),
        AvroFields.readEnum(in, UNITS),
        MIN.read(in),
        MAX.readNullable(in),
        IVA.read(in),
        MARKUP.readNullable(in),
        in.readBoolean(),
        AvroFields.readInstant(in),
        AvroFields.readNullableString(in),
        AvroFields.readEnum(in, SCALE_VALUES),
        PACK.read(in),
        AvroFields.readNullableString(in));
  }
}
