package almacen.jmh;

import almacen.events.StockLevel;
import almacen.events.StockMovement;
import almacen.schemas.DecimalLimits;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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
 * {@link DecimalLimits#firstOverflow}, the range check the ledger makes on every result before it
 * is stored or sent (once on the level, once on the ledger entry), on records where everything fits
 * (the hot path): a level with a week or 28 days of daily buckets, and a sale's ledger entry.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class DecimalLimitsBenchmark {

  private StockMovement movement;

  /** The level checked, with a week or 28 days of daily buckets (each one a decimal to check). */
  @State(Scope.Thread)
  public static class Level {
    @Param({"7", "28"})
    public int days;

    StockLevel level;

    @Setup
    public void setUp() {
      level = HotPathRecords.level(HotPathRecords.SALE_SKUS.get(0), days);
    }
  }

  @Setup
  public void setUp() {
    movement = HotPathRecords.movement(HotPathRecords.SALE_SKUS.get(0));
  }

  @Benchmark
  public Optional<String> stockLevel(Level checked) {
    return DecimalLimits.firstOverflow(checked.level);
  }

  @Benchmark
  public Optional<String> stockMovement() {
    return DecimalLimits.firstOverflow(movement);
  }
}
