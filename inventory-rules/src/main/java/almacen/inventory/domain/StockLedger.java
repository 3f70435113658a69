package almacen.inventory.domain;

import almacen.domain.Decimals;
import almacen.events.DailySales;
import almacen.events.MovementType;
import almacen.events.StockAlert;
import almacen.events.StockLevel;
import almacen.events.StockMovement;
import almacen.events.StockStatus;
import almacen.schemas.DecimalLimits;
import almacen.schemas.StoreNames;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The stock ledger rules, free of Kafka: given the current level of a branch|sku, one command and
 * the product, the ledger entry, the new level and the alert if the status changed. Streams and the
 * audit replay both run exactly this code, so a replay rebuilds the same ledger.
 *
 * <ul>
 *   <li>after = before + delta; sales never fail for lack of stock (onHand may go negative).
 *   <li>Moving average cost (AVCO): a purchase of q at c gives avg = c when before &le; 0, else
 *       (before × avg + q × c) / (before + q); TRANSFER_IN does the same at the source's avg cost;
 *       every other movement (a PURCHASE_RETURN too: the units go back at the average) leaves avg
 *       unchanged. stockValue = max(onHand, 0) × avg.
 *   <li>Status: NEGATIVE if onHand &lt; 0, OUT if 0, LOW if &le; minStock, else OK. A new key comes
 *       from OUT (onHand 0, nothing in force): its first level raises an alert unless OK. After
 *       that, every change of status raises one, including back to OK (which clears it).
 *   <li>Demand: sales per Buenos Aires day for the 28 days ending on the day of the latest business
 *       time seen for the key (never the wall clock, so replays agree).
 * </ul>
 */
public final class StockLedger {

  public static final int DEMAND_WINDOW_DAYS = 28;
  private static final BigDecimal WINDOW = BigDecimal.valueOf(DEMAND_WINDOW_DAYS);
  private static final int AVG_DIVISION_SCALE = 10;

  private final DemandSettings demand;
  private final ZonedDays days;

  public StockLedger(DemandSettings demand) {
    this.demand = Objects.requireNonNull(demand, "demand");
    this.days = new ZonedDays(demand.zone());
  }

  /**
   * One command against the levels it touches ({@code levels} answers null for a key never moved):
   * one result for a SALE, PURCHASE, PURCHASE_RETURN, ADJUSTMENT or COUNT, TRANSFER_OUT then
   * TRANSFER_IN for a transfer. Nothing is stored: the caller stores each result's level.
   */
  public List<LedgerResult> execute(
      StockCommand command, Function<String, StockLevel> levels, ProductInfo product) {
    String key = command.key();
    if (command.type() != CommandType.TRANSFER) {
      return List.of(apply(key, levels.apply(key), command, product));
    }
    String toKey = StoreNames.branchSkuKey(command.toBranch(), command.sku());
    TransferResult result =
        transfer(key, toKey, levels.apply(key), levels.apply(toKey), command, product);
    return List.of(result.out(), result.in());
  }

  /**
   * All the commands of one event, in order, each seeing the levels the previous ones left; nothing
   * is stored. Throws what the ledger would throw for any of them, so an event whose last line
   * would be refused is refused whole before its first line moves stock.
   */
  public List<LedgerResult> executeAll(
      List<StockCommand> commands,
      Function<String, StockLevel> levels,
      Function<String, ProductInfo> products) {
    if (commands.size() == 1) {
      // nothing after it to see its levels: no scratch map (most till sales are one line)
      StockCommand only = commands.get(0);
      return execute(only, levels, products.apply(only.sku()));
    }
    Map<String, StockLevel> scratch = new HashMap<>();
    // a result's level is never null, so a miss in the scratch map means "not touched yet"
    Function<String, StockLevel> current =
        key -> {
          StockLevel touched = scratch.get(key);
          return touched != null ? touched : levels.apply(key);
        };
    List<LedgerResult> results = new ArrayList<>(commands.size());
    for (StockCommand command : commands) {
      for (LedgerResult result : execute(command, current, products.apply(command.sku()))) {
        scratch.put(result.key(), result.level());
        results.add(result);
      }
    }
    return results;
  }

  /**
   * Applies a SALE, PURCHASE, PURCHASE_RETURN, ADJUSTMENT or COUNT to {@code current} (null for a
   * key never moved).
   */
  public LedgerResult apply(StockLevel current, StockCommand command, ProductInfo product) {
    return apply(command.key(), current, command, product);
  }

  private LedgerResult apply(
      String key, StockLevel current, StockCommand command, ProductInfo product) {
    requireKey(current, command.branch(), command.sku());
    BigDecimal q = command.quantity();
    return switch (command.type()) {
      case SALE ->
          move(
              key,
              current,
              command.branch(),
              command.sku(),
              MovementType.SALE,
              q.negate(),
              null,
              q,
              command,
              product);
      case PURCHASE ->
          move(
              key,
              current,
              command.branch(),
              command.sku(),
              MovementType.PURCHASE,
              q,
              command.unitCost(),
              null,
              command,
              product);
      case PURCHASE_RETURN ->
          move(
              key,
              current,
              command.branch(),
              command.sku(),
              MovementType.PURCHASE_RETURN,
              q.negate(),
              null,
              null,
              command,
              product);
      case ADJUSTMENT ->
          move(
              key,
              current,
              command.branch(),
              command.sku(),
              MovementType.ADJUSTMENT,
              q,
              null,
              null,
              command,
              product);
      case COUNT ->
          move(
              key,
              current,
              command.branch(),
              command.sku(),
              MovementType.ADJUSTMENT,
              q.subtract(onHand(current)),
              null,
              null,
              command,
              product);
      case TRANSFER ->
          throw new IllegalArgumentException(
              command.sourceRef() + ": a transfer needs both levels, use transfer()");
    };
  }

  /**
   * Applies a transfer: TRANSFER_OUT at the source, then TRANSFER_IN at the destination, whose
   * units come in at the source's average cost.
   */
  public TransferResult transfer(
      StockLevel from, StockLevel to, StockCommand command, ProductInfo product) {
    return transfer(
        command.key(),
        StoreNames.branchSkuKey(command.toBranch(), command.sku()),
        from,
        to,
        command,
        product);
  }

  private TransferResult transfer(
      String fromKey,
      String toKey,
      StockLevel from,
      StockLevel to,
      StockCommand command,
      ProductInfo product) {
    if (command.type() != CommandType.TRANSFER) {
      throw new IllegalArgumentException(command.sourceRef() + ": not a transfer");
    }
    requireKey(from, command.branch(), command.sku());
    requireKey(to, command.toBranch(), command.sku());
    BigDecimal q = command.quantity();
    BigDecimal sourceCost = avgCost(from);
    LedgerResult out =
        move(
            fromKey,
            from,
            command.branch(),
            command.sku(),
            MovementType.TRANSFER_OUT,
            q.negate(),
            null,
            null,
            command,
            product);
    LedgerResult in =
        move(
            toKey,
            to,
            command.toBranch(),
            command.sku(),
            MovementType.TRANSFER_IN,
            q,
            sourceCost,
            null,
            command,
            product);
    return new TransferResult(out, in);
  }

  /**
   * Re-evaluates an existing level after a catalogue change (minStock, maxStock, or the product
   * appearing or disappearing). No ledger entry; the demand window does not move.
   *
   * @param at business time of the catalogue change, used as {@code since} of a new status
   */
  public LedgerResult reevaluate(StockLevel current, ProductInfo product, Instant at) {
    Objects.requireNonNull(current, "current");
    requireKey(current, current.getBranch(), product.sku());
    Instant statusAt = at.isAfter(current.getUpdatedAt()) ? at : current.getUpdatedAt();
    return evaluate(
        StoreNames.branchSkuKey(current.getBranch(), current.getSku()),
        current,
        current.getBranch(),
        current.getSku(),
        current.getOnHand(),
        current.getAvgCost(),
        product,
        current.getRecentSales(),
        current.getUpdatedAt(),
        current.getMovements(),
        statusAt,
        null);
  }

  public static StockStatus statusOf(BigDecimal onHand, BigDecimal minStock) {
    if (onHand.signum() < 0) {
      return StockStatus.NEGATIVE;
    }
    if (onHand.signum() == 0) {
      return StockStatus.OUT;
    }
    return onHand.compareTo(minStock) <= 0 ? StockStatus.LOW : StockStatus.OK;
  }

  /**
   * AVCO: the average after {@code q} units at {@code cost} come in on top of {@code before} at
   * {@code avg}.
   */
  public static BigDecimal movingAverage(
      BigDecimal before, BigDecimal avg, BigDecimal q, BigDecimal cost) {
    if (before.signum() <= 0) {
      return Decimals.unitCost(cost);
    }
    BigDecimal value = before.multiply(avg).add(q.multiply(cost));
    return Decimals.unitCost(value.divide(before.add(q), AVG_DIVISION_SCALE, RoundingMode.HALF_UP));
  }

  private LedgerResult move(
      String key,
      StockLevel current,
      String branch,
      String sku,
      MovementType type,
      BigDecimal delta,
      BigDecimal incomingCost,
      BigDecimal soldQty,
      StockCommand command,
      ProductInfo product) {
    BigDecimal before = onHand(current);
    BigDecimal avg = avgCost(current);
    BigDecimal after = Decimals.qty(before.add(delta));
    BigDecimal newAvg =
        incomingCost == null ? avg : movingAverage(before, avg, delta, incomingCost);
    long sequence = (current == null ? 0 : current.getMovements()) + 1;
    Instant occurredAt = command.occurredAt();
    Instant anchor =
        current == null || occurredAt.isAfter(current.getUpdatedAt())
            ? occurredAt
            : current.getUpdatedAt();
    List<DailySales> sales = current == null ? List.of() : current.getRecentSales();
    if (soldQty != null) {
      sales = DailySalesWindow.addSale(sales, days.of(occurredAt), soldQty, days.of(anchor));
    }
    // the all-fields constructors, not the builders: the same records, without a builder's field
    // array copy and null check per field (no field given here is null unless its schema allows it)
    StockMovement movement =
        new StockMovement(
            command.sourceRef() + ":" + type.name(),
            branch,
            sku,
            type,
            Decimals.qty(delta),
            Decimals.qty(before),
            after,
            Decimals.unitCost(incomingCost == null ? avg : incomingCost),
            command.sourceRef(),
            occurredAt,
            sequence,
            command.user());
    return evaluate(
        key, current, branch, sku, after, newAvg, product, sales, anchor, sequence, anchor,
        movement);
  }

  private LedgerResult evaluate(
      String key,
      StockLevel current,
      String branch,
      String sku,
      BigDecimal onHand,
      BigDecimal avg,
      ProductInfo product,
      List<DailySales> sales,
      Instant anchor,
      long movements,
      Instant statusAt,
      StockMovement movement) {
    List<DailySales> window = DailySalesWindow.prune(sales, days.of(anchor));
    BigDecimal sold = BigDecimal.ZERO;
    for (DailySales d : window) {
      sold = sold.add(d.getQty());
    }
    StockStatus status = statusOf(onHand, product.minStock());
    boolean created = current == null;
    StockStatus previous = created ? StockStatus.OUT : current.getStatus();
    boolean transition = created ? status != StockStatus.OK : status != previous;
    Instant statusSince = created || status != previous ? statusAt : current.getStatusSince();
    StockLevel level =
        new StockLevel(
            branch,
            sku,
            Decimals.qty(onHand),
            Decimals.unitCost(avg),
            Decimals.money(onHand.max(BigDecimal.ZERO).multiply(avg)),
            status,
            product.minStock(),
            product.maxStock(),
            product.catalogued(),
            Decimals.qty(sold.divide(WINDOW, Decimals.QTY_SCALE, RoundingMode.HALF_UP)),
            daysOfCover(onHand, sold),
            reorderQty(onHand, sold, product),
            window,
            movements,
            statusSince,
            anchor);
    StockAlert alert =
        transition
            ? new StockAlert(
                branch, sku, status, previous, level.getOnHand(), level.getMinStock(), statusSince)
            : null;
    requireEncodable(level, movement);
    return new LedgerResult(key, movement, level, alert, created);
  }

  /**
   * A result the event log cannot hold (a stock value past the schema's precision, say) is refused
   * here, before anything is stored or sent, instead of failing in the sink after other lines of
   * the same event took effect.
   */
  private static void requireEncodable(StockLevel level, StockMovement movement) {
    String ref =
        movement == null ? level.getBranch() + "|" + level.getSku() : movement.getSourceRef();
    DecimalLimits.firstOverflow(level)
        .or(() -> movement == null ? Optional.empty() : DecimalLimits.firstOverflow(movement))
        .ifPresent(
            field -> {
              throw new InvalidStockEventException(
                  ref + ": " + field + " would be out of the ledger's range");
            });
  }

  /** onHand / (sold / 28), one decimal; null without sales; 0.0 when nothing is on hand. */
  private static BigDecimal daysOfCover(BigDecimal onHand, BigDecimal sold) {
    if (sold.signum() == 0) {
      return null;
    }
    return onHand.max(BigDecimal.ZERO).multiply(WINDOW).divide(sold, 1, RoundingMode.HALF_UP);
  }

  /**
   * maxStock − onHand with a maxStock; otherwise ceil(daily × (lead + cover)) − onHand, daily =
   * sold / 28 unrounded. Never below 0.
   */
  private BigDecimal reorderQty(BigDecimal onHand, BigDecimal sold, ProductInfo product) {
    BigDecimal target;
    if (product.maxStock() != null) {
      target = product.maxStock();
    } else {
      BigDecimal days = BigDecimal.valueOf((long) demand.leadTimeDays() + demand.coverDays());
      target = sold.multiply(days).divide(WINDOW, 0, RoundingMode.CEILING);
    }
    return Decimals.qty(target.subtract(onHand).max(BigDecimal.ZERO));
  }

  private static BigDecimal onHand(StockLevel level) {
    return level == null ? Decimals.qty(BigDecimal.ZERO) : level.getOnHand();
  }

  private static BigDecimal avgCost(StockLevel level) {
    return level == null ? Decimals.unitCost(BigDecimal.ZERO) : level.getAvgCost();
  }

  private static void requireKey(StockLevel level, String branch, String sku) {
    if (level != null && (!level.getBranch().equals(branch) || !level.getSku().equals(sku))) {
      throw new IllegalArgumentException(
          "Level " + level.getBranch() + "|" + level.getSku() + " given for " + branch + "|" + sku);
    }
  }
}
