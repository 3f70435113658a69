package almacen.jmh;

import almacen.events.Sale;
import almacen.events.StockLevel;
import almacen.inventory.domain.LedgerResult;
import almacen.inventory.domain.ProductInfo;
import almacen.inventory.domain.StockCommand;
import almacen.inventory.domain.StockCommands;
import almacen.inventory.domain.StockLedger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The ledger rules on one till sale of {@link #LINES} lines, per line: the sale's commands ({@link
 * StockCommands#fromSale}, which validates the whole sale) and {@link StockLedger#executeAll}
 * against levels with a week or 28 days of daily buckets, as stream-inventory's ledger processor
 * and the replay run them. Levels and products come from maps (no store, no decoding: those are the
 * serde benchmark's); nothing is stored, so each call sees the same levels.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class LedgerBenchmark {

  public static final int LINES = 5;

  /** Days of sales in each level: a week, or the whole demand window (a sku sold every day). */
  @Param({"7", "28"})
  public int days;

  private final StockCommands commands = HotPathRecords.commands();
  private final StockLedger ledger = HotPathRecords.ledger();
  private Sale sale;
  private List<StockCommand> saleCommands;
  private Function<String, StockLevel> levels;
  private Function<String, ProductInfo> products;

  @Setup
  public void setUp() {
    sale = HotPathRecords.sale();
    saleCommands = commands.fromSale(sale);
    Map<String, StockLevel> byKey = HotPathRecords.saleLevels(days);
    levels = byKey::get;
    Map<String, ProductInfo> bySku = new HashMap<>();
    for (String sku : HotPathRecords.SALE_SKUS) {
      bySku.put(sku, HotPathRecords.productInfo(sku));
    }
    products = bySku::get;
  }

  /** fromSale + executeAll: what one sale costs the rules, per line. */
  @Benchmark
  @OperationsPerInvocation(LINES)
  public List<LedgerResult> fromSaleAndExecuteAll() {
    return ledger.executeAll(commands.fromSale(sale), levels, products);
  }

  /** executeAll alone, on commands made once. */
  @Benchmark
  @OperationsPerInvocation(LINES)
  public List<LedgerResult> executeAll() {
    return ledger.executeAll(saleCommands, levels, products);
  }
}
