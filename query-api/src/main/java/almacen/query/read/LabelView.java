package almacen.query.read;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/**
 * A shelf label due: the product, its new list price and the one before it (null for a first
 * price), its price per kg when sold by weight, and when the price changed (ISO, Buenos Aires).
 */
public record LabelView(
    String sku,
    String name,
    String ean,
    String unit,
    BigDecimal listPrice,
    BigDecimal previousListPrice,
    @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal pricePerKg,
    String changedAt) {}
