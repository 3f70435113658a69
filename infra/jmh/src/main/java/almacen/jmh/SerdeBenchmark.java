package almacen.jmh;

import almacen.events.Sale;
import almacen.events.StockLevel;
import almacen.events.StockMovement;
import almacen.schemas.AvroEventSerde;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecordBase;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One record through the project's serde ({@code AvroEventSerde}: header + hand-written body codec)
 * against Avro's generic {@link AvroBaseline} (SpecificDatumWriter/Reader), encode and decode, on
 * the same record: {@link HotPathRecords#sale()}, the level of its first sku (after a week of
 * sales, and after 28 days: a full demand window) and that sku's last ledger entry. Bytes are the
 * same both ways.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class SerdeBenchmark {

  /** StockLevel has a week of daily buckets, StockLevel28 the whole demand window. */
  @Param({"Sale", "StockLevel", "StockLevel28", "StockMovement"})
  public String record;

  private Case<?> measured;

  @Setup
  public void setUp() {
    String sku = HotPathRecords.SALE_SKUS.get(0);
    measured =
        switch (record) {
          case "Sale" -> new Case<>(Sale.class, HotPathRecords.sale());
          case "StockLevel" -> new Case<>(StockLevel.class, HotPathRecords.level(sku));
          case "StockLevel28" ->
              new Case<>(
                  StockLevel.class, HotPathRecords.level(sku, HotPathRecords.FULL_WINDOW_DAYS));
          case "StockMovement" -> new Case<>(StockMovement.class, HotPathRecords.movement(sku));
          default -> throw new IllegalArgumentException("No such record: " + record);
        };
  }

  @Benchmark
  public byte[] encodeCodec() {
    return measured.encodeCodec();
  }

  @Benchmark
  public byte[] encodeAvro() throws IOException {
    return measured.encodeAvro();
  }

  @Benchmark
  public Object decodeCodec() {
    return measured.decodeCodec();
  }

  @Benchmark
  public Object decodeAvro() throws IOException {
    return measured.decodeAvro();
  }

  /** The record being measured (for the tests). */
  Object measuredValue() {
    return measured.value;
  }

  /** One record type: the value, its encoding, and both ways of writing and reading it. */
  static final class Case<T extends SpecificRecordBase> {
    final T value;
    final byte[] bytes;
    final AvroEventSerde<T> serde;
    final AvroBaseline<T> avro;

    Case(Class<T> type, T value) {
      this.value = value;
      this.serde = AvroEventSerde.of(type);
      this.avro = new AvroBaseline<>(type);
      this.bytes = serde.encode(value);
    }

    byte[] encodeCodec() {
      return serde.encode(value);
    }

    byte[] encodeAvro() throws IOException {
      return avro.encode(value);
    }

    T decodeCodec() {
      return serde.decode(bytes);
    }

    T decodeAvro() throws IOException {
      return avro.decode(bytes);
    }
  }
}
