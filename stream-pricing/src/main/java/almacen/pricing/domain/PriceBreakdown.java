package almacen.pricing.domain;

import almacen.events.TaxRegime;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A selling price and every number it came from, unrounded (the event layer rounds each to its Avro
 * scale): listPrice = ceil(listPriceBeforeRounding / roundingStep) × roundingStep.
 */
public record PriceBreakdown(
    String sku,
    BigDecimal listPrice,
    BigDecimal listPriceBeforeRounding,
    BigDecimal unitCost,
    BigDecimal costBasis,
    LocalDate costDate,
    String costInvoiceId,
    BigDecimal inflationFactor,
    LocalDate horizonDate,
    BigDecimal markupPct,
    MarkupSource markupSource,
    BigDecimal ivaRatePct,
    TaxRegime taxRegime,
    BigDecimal roundingStep) {}
