package almacen.pricing;

import almacen.domain.CostBasis;
import almacen.domain.Decimals;
import almacen.events.Invoice;
import almacen.events.InvoiceLine;
import almacen.events.Price;
import almacen.events.PriceReason;
import almacen.events.Product;
import almacen.pricing.domain.CostLine;
import almacen.pricing.domain.PriceBreakdown;
import almacen.pricing.domain.ProductTerms;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** Mapping between the Avro events and the pure pricing domain. */
final class PriceEvents {

  private PriceEvents() {}

  /**
   * The cost of the only line of a cost invoice (see {@link PricingTopology#costInvoicesBySku}):
   * what a unit was paid, net of its bonificación ({@link CostBasis#paidUnitCost}).
   */
  static CostLine costLine(String sku, Invoice costInvoice) {
    InvoiceLine line = costInvoice.getLines().get(0);
    return new CostLine(
        sku,
        costInvoice.getInvoiceId(),
        costInvoice.getIssueDate(),
        CostBasis.paidUnitCost(
            line.getUnitCost(), line.getQty(), line.getLineTotal(), line.getDiscountPct()),
        line.getIvaRatePct(),
        costInvoice.getPricesIncludeIva());
  }

  static ProductTerms terms(Product product) {
    return new ProductTerms(
        product.getSku(), product.getCategory(), product.getIvaRatePct(), product.getMarkupPct());
  }

  /** Whether two catalogue entries price the same way (category, IVA and markup). */
  static boolean samePricingTerms(Product a, Product b) {
    return Objects.equals(normaliseCategory(a), normaliseCategory(b))
        && a.getIvaRatePct().compareTo(b.getIvaRatePct()) == 0
        && sameNullable(a.getMarkupPct(), b.getMarkupPct());
  }

  /** The event, every decimal at its Avro scale. */
  static Price toEvent(
      PriceBreakdown b, PriceReason reason, Instant effectiveAt, BigDecimal previousListPrice) {
    return Price.newBuilder()
        .setSku(b.sku())
        .setListPrice(Decimals.money(b.listPrice()))
        .setUnitCost(Decimals.unitCost(b.unitCost()))
        .setCostBasis(Decimals.unitCost(b.costBasis()))
        .setCostDate(b.costDate())
        .setCostInvoiceId(b.costInvoiceId())
        .setInflationFactor(Decimals.factor(b.inflationFactor()))
        .setHorizonDate(b.horizonDate())
        .setMarkupPct(Decimals.rate(b.markupPct()))
        .setIvaRatePct(Decimals.rate(b.ivaRatePct()))
        .setTaxRegime(b.taxRegime())
        .setRoundingStep(Decimals.money(b.roundingStep()))
        .setEffectiveAt(effectiveAt)
        .setReason(reason)
        .setPreviousListPrice(Decimals.money(previousListPrice))
        .build();
  }

  private static String normaliseCategory(Product p) {
    return p.getCategory() == null
        ? ""
        : almacen.pricing.domain.PricingRules.normalise(p.getCategory());
  }

  private static boolean sameNullable(BigDecimal a, BigDecimal b) {
    return a == null ? b == null : b != null && a.compareTo(b) == 0;
  }
}
