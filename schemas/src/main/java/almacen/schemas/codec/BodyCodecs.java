package almacen.schemas.codec;

import almacen.events.Product;
import almacen.events.Sale;
import almacen.events.StockLevel;
import almacen.events.StockMovement;
import java.util.Map;
import java.util.Optional;

/**
 * The event types with a hand-written body codec: those on the ledger's hot path (profiled in
 * docs/performance.md). Every other type goes through Avro's generic writer and reader.
 */
public final class BodyCodecs {

  private static final Map<Class<?>, BodyCodec<?>> CODECS =
      Map.of(
          Sale.class, new SaleCodec(),
          StockLevel.class, new StockLevelCodec(),
          StockMovement.class, new StockMovementCodec(),
          Product.class, new ProductCodec());

  private BodyCodecs() {}

  @SuppressWarnings("unchecked") // the map pairs each class with its own codec
  public static <T> Optional<BodyCodec<T>> forType(Class<T> type) {
    return Optional.ofNullable((BodyCodec<T>) CODECS.get(type));
  }
}
