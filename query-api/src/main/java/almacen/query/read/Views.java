package almacen.query.read;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The JSON shapes of CONTRACT.md "Read side". Money has scale 2, quantities 3, instants are ISO
 * with offset.
 */
public final class Views {

  private Views() {}

  public record StockView(
      String sku,
      String name,
      String category,
      String branch,
      String unit,
      BigDecimal onHand,
      BigDecimal minStock,
      BigDecimal maxStock,
      String status,
      BigDecimal avgCost,
      BigDecimal stockValue,
      BigDecimal dailySales28d,
      BigDecimal daysOfCover,
      BigDecimal reorderQty,
      BigDecimal listPrice,
      String updatedAt) {}

  public record MovementView(
      String movementId,
      String type,
      BigDecimal delta,
      BigDecimal before,
      BigDecimal after,
      BigDecimal unitCost,
      String sourceRef,
      String occurredAt,
      String user) {}

  public record PriceView(
      String sku,
      BigDecimal listPrice,
      BigDecimal costBasis,
      LocalDate costDate,
      BigDecimal inflationFactor,
      LocalDate horizonDate,
      BigDecimal markupPct,
      BigDecimal ivaRatePct,
      BigDecimal roundingStep,
      String effectiveAt,
      String reason) {}

  public record AlertView(
      String sku,
      String branch,
      String kind,
      BigDecimal onHand,
      BigDecimal minStock,
      String since) {}

  public record InflationView(String month, BigDecimal ratePct, String source) {}

  public record Summary(
      long products,
      long lowCount,
      long outCount,
      long negativeCount,
      BigDecimal stockValue,
      BigDecimal salesToday,
      long invoicesPendingReview) {}

  /** What one instance knows of the summary from its own partitions. */
  public record SummaryPart(
      long lowCount,
      long outCount,
      long negativeCount,
      BigDecimal stockValue,
      BigDecimal salesToday) {

    public SummaryPart plus(SummaryPart o) {
      return new SummaryPart(
          lowCount + o.lowCount,
          outCount + o.outCount,
          negativeCount + o.negativeCount,
          stockValue.add(o.stockValue),
          salesToday.add(o.salesToday));
    }
  }

  public record Items<T>(List<T> items) {}

  public record Page<T>(List<T> items, long total) {}
}
