package almacen.inventory.domain;

import almacen.domain.Bounds;
import almacen.domain.CostBasis;
import almacen.domain.SaleValidity;
import almacen.events.Invoice;
import almacen.events.InvoiceKind;
import almacen.events.InvoiceLine;
import almacen.events.InvoiceStatus;
import almacen.events.Sale;
import almacen.events.SaleLine;
import almacen.events.StockAdjustment;
import almacen.events.StockTransfer;
import almacen.events.TaxRegime;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns source events into {@link StockCommand}s: the one place that says which event moves which
 * stock. Every method validates the whole event first (all lines or none), so a bad event is
 * rejected before any of it takes effect. Each command carries the event's {@code user}.
 */
public final class StockCommands {

  private final TaxRegime taxRegime;
  private final ZoneId zone;

  public StockCommands(TaxRegime taxRegime, ZoneId zone) {
    this.taxRegime = Objects.requireNonNull(taxRegime, "taxRegime");
    this.zone = Objects.requireNonNull(zone, "zone");
  }

  /** One SALE per line, {@code saleId#line}; the whole sale must pass {@link SaleValidity}. */
  public List<StockCommand> fromSale(Sale sale) {
    String id = requireId(sale == null ? null : sale.getSaleId(), "sale");
    SaleValidity.problem(sale)
        .ifPresent(
            problem -> {
              throw new InvalidStockEventException(problem);
            });
    List<StockCommand> commands = new ArrayList<>(sale.getLines().size());
    int lineNo = 0;
    for (SaleLine line : sale.getLines()) {
      lineNo++;
      commands.add(
          new StockCommand(
              CommandType.SALE,
              sale.getBranch(),
              line.getSku(),
              line.getQty(),
              null,
              id + "#" + lineNo,
              sale.getSoldAt(),
              null,
              sale.getUser()));
    }
    return commands;
  }

  /**
   * Only a CONFIRMED invoice moves stock (a NEEDS_REVIEW one is neither applied nor remembered).
   */
  public static boolean movesStock(Invoice invoice) {
    return invoice != null && invoice.getStatus() == InvoiceStatus.CONFIRMED;
  }

  /**
   * An invoice: one PURCHASE per line with a sku (a line with a null sku is not stock: freight, a
   * discount), at the unit cost paid ({@link CostBasis#paidUnitCost}, so net of a bonificación). A
   * credit note: one PURCHASE_RETURN per line with a sku and qty &gt; 0, the goods going back. A
   * debit note moves nothing (it charges more for goods already counted). The line number counts
   * every line of the document, so {@code #3} is its third line.
   */
  public List<StockCommand> fromInvoice(Invoice invoice) {
    String id = requireId(invoice == null ? null : invoice.getInvoiceId(), "invoice");
    if (!movesStock(invoice) || invoice.getKind() == InvoiceKind.DEBIT_NOTE) {
      return List.of();
    }
    boolean creditNote = invoice.getKind() == InvoiceKind.CREDIT_NOTE;
    Bounds.count(invoice.getLines().size(), Bounds.MAX_INVOICE_LINES, "lines")
        .ifPresent(
            v -> {
              throw new InvalidStockEventException("invoice " + id + " " + v.message());
            });
    Instant at = businessTime(invoice);
    List<StockCommand> commands = new ArrayList<>();
    int lineNo = 0;
    for (InvoiceLine line : invoice.getLines()) {
      lineNo++;
      if (line.getSku() == null) {
        continue;
      }
      String ref = id + "#" + lineNo;
      if (creditNote) {
        if (line.getQty() != null && line.getQty().signum() > 0) {
          commands.add(
              new StockCommand(
                  CommandType.PURCHASE_RETURN,
                  invoice.getBranch(),
                  line.getSku(),
                  line.getQty(),
                  null,
                  ref,
                  at,
                  null,
                  invoice.getUser()));
        }
        continue;
      }
      if (line.getUnitCost() == null || line.getIvaRatePct() == null) {
        throw new InvalidStockEventException(ref + ": unit cost and IVA rate are required");
      }
      BigDecimal paid =
          CostBasis.paidUnitCost(
              line.getUnitCost(), line.getQty(), line.getLineTotal(), line.getDiscountPct());
      BigDecimal basis =
          CostBasis.of(taxRegime, paid, line.getIvaRatePct(), invoice.getPricesIncludeIva());
      commands.add(
          new StockCommand(
              CommandType.PURCHASE,
              invoice.getBranch(),
              line.getSku(),
              line.getQty(),
              basis,
              ref,
              at,
              null,
              invoice.getUser()));
    }
    return commands;
  }

  /** An invoice's business time: its issue date at 00:00 in the business zone. */
  public Instant businessTime(Invoice invoice) {
    return invoice.getIssueDate().atStartOfDay(zone).toInstant();
  }

  /** A delta (ADJUSTMENT) or a count (COUNT); exactly one of the two must be present. */
  public StockCommand fromAdjustment(StockAdjustment adjustment) {
    String id = requireId(adjustment == null ? null : adjustment.getAdjustmentId(), "adjustment");
    boolean hasDelta = adjustment.getDelta() != null;
    boolean hasCount = adjustment.getCountedQty() != null;
    if (hasDelta == hasCount) {
      throw new InvalidStockEventException(
          "adjustment "
              + id
              + (hasDelta
                  ? " has both delta and countedQty"
                  : " has neither delta nor countedQty"));
    }
    return hasDelta
        ? new StockCommand(
            CommandType.ADJUSTMENT,
            adjustment.getBranch(),
            adjustment.getSku(),
            adjustment.getDelta(),
            null,
            id,
            adjustment.getOccurredAt(),
            null,
            adjustment.getUser())
        : new StockCommand(
            CommandType.COUNT,
            adjustment.getBranch(),
            adjustment.getSku(),
            adjustment.getCountedQty(),
            null,
            id,
            adjustment.getOccurredAt(),
            null,
            adjustment.getUser());
  }

  public StockCommand fromTransfer(StockTransfer transfer) {
    String id = requireId(transfer == null ? null : transfer.getTransferId(), "transfer");
    return new StockCommand(
        CommandType.TRANSFER,
        transfer.getFromBranch(),
        transfer.getSku(),
        transfer.getQty(),
        null,
        id,
        transfer.getOccurredAt(),
        transfer.getToBranch(),
        transfer.getUser());
  }

  private static String requireId(String id, String kind) {
    if (id == null || id.isBlank()) {
      throw new InvalidStockEventException(kind + " without an id");
    }
    return id;
  }
}
