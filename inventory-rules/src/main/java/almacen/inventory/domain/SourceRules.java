package almacen.inventory.domain;

import almacen.events.Invoice;
import almacen.events.Sale;
import almacen.events.StockAdjustment;
import almacen.events.StockTransfer;
import java.time.Duration;
import java.util.List;

/**
 * The four kinds of source event that move stock: sale ids are remembered for {@code saleIdMemory}
 * (a till may reuse them), invoice, adjustment and transfer ids for ever; only a CONFIRMED invoice
 * takes effect.
 */
public record SourceRules(
    SourceRule<Sale> sales,
    SourceRule<Invoice> invoices,
    SourceRule<StockAdjustment> adjustments,
    SourceRule<StockTransfer> transfers) {

  /**
   * Default of {@code almacen.inventory.sale-dedupe-window}, in days (a constant for annotations).
   */
  public static final int DEFAULT_SALE_ID_MEMORY_DAYS = 35;

  public static final Duration DEFAULT_SALE_ID_MEMORY =
      Duration.ofDays(DEFAULT_SALE_ID_MEMORY_DAYS);

  public static SourceRules of(StockCommands commands, Duration saleIdMemory) {
    return new SourceRules(
        new SourceRule<>(
            "sale", Sale::getSaleId, s -> true, Sale::getSoldAt, commands::fromSale, saleIdMemory),
        new SourceRule<>(
            "invoice",
            Invoice::getInvoiceId,
            StockCommands::movesStock,
            commands::businessTime,
            commands::fromInvoice,
            null),
        new SourceRule<>(
            "adjustment",
            StockAdjustment::getAdjustmentId,
            a -> true,
            StockAdjustment::getOccurredAt,
            a -> List.of(commands.fromAdjustment(a)),
            null),
        new SourceRule<>(
            "transfer",
            StockTransfer::getTransferId,
            t -> true,
            StockTransfer::getOccurredAt,
            t -> List.of(commands.fromTransfer(t)),
            null));
  }
}
